/* A stand-in for libcuda.so.1: the driver API entry points the probe uses,
   answering what the test put in the environment (see README.md). */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "fake_behaviour.h"
#include "fake_gpus.h"

enum {
  CUDA_SUCCESS = 0,
  CUDA_ERROR_INVALID_VALUE = 1,
  CUDA_ERROR_NOT_INITIALIZED = 3,
  CUDA_ERROR_NO_DEVICE = 100,
  CUDA_ERROR_INVALID_DEVICE = 101,
  CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR = 75,
  CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR = 76
};

static struct fake_gpu all_gpus[FAKE_MAX_GPUS];
static int all_count;
static struct fake_gpu visible_gpus[FAKE_MAX_GPUS];
static int visible_count;
static int initialized;

static void read_gpus(void) { all_count = fake_read_gpus("FAKE_CUDA_GPUS", all_gpus); }

/* A GPU- entry names the one GPU whose UUID starts with it; -1 when none or several do. */
static int gpu_by_uuid_prefix(const char* prefix) {
  int match = -1;
  for (int i = 0; i < all_count; ++i) {
    if (strncmp(all_gpus[i].uuid, prefix, strlen(prefix)) != 0) continue;
    if (match >= 0) return -1;
    match = i;
  }
  return match;
}

/* Like the real driver: indices or GPU- UUID prefixes, in order; the first
   invalid one ends the list. */
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
    long index = -1;
    if (strncmp(entry, "GPU-", 4) == 0) {
      index = gpu_by_uuid_prefix(entry);
    } else {
      char* end = NULL;
      index = strtol(entry, &end, 10);
      if (end == entry || *end != '\0') index = -1;
    }
    if (index < 0 || index >= all_count || visible_count == FAKE_MAX_GPUS) break;
    visible_gpus[visible_count++] = all_gpus[index];
  }
  free(copy);
}

/* What cuInit costs on an idle GPU without persistence mode: seconds. */
static void sleep_if_asked(void) {
  const long long ms = fake_env_number("FAKE_CUDA_INIT_SLEEP_MS", 0);
  if (ms <= 0) return;
  struct timespec pause_for = {(time_t)(ms / 1000), (long)(ms % 1000) * 1000000L};
  while (nanosleep(&pause_for, &pause_for) != 0) {
  }
}

/* Leaves a trace, so a test can tell cuInit was called at all. */
static void mark_if_asked(void) {
  const char* marker = getenv("FAKE_CUDA_INIT_MARKER");
  if (marker == NULL) return;
  FILE* file = fopen(marker, "a");
  if (file == NULL) return;
  fputs("cuInit\n", file);
  fclose(file);
}

int cuInit(unsigned int flags) {
  (void)flags;
  mark_if_asked();
  fake_misbehave_if_asked("FAKE_CUDA_BEHAVIOUR");
  sleep_if_asked();
  /* Real drivers sometimes print; the probe's stdout must stay its own. */
  const char* chatter = getenv("FAKE_CUDA_PRINT");
  if (chatter != NULL) {
    printf("%s\n", chatter);
    fflush(stdout);
  }
  /* A driver gone wild: this many bytes of chatter on stderr. */
  long long flood = fake_env_number("FAKE_CUDA_PRINT_BYTES", 0);
  static const char line[] = "NVRM: flood of driver chatter ..................................\n";
  while (flood > 0) {
    const long long size = flood < (long long)(sizeof line - 1) ? flood : (long long)(sizeof line - 1);
    fwrite(line, 1, (size_t)size, stderr);
    flood -= size;
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
