#include "vendor_cudnn.hpp"

namespace torchcompat {

std::vector<std::string> cudnn_library_names() {
#if defined(_WIN32)
  return {"cudnn64_9.dll", "cudnn64_8.dll", "cudnn64_7.dll"};
#elif defined(__APPLE__)
  return {"libcudnn.9.dylib", "libcudnn.8.dylib", "libcudnn.7.dylib"};
#else
  return {"libcudnn.so.9", "libcudnn.so.8", "libcudnn.so.7"};
#endif
}

LoadedCudnn load_cudnn(const std::string& name, std::string& error) {
  LoadedCudnn loaded;
  auto library = std::make_unique<VendorLibrary>(name);
  if (!library->is_open()) {
    error = library->error();
    return loaded;
  }
  if (!library->bind(loaded.api.cudnnGetVersion, "cudnnGetVersion")) {
    error = name + " has no cudnnGetVersion";
    return loaded;
  }
  loaded.path = library->loaded_path("cudnnGetVersion");
  if (loaded.path.empty()) loaded.path = name;
  loaded.library = std::move(library);
  return loaded;
}

}  // namespace torchcompat
