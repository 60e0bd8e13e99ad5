#include "vendor_nvml.hpp"

namespace torchcompat {

namespace {

#if defined(_WIN32)
const char* const nvml_names[] = {"nvml.dll", nullptr};
#else
const char* const nvml_names[] = {"libnvidia-ml.so.1", "/usr/lib/wsl/lib/libnvidia-ml.so.1", nullptr};
#endif

}  // namespace

LoadedNvml load_nvml(std::string& error) {
  LoadedNvml loaded;
  std::string errors;
  for (const char* const* name = nvml_names; *name != nullptr; ++name) {
    auto library = std::make_unique<VendorLibrary>(*name);
    if (!library->is_open()) {
      errors += (errors.empty() ? "" : "; ") + library->error();
      continue;
    }
    loaded.path = library->loaded_path("nvmlSystemGetDriverVersion");
    if (!library->bind(loaded.api.nvmlInit_v2, "nvmlInit_v2")) {
      loaded.missing_symbol = "nvmlInit_v2";
    } else if (!library->bind(loaded.api.nvmlSystemGetDriverVersion, "nvmlSystemGetDriverVersion")) {
      loaded.missing_symbol = "nvmlSystemGetDriverVersion";
    } else if (!library->bind(loaded.api.nvmlShutdown, "nvmlShutdown")) {
      loaded.missing_symbol = "nvmlShutdown";
    }
    loaded.library = std::move(library);
    return loaded;
  }
  error = errors;
  return loaded;
}

}  // namespace torchcompat
