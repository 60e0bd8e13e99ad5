// NVML, resolved at run time. It answers the driver's release, the CUDA
// version the driver supports, and the GPUs with their compute capability,
// without creating a CUDA context: asking it never pays cuInit's cost.
#pragma once

#include <memory>
#include <string>

#include "vendor/vendor_library.hpp"

namespace torchcompat {

// nvml.h's C ABI: nvmlReturn_t is an int, nvmlDevice_t an opaque pointer.
using NvmlDevice = struct NvmlDeviceOpaque*;
struct NvmlMemory {
  unsigned long long total;
  unsigned long long free;
  unsigned long long used;
};

constexpr int nvml_success = 0;
// NVML_DEVICE_NAME_V2_BUFFER_SIZE and NVML_DEVICE_UUID_V2_BUFFER_SIZE.
constexpr unsigned int nvml_name_buffer_size = 96;
constexpr unsigned int nvml_uuid_buffer_size = 96;
// NVML_SYSTEM_DRIVER_VERSION_BUFFER_SIZE.
constexpr unsigned int nvml_release_buffer_size = 80;
// NVML_DEVICE_MIG_ENABLE.
constexpr unsigned int nvml_mig_enabled = 1;

struct NvmlApi {
  // Required: without these NVML is of no use here.
  int (*nvmlInit_v2)() = nullptr;
  int (*nvmlShutdown)() = nullptr;
  int (*nvmlSystemGetDriverVersion)(char* version, unsigned int length) = nullptr;
  // Optional: older NVMLs lack some; each missing one costs only its answer.
  int (*nvmlSystemGetCudaDriverVersion)(int* version) = nullptr;
  int (*nvmlDeviceGetCount_v2)(unsigned int* count) = nullptr;
  int (*nvmlDeviceGetHandleByIndex_v2)(unsigned int index, NvmlDevice* device) = nullptr;
  int (*nvmlDeviceGetName)(NvmlDevice device, char* name, unsigned int length) = nullptr;
  int (*nvmlDeviceGetCudaComputeCapability)(NvmlDevice device, int* major, int* minor) = nullptr;
  int (*nvmlDeviceGetMemoryInfo)(NvmlDevice device, NvmlMemory* memory) = nullptr;
  int (*nvmlDeviceGetUUID)(NvmlDevice device, char* uuid, unsigned int length) = nullptr;
  int (*nvmlDeviceGetMigMode)(NvmlDevice device, unsigned int* current, unsigned int* pending) = nullptr;
};

struct LoadedNvml {
  std::unique_ptr<VendorLibrary> library;
  NvmlApi api;
  std::string path;
  std::string missing_symbol;         // a required entry point the library lacks
  std::string missing_device_symbol;  // the first device entry point it lacks: GPUs need cuInit then
};

LoadedNvml load_nvml(std::string& error);

}  // namespace torchcompat
