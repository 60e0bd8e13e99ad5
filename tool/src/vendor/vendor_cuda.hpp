// The few CUDA driver API entry points the probe needs, resolved from libcuda
// at run time. The signatures are the driver API's C ABI (cuda.h); CUresult
// and CUdevice are plain ints there.
#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include "vendor/vendor_library.hpp"

namespace torchcompat {

constexpr int cuda_success = 0;
// CUdevice_attribute values from cuda.h.
constexpr int cu_device_attribute_compute_capability_major = 75;
constexpr int cu_device_attribute_compute_capability_minor = 76;

struct CudaDriverApi {
  int (*cuInit)(unsigned int flags) = nullptr;
  int (*cuDriverGetVersion)(int* version) = nullptr;
  int (*cuDeviceGetCount)(int* count) = nullptr;
  int (*cuDeviceGet)(int* device, int ordinal) = nullptr;
  int (*cuDeviceGetName)(char* name, int length, int device) = nullptr;
  int (*cuDeviceGetAttribute)(int* value, int attribute, int device) = nullptr;
  int (*cuDeviceTotalMem_v2)(std::size_t* bytes, int device) = nullptr;
};

struct LoadedCudaDriver {
  std::unique_ptr<VendorLibrary> library;
  CudaDriverApi api;
  std::string path;           // the file actually loaded
  std::string missing_symbol;  // set when the library lacks an entry point
};

// The sonames tried, in order: the loader's own search first, then WSL2's
// driver directory, which the loader does not search by default.
const char* const* cuda_driver_candidates();

// The first candidate that opens; library is null and `error` says why when none does.
LoadedCudaDriver load_cuda_driver(std::string& error);

}  // namespace torchcompat
