#include "vendor_cuda.hpp"

namespace torchcompat {

const char* const* cuda_driver_candidates() {
#if defined(_WIN32)
  static const char* const names[] = {"nvcuda.dll", nullptr};
#else
  static const char* const names[] = {"libcuda.so.1", "/usr/lib/wsl/lib/libcuda.so.1", nullptr};
#endif
  return names;
}

namespace {

// Returns the first entry point that is missing, or nullptr.
const char* bind_driver_api(const VendorLibrary& library, CudaDriverApi& api) {
  if (!library.bind(api.cuInit, "cuInit")) return "cuInit";
  if (!library.bind(api.cuDriverGetVersion, "cuDriverGetVersion")) return "cuDriverGetVersion";
  if (!library.bind(api.cuDeviceGetCount, "cuDeviceGetCount")) return "cuDeviceGetCount";
  if (!library.bind(api.cuDeviceGet, "cuDeviceGet")) return "cuDeviceGet";
  if (!library.bind(api.cuDeviceGetName, "cuDeviceGetName")) return "cuDeviceGetName";
  if (!library.bind(api.cuDeviceGetAttribute, "cuDeviceGetAttribute")) return "cuDeviceGetAttribute";
  if (!library.bind(api.cuDeviceTotalMem_v2, "cuDeviceTotalMem_v2")) return "cuDeviceTotalMem_v2";
  return nullptr;
}

}  // namespace

LoadedCudaDriver load_cuda_driver(std::string& error) {
  LoadedCudaDriver loaded;
  std::string errors;
  for (const char* const* name = cuda_driver_candidates(); *name != nullptr; ++name) {
    auto library = std::make_unique<VendorLibrary>(*name);
    if (!library->is_open()) {
      errors += (errors.empty() ? "" : "; ") + library->error();
      continue;
    }
    loaded.path = library->loaded_path("cuDriverGetVersion");
    if (loaded.path.empty()) loaded.path = *name;
    if (const char* missing = bind_driver_api(*library, loaded.api)) loaded.missing_symbol = missing;
    loaded.library = std::move(library);
    return loaded;
  }
  error = errors;
  return loaded;
}

}  // namespace torchcompat
