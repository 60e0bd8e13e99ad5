/* A stand-in for libnvidia-ml.so.1: the release, the driver's CUDA version and
   the GPUs, answering what the test put in the environment (see README.md).
   Like the real NVML it lists every GPU, whatever CUDA_VISIBLE_DEVICES says. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fake_behaviour.h"
#include "fake_gpus.h"

enum {
  NVML_SUCCESS = 0,
  NVML_ERROR_UNINITIALIZED = 1,
  NVML_ERROR_INVALID_ARGUMENT = 2,
  NVML_ERROR_NOT_SUPPORTED = 3,
  NVML_ERROR_INSUFFICIENT_SIZE = 7
};

typedef struct fake_gpu* nvmlDevice_t;
typedef struct {
  unsigned long long total;
  unsigned long long free;
  unsigned long long used;
} nvmlMemory_t;

static int initialized;
static struct fake_gpu gpus[FAKE_MAX_GPUS];
static int gpu_count;

int nvmlInit_v2(void) {
  fake_misbehave_if_asked("FAKE_NVML_BEHAVIOUR");
  const int result = (int)fake_env_number("FAKE_NVML_INIT_RESULT", NVML_SUCCESS);
  initialized = result == NVML_SUCCESS;
  /* NVML's own list when the test gives one (hostile values), else the machine's. */
  gpu_count = getenv("FAKE_NVML_GPUS") != NULL ? fake_read_gpus("FAKE_NVML_GPUS", gpus)
                                               : fake_read_gpus("FAKE_CUDA_GPUS", gpus);
  return result;
}

int nvmlShutdown(void) {
  if (!initialized) return NVML_ERROR_UNINITIALIZED;
  initialized = 0;
  return NVML_SUCCESS;
}

static int copy_text(char* buffer, unsigned int length, const char* text) {
  if (buffer == NULL) return NVML_ERROR_INVALID_ARGUMENT;
  if (strlen(text) + 1 > length) return NVML_ERROR_INSUFFICIENT_SIZE;
  snprintf(buffer, length, "%s", text);
  return NVML_SUCCESS;
}

int nvmlSystemGetDriverVersion(char* version, unsigned int length) {
  if (!initialized) return NVML_ERROR_UNINITIALIZED;
  const char* release = getenv("FAKE_NVML_DRIVER_VERSION");
  if (release == NULL) return NVML_ERROR_NOT_SUPPORTED;
  return copy_text(version, length, release);
}

/* The real one asks libcuda; the same machine's value. */
int nvmlSystemGetCudaDriverVersion(int* version) {
  if (!initialized) return NVML_ERROR_UNINITIALIZED;
  if (version == NULL) return NVML_ERROR_INVALID_ARGUMENT;
  *version = (int)fake_env_number("FAKE_NVML_CUDA_VERSION", fake_env_number("FAKE_CUDA_DRIVER_VERSION", 12040));
  return NVML_SUCCESS;
}

int nvmlDeviceGetCount_v2(unsigned int* count) {
  if (!initialized) return NVML_ERROR_UNINITIALIZED;
  if (count == NULL) return NVML_ERROR_INVALID_ARGUMENT;
  *count = (unsigned int)fake_env_number("FAKE_NVML_COUNT", gpu_count);
  return NVML_SUCCESS;
}

int nvmlDeviceGetHandleByIndex_v2(unsigned int index, nvmlDevice_t* device) {
  if (!initialized) return NVML_ERROR_UNINITIALIZED;
  if (device == NULL || index >= (unsigned int)gpu_count) return NVML_ERROR_INVALID_ARGUMENT;
  *device = &gpus[index];
  return NVML_SUCCESS;
}

int nvmlDeviceGetName(nvmlDevice_t device, char* name, unsigned int length) {
  if (!initialized) return NVML_ERROR_UNINITIALIZED;
  if (device == NULL) return NVML_ERROR_INVALID_ARGUMENT;
  return copy_text(name, length, device->name);
}

int nvmlDeviceGetCudaComputeCapability(nvmlDevice_t device, int* major, int* minor) {
  if (!initialized) return NVML_ERROR_UNINITIALIZED;
  if (device == NULL || major == NULL || minor == NULL) return NVML_ERROR_INVALID_ARGUMENT;
  const int result = (int)fake_env_number("FAKE_NVML_CC_RESULT", NVML_SUCCESS);
  if (result != NVML_SUCCESS) return result;
  *major = device->major;
  *minor = device->minor;
  return NVML_SUCCESS;
}

int nvmlDeviceGetMemoryInfo(nvmlDevice_t device, nvmlMemory_t* memory) {
  if (!initialized) return NVML_ERROR_UNINITIALIZED;
  if (device == NULL || memory == NULL) return NVML_ERROR_INVALID_ARGUMENT;
  memory->total = device->bytes;
  memory->free = device->bytes;
  memory->used = 0;
  return NVML_SUCCESS;
}

int nvmlDeviceGetUUID(nvmlDevice_t device, char* uuid, unsigned int length) {
  if (!initialized) return NVML_ERROR_UNINITIALIZED;
  if (device == NULL) return NVML_ERROR_INVALID_ARGUMENT;
  return copy_text(uuid, length, device->uuid);
}

/* FAKE_NVML_MIG=<index>: that GPU is in MIG mode. */
int nvmlDeviceGetMigMode(nvmlDevice_t device, unsigned int* current, unsigned int* pending) {
  if (!initialized) return NVML_ERROR_UNINITIALIZED;
  if (device == NULL || current == NULL || pending == NULL) return NVML_ERROR_INVALID_ARGUMENT;
  const long long mig = fake_env_number("FAKE_NVML_MIG", -1);
  *current = *pending = mig == (long long)(device - gpus) ? 1u : 0u;
  return NVML_SUCCESS;
}
