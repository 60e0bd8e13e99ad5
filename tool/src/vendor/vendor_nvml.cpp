#include "vendor_nvml.hpp"

namespace torchcompat {

namespace {

#if defined(_WIN32)
// System32 (where drivers put it nowadays) is on the search path; older
// drivers installed it only beside nvidia-smi, where NVIDIA's own Python
// bindings (pynvml) also look.
const char* const nvml_names[] = {"nvml.dll", "C:/Program Files/NVIDIA Corporation/NVSMI/nvml.dll", nullptr};
#else
const char* const nvml_names[] = {"libnvidia-ml.so.1", "/usr/lib/wsl/lib/libnvidia-ml.so.1", nullptr};
#endif

const char* bind_required(const VendorLibrary& library, NvmlApi& api) {
  if (!library.bind(api.nvmlInit_v2, "nvmlInit_v2")) return "nvmlInit_v2";
  if (!library.bind(api.nvmlShutdown, "nvmlShutdown")) return "nvmlShutdown";
  if (!library.bind(api.nvmlSystemGetDriverVersion, "nvmlSystemGetDriverVersion")) {
    return "nvmlSystemGetDriverVersion";
  }
  return nullptr;
}

// The entry points the GPU list needs; the first one missing, or nullptr.
const char* bind_devices(const VendorLibrary& library, NvmlApi& api) {
  if (!library.bind(api.nvmlDeviceGetCount_v2, "nvmlDeviceGetCount_v2")) return "nvmlDeviceGetCount_v2";
  if (!library.bind(api.nvmlDeviceGetHandleByIndex_v2, "nvmlDeviceGetHandleByIndex_v2")) {
    return "nvmlDeviceGetHandleByIndex_v2";
  }
  if (!library.bind(api.nvmlDeviceGetName, "nvmlDeviceGetName")) return "nvmlDeviceGetName";
  if (!library.bind(api.nvmlDeviceGetCudaComputeCapability, "nvmlDeviceGetCudaComputeCapability")) {
    return "nvmlDeviceGetCudaComputeCapability";
  }
  if (!library.bind(api.nvmlDeviceGetMemoryInfo, "nvmlDeviceGetMemoryInfo")) return "nvmlDeviceGetMemoryInfo";
  if (!library.bind(api.nvmlDeviceGetUUID, "nvmlDeviceGetUUID")) return "nvmlDeviceGetUUID";
  return nullptr;
}

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
    if (loaded.path.empty()) loaded.path = *name;
    if (const char* missing = bind_required(*library, loaded.api)) loaded.missing_symbol = missing;
    if (const char* missing = bind_devices(*library, loaded.api)) loaded.missing_device_symbol = missing;
    library->bind(loaded.api.nvmlSystemGetCudaDriverVersion, "nvmlSystemGetCudaDriverVersion");
    // Absent before MIG existed: then no GPU can be in MIG mode.
    library->bind(loaded.api.nvmlDeviceGetMigMode, "nvmlDeviceGetMigMode");
    loaded.library = std::move(library);
    return loaded;
  }
  error = errors;
  return loaded;
}

}  // namespace torchcompat
