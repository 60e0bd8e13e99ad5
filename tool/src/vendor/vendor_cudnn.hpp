// cuDNN's library, resolved at run time to ask it its own version.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "vendor/vendor_library.hpp"

namespace torchcompat {

struct CudnnApi {
  std::size_t (*cudnnGetVersion)() = nullptr;
};

struct LoadedCudnn {
  std::unique_ptr<VendorLibrary> library;
  CudnnApi api;
  std::string path;
};

// File names of the cuDNN library, newest major first.
std::vector<std::string> cudnn_library_names();

// Opens `name` (a path or a bare soname); library is null and `error` says why on failure.
LoadedCudnn load_cudnn(const std::string& name, std::string& error);

}  // namespace torchcompat
