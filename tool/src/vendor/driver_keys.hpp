// The keys of the driver children's line protocol (child_payload.hpp), shared
// by the child that writes them and the parent that decodes them. The table in
// docs/vendor-detection.md describes each.
#pragma once

namespace torchcompat::driver_key {

// The NVML child.
inline constexpr const char* nvml_library = "nvml_library";
inline constexpr const char* nvml_error = "nvml_error";  // NVML unusable: nothing else from it
inline constexpr const char* nvml_release = "nvml_release";
inline constexpr const char* nvml_release_error = "nvml_release_error";
inline constexpr const char* nvml_cuda_version = "nvml_cuda_version";
inline constexpr const char* nvml_gpus_error = "nvml_gpus_error";  // no GPU list from NVML
inline constexpr const char* nvml_gpu_count = "nvml_gpu_count";
inline constexpr const char* nvml_gpu = "nvml_gpu";              // index|major|minor|bytes|mig|uuid|name
inline constexpr const char* nvml_gpu_error = "nvml_gpu_error";  // index|call|nvmlReturn_t

// The libcuda child.
inline constexpr const char* cuda_library = "cuda_library";
inline constexpr const char* cuda_library_file = "cuda_library_file";
inline constexpr const char* cuda_load_error = "cuda_load_error";
inline constexpr const char* cuda_missing_symbol = "cuda_missing_symbol";
inline constexpr const char* driver_version = "driver_version";
inline constexpr const char* driver_version_error = "driver_version_error";
inline constexpr const char* cu_init = "cu_init";  // present only when cuInit was called
inline constexpr const char* gpu_count = "gpu_count";
inline constexpr const char* gpu_count_error = "gpu_count_error";
inline constexpr const char* gpu = "gpu";              // index|cc_major|cc_minor|bytes|name
inline constexpr const char* gpu_error = "gpu_error";  // index|call|CUresult

// Both: the vendor call about to be made, so a crash or hang can be named.
inline constexpr const char* calling = "calling";

}  // namespace torchcompat::driver_key
