// The NVIDIA driver's files as reports name them, per platform, and how the
// platform's loader says "no such library".
#pragma once

namespace torchcompat {

#if defined(_WIN32)
inline constexpr char cuda_driver_file[] = "nvcuda.dll";
inline constexpr char nvml_file[] = "nvml.dll";
// LoadLibrary's ERROR_MOD_NOT_FOUND, as VendorLibrary words it.
inline constexpr char library_missing_marker[] = "failed with error 126";
#else
inline constexpr char cuda_driver_file[] = "libcuda.so.1";
inline constexpr char nvml_file[] = "libnvidia-ml.so.1";
// dlerror()'s wording for a file that is not there.
inline constexpr char library_missing_marker[] = "No such file";
#endif

}  // namespace torchcompat
