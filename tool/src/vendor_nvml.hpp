// NVML, resolved at run time: only to read the driver's release string, which
// the CUDA driver API does not expose.
#pragma once

#include <memory>
#include <string>

#include "vendor_library.hpp"

namespace torchcompat {

struct NvmlApi {
  int (*nvmlInit_v2)() = nullptr;
  int (*nvmlSystemGetDriverVersion)(char* version, unsigned int length) = nullptr;
  int (*nvmlShutdown)() = nullptr;
};

struct LoadedNvml {
  std::unique_ptr<VendorLibrary> library;
  NvmlApi api;
  std::string path;
  std::string missing_symbol;
};

LoadedNvml load_nvml(std::string& error);

}  // namespace torchcompat
