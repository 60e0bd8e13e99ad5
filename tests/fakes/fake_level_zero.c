/* A stand-in for Level Zero's loader, libze_loader.so.1: lists the GPUs the
   test chose, with the real C ABI of zeInit, zeDriverGet, zeDeviceGet and
   zeDeviceGetProperties (one driver; ze_device_properties_t as in ze_api.h). */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "fake_behaviour.h"

typedef uint32_t ze_result_t;
typedef void* ze_handle_t;

#define FAKE_ZE_MAX_DEVICES 64
#define ZE_RESULT_ERROR_UNINITIALIZED 0x78000001u
#define ZE_RESULT_ERROR_INVALID_NULL_POINTER 0x78000007u

typedef struct {
  uint32_t stype;
  void* pNext;
  uint32_t type;
  uint32_t vendorId;
  uint32_t deviceId;
  uint32_t flags;
  uint32_t subdeviceId;
  uint32_t coreClockRate;
  uint64_t maxMemAllocSize;
  uint32_t maxHardwareContexts;
  uint32_t maxCommandQueuePriority;
  uint32_t numThreadsPerEU;
  uint32_t physicalEUSimdWidth;
  uint32_t numEUsPerSubslice;
  uint32_t numSubslicesPerSlice;
  uint32_t numSlices;
  uint64_t timerResolution;
  uint32_t timestampValidBits;
  uint32_t kernelTimestampValidBits;
  uint8_t uuid[16];
  char name[256];
} fake_ze_device_properties_t;

/* Handles are small numbers: 1 for the driver, 1 + i for device i. */
static uint32_t fake_ids[FAKE_ZE_MAX_DEVICES];
static uint32_t fake_count;
static int fake_initialised;

/* FAKE_ZE_DEVICES: PCI device ids, comma-separated, e.g. "0x56a0,0xe20b". */
static void fake_read_devices(void) {
  const char* text = getenv("FAKE_ZE_DEVICES");
  fake_count = 0;
  while (text != NULL && *text != '\0' && fake_count < FAKE_ZE_MAX_DEVICES) {
    char* end = NULL;
    unsigned long id = strtoul(text, &end, 16);
    if (end == text) break;
    fake_ids[fake_count++] = (uint32_t)id;
    text = *end == ',' ? end + 1 : end;
  }
}

ze_result_t zeInit(uint32_t flags) {
  (void)flags;
  fake_misbehave_if_asked("FAKE_ZE_BEHAVIOUR");
  ze_result_t result = (ze_result_t)fake_env_number("FAKE_ZE_INIT_RESULT", 0);
  if (result != 0) return result;
  fake_read_devices();
  fake_initialised = 1;
  return 0;
}

ze_result_t zeDriverGet(uint32_t* count, ze_handle_t* drivers) {
  if (!fake_initialised) return ZE_RESULT_ERROR_UNINITIALIZED;
  if (count == NULL) return ZE_RESULT_ERROR_INVALID_NULL_POINTER;
  if (drivers != NULL && *count >= 1) drivers[0] = (ze_handle_t)(uintptr_t)1;
  *count = 1;
  return 0;
}

ze_result_t zeDeviceGet(ze_handle_t driver, uint32_t* count, ze_handle_t* devices) {
  uint32_t i;
  if (!fake_initialised || driver != (ze_handle_t)(uintptr_t)1) return ZE_RESULT_ERROR_UNINITIALIZED;
  if (count == NULL) return ZE_RESULT_ERROR_INVALID_NULL_POINTER;
  if (devices != NULL) {
    for (i = 0; i < *count && i < fake_count; ++i) devices[i] = (ze_handle_t)(uintptr_t)(2 + i);
  }
  *count = fake_count;
  return 0;
}

ze_result_t zeDeviceGetProperties(ze_handle_t device, fake_ze_device_properties_t* properties) {
  uintptr_t index = (uintptr_t)device - 2;
  fake_misbehave_if_asked("FAKE_ZE_PROPERTIES_BEHAVIOUR");
  if (!fake_initialised || index >= fake_count) return ZE_RESULT_ERROR_UNINITIALIZED;
  if (properties == NULL) return ZE_RESULT_ERROR_INVALID_NULL_POINTER;
  properties->type = 1; /* ZE_DEVICE_TYPE_GPU */
  properties->vendorId = 0x8086;
  properties->deviceId = fake_ids[index];
  properties->flags = 0;
  snprintf(properties->name, sizeof properties->name, "Intel(R) Graphics [0x%04x]", (unsigned)fake_ids[index]);
  return 0;
}
