#include "vendor_nvml.hpp"

namespace torchcompat {

namespace {

#if defined(_WIN32)
const char* const nvml_names[] = {"nvml.dll", nullptr};
#else
const char* const nvml_names[] = {"libnvidia-ml.so.1", "/usr/lib/wsl/lib/libnvidia-ml.so.1", nullptr};
#endif

// NVML documents 80 bytes (NVML_SYSTEM_DRIVER_VERSION_BUFFER_SIZE) as enough.
constexpr unsigned int release_buffer_size = 80;

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

std::string nvml_driver_release(const NvmlApi& api, std::string& error) {
  const int init = api.nvmlInit_v2();
  if (init != 0) {
    error = "nvmlInit_v2 returned " + std::to_string(init);
    return {};
  }
  char buffer[release_buffer_size + 1] = {};
  const int got = api.nvmlSystemGetDriverVersion(buffer, release_buffer_size);
  api.nvmlShutdown();
  if (got != 0) {
    error = "nvmlSystemGetDriverVersion returned " + std::to_string(got);
    return {};
  }
  return std::string(buffer);
}

}  // namespace torchcompat
