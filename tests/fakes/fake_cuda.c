/* A stand-in for libcuda.so.1: the driver API entry points the probe uses,
   answering what the test put in the environment (see README.md). */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fake_behaviour.h"

#define FAKE_MAX_GPUS 16

enum {
  CUDA_SUCCESS = 0,
  CUDA_ERROR_INVALID_VALUE = 1,
  CUDA_ERROR_NOT_INITIALIZED = 3,
  CUDA_ERROR_NO_DEVICE = 100,
  CUDA_ERROR_INVALID_DEVICE = 101,
  CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR = 75,
  CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR = 76
};

struct fake_gpu {
  char name[128];
  int major;
  int minor;
  unsigned long long bytes;
};

static struct fake_gpu all_gpus[FAKE_MAX_GPUS];
static int all_count;
static struct fake_gpu visible_gpus[FAKE_MAX_GPUS];
static int visible_count;
static int initialized;

/* "name,major.minor,bytes;..." */
static void read_gpus(void) {
  const char* spec = getenv("FAKE_CUDA_GPUS");
  all_count = 0;
  if (spec == NULL) return;
  char* copy = strdup(spec);
  char* save = NULL;
  for (char* entry = strtok_r(copy, ";", &save); entry != NULL && all_count < FAKE_MAX_GPUS;
       entry = strtok_r(NULL, ";", &save)) {
    struct fake_gpu* gpu = &all_gpus[all_count];
    char* first_comma = strchr(entry, ',');
    if (first_comma == NULL) continue;
    *first_comma = '\0';
    snprintf(gpu->name, sizeof gpu->name, "%s", entry);
    if (sscanf(first_comma + 1, "%d.%d,%llu", &gpu->major, &gpu->minor, &gpu->bytes) != 3) continue;
    ++all_count;
  }
  free(copy);
}

/* Like the real driver: indices in order; the first invalid one ends the list. */
static void apply_visible_devices(void) {
  const char* visible = getenv("CUDA_VISIBLE_DEVICES");
  visible_count = 0;
  if (visible == NULL) {
    memcpy(visible_gpus, all_gpus, sizeof all_gpus);
    visible_count = all_count;
    return;
  }
  char* copy = strdup(visible);
  char* save = NULL;
  for (char* entry = strtok_r(copy, ",", &save); entry != NULL; entry = strtok_r(NULL, ",", &save)) {
    char* end = NULL;
    const long index = strtol(entry, &end, 10);
    if (end == entry || *end != '\0' || index < 0 || index >= all_count) break;
    visible_gpus[visible_count++] = all_gpus[index];
  }
  free(copy);
}

int cuInit(unsigned int flags) {
  (void)flags;
  fake_misbehave_if_asked("FAKE_CUDA_BEHAVIOUR");
  /* Real drivers sometimes print; the probe's stdout must stay its own. */
  const char* chatter = getenv("FAKE_CUDA_PRINT");
  if (chatter != NULL) {
    printf("%s\n", chatter);
    fflush(stdout);
  }
  const int result = (int)fake_env_number("FAKE_CUDA_INIT_RESULT", CUDA_SUCCESS);
  if (result != CUDA_SUCCESS) return result;
  read_gpus();
  apply_visible_devices();
  /* A real driver with nothing visible fails cuInit itself. */
  if (visible_count == 0) return CUDA_ERROR_NO_DEVICE;
  initialized = 1;
  return CUDA_SUCCESS;
}

int cuDriverGetVersion(int* version) {
  if (version == NULL) return CUDA_ERROR_INVALID_VALUE;
  *version = (int)fake_env_number("FAKE_CUDA_DRIVER_VERSION", 12040);
  return CUDA_SUCCESS;
}

int cuDeviceGetCount(int* count) {
  if (count == NULL) return CUDA_ERROR_INVALID_VALUE;
  if (!initialized) return CUDA_ERROR_NOT_INITIALIZED;
  *count = visible_count;
  return CUDA_SUCCESS;
}

int cuDeviceGet(int* device, int ordinal) {
  if (device == NULL) return CUDA_ERROR_INVALID_VALUE;
  if (!initialized) return CUDA_ERROR_NOT_INITIALIZED;
  if (ordinal < 0 || ordinal >= visible_count) return CUDA_ERROR_INVALID_DEVICE;
  *device = ordinal;
  return CUDA_SUCCESS;
}

static const struct fake_gpu* gpu_at(int device) {
  if (!initialized || device < 0 || device >= visible_count) return NULL;
  return &visible_gpus[device];
}

int cuDeviceGetName(char* name, int length, int device) {
  const struct fake_gpu* gpu = gpu_at(device);
  if (gpu == NULL) return CUDA_ERROR_INVALID_DEVICE;
  if (name == NULL || length <= 0) return CUDA_ERROR_INVALID_VALUE;
  snprintf(name, (size_t)length, "%s", gpu->name);
  return CUDA_SUCCESS;
}

int cuDeviceGetAttribute(int* value, int attribute, int device) {
  const struct fake_gpu* gpu = gpu_at(device);
  if (gpu == NULL) return CUDA_ERROR_INVALID_DEVICE;
  if (value == NULL) return CUDA_ERROR_INVALID_VALUE;
  if (attribute == CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR) {
    *value = gpu->major;
  } else if (attribute == CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR) {
    *value = gpu->minor;
  } else {
    return CUDA_ERROR_INVALID_VALUE;
  }
  return CUDA_SUCCESS;
}

int cuDeviceTotalMem_v2(size_t* bytes, int device) {
  const struct fake_gpu* gpu = gpu_at(device);
  if (gpu == NULL) return CUDA_ERROR_INVALID_DEVICE;
  if (bytes == NULL) return CUDA_ERROR_INVALID_VALUE;
  *bytes = (size_t)gpu->bytes;
  return CUDA_SUCCESS;
}
