// Intel's Level Zero loader, resolved at run time, with the few calls that
// list the GPUs an XPU program would see (zeInit, zeDriverGet, zeDeviceGet,
// zeDeviceGetProperties). Types mirror ze_api.h (oneAPI Level Zero spec 1.x).
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "vendor/vendor_library.hpp"

namespace torchcompat {

using ZeResult = std::uint32_t;
using ZeHandle = void*;

inline constexpr std::uint32_t ze_init_flag_gpu_only = 1;                // ZE_INIT_FLAG_GPU_ONLY
inline constexpr std::uint32_t ze_structure_type_device_properties = 3;  // ZE_STRUCTURE_TYPE_DEVICE_PROPERTIES
inline constexpr std::uint32_t ze_device_type_gpu = 1;                   // ZE_DEVICE_TYPE_GPU
inline constexpr std::uint32_t ze_device_property_flag_subdevice = 2;    // ZE_DEVICE_PROPERTY_FLAG_SUBDEVICE

// ze_device_properties_t, member for member; the tail is room for a loader
// that writes more than the 1.0 structure (it should not, but a short buffer
// would be a memory error in the child).
struct ZeDeviceProperties {
  std::uint32_t stype = ze_structure_type_device_properties;
  void* pNext = nullptr;
  std::uint32_t type = 0;
  std::uint32_t vendorId = 0;
  std::uint32_t deviceId = 0;
  std::uint32_t flags = 0;
  std::uint32_t subdeviceId = 0;
  std::uint32_t coreClockRate = 0;
  std::uint64_t maxMemAllocSize = 0;
  std::uint32_t maxHardwareContexts = 0;
  std::uint32_t maxCommandQueuePriority = 0;
  std::uint32_t numThreadsPerEU = 0;
  std::uint32_t physicalEUSimdWidth = 0;
  std::uint32_t numEUsPerSubslice = 0;
  std::uint32_t numSubslicesPerSlice = 0;
  std::uint32_t numSlices = 0;
  std::uint64_t timerResolution = 0;
  std::uint32_t timestampValidBits = 0;
  std::uint32_t kernelTimestampValidBits = 0;
  std::uint8_t uuid[16] = {};
  char name[256] = {};
  char reserve[1024] = {};
};

struct LevelZeroApi {
  ZeResult (*zeInit)(std::uint32_t flags) = nullptr;
  ZeResult (*zeDriverGet)(std::uint32_t* count, ZeHandle* drivers) = nullptr;
  ZeResult (*zeDeviceGet)(ZeHandle driver, std::uint32_t* count, ZeHandle* devices) = nullptr;
  ZeResult (*zeDeviceGetProperties)(ZeHandle device, ZeDeviceProperties* properties) = nullptr;
};

struct LoadedLevelZero {
  std::unique_ptr<VendorLibrary> library;
  LevelZeroApi api;
  std::string path;
};

// The loader's file name on this platform.
const char* level_zero_library_name();

// Opens the loader; library is null and `error` says why on failure.
LoadedLevelZero load_level_zero(std::string& error);

}  // namespace torchcompat
