/* A stand-in for libnvidia-ml.so.1: just enough NVML to read the release. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fake_behaviour.h"

enum {
  NVML_SUCCESS = 0,
  NVML_ERROR_UNINITIALIZED = 1,
  NVML_ERROR_INVALID_ARGUMENT = 2,
  NVML_ERROR_NOT_SUPPORTED = 3,
  NVML_ERROR_INSUFFICIENT_SIZE = 7
};

static int initialized;

int nvmlInit_v2(void) {
  fake_misbehave_if_asked("FAKE_NVML_BEHAVIOUR");
  const int result = (int)fake_env_number("FAKE_NVML_INIT_RESULT", NVML_SUCCESS);
  initialized = result == NVML_SUCCESS;
  return result;
}

int nvmlSystemGetDriverVersion(char* version, unsigned int length) {
  if (!initialized) return NVML_ERROR_UNINITIALIZED;
  if (version == NULL) return NVML_ERROR_INVALID_ARGUMENT;
  const char* release = getenv("FAKE_NVML_DRIVER_VERSION");
  if (release == NULL) return NVML_ERROR_NOT_SUPPORTED;
  if (strlen(release) + 1 > length) return NVML_ERROR_INSUFFICIENT_SIZE;
  snprintf(version, length, "%s", release);
  return NVML_SUCCESS;
}

int nvmlShutdown(void) {
  if (!initialized) return NVML_ERROR_UNINITIALIZED;
  initialized = 0;
  return NVML_SUCCESS;
}
