#include "driver_names.hpp"

namespace torchcompat {

const char* cu_result_name(int code) {
  switch (code) {
    case 0: return "CUDA_SUCCESS";
    case 1: return "CUDA_ERROR_INVALID_VALUE";
    case 2: return "CUDA_ERROR_OUT_OF_MEMORY";
    case 3: return "CUDA_ERROR_NOT_INITIALIZED";
    case 4: return "CUDA_ERROR_DEINITIALIZED";
    case 34: return "CUDA_ERROR_STUB_LIBRARY";
    case 36: return "CUDA_ERROR_CALL_REQUIRES_NEWER_DRIVER";
    case 46: return "CUDA_ERROR_DEVICE_UNAVAILABLE";
    case 100: return "CUDA_ERROR_NO_DEVICE";
    case 101: return "CUDA_ERROR_INVALID_DEVICE";
    case 800: return "CUDA_ERROR_NOT_PERMITTED";
    case 801: return "CUDA_ERROR_NOT_SUPPORTED";
    case 802: return "CUDA_ERROR_SYSTEM_NOT_READY";
    case 803: return "CUDA_ERROR_SYSTEM_DRIVER_MISMATCH";
    case 804: return "CUDA_ERROR_COMPAT_NOT_SUPPORTED_ON_DEVICE";
    case 805: return "CUDA_ERROR_MPS_CONNECTION_FAILED";
    case 999: return "CUDA_ERROR_UNKNOWN";
    default: return "";
  }
}

std::string describe_cu_result(int code) {
  const char* name = cu_result_name(code);
  return *name != '\0' ? std::string(name) + " (" + std::to_string(code) + ")"
                       : "CUresult " + std::to_string(code);
}

std::string cu_init_hint(int code) {
  switch (code) {
    case 34: return " - the libcuda loaded is the toolkit's link-time stub (lib64/stubs), not a driver";
    case 100: return " - the driver sees no GPU (none installed, or CUDA_VISIBLE_DEVICES hides them)";
    case 803: return " - libcuda and the kernel module are from different driver releases";
    default: return "";
  }
}

// Values from nvml.h's nvmlReturn_t.
const char* nvml_return_name(int code) {
  switch (code) {
    case 0: return "NVML_SUCCESS";
    case 1: return "NVML_ERROR_UNINITIALIZED";
    case 2: return "NVML_ERROR_INVALID_ARGUMENT";
    case 3: return "NVML_ERROR_NOT_SUPPORTED";
    case 4: return "NVML_ERROR_NO_PERMISSION";
    case 6: return "NVML_ERROR_NOT_FOUND";
    case 7: return "NVML_ERROR_INSUFFICIENT_SIZE";
    case 9: return "NVML_ERROR_DRIVER_NOT_LOADED";
    case 12: return "NVML_ERROR_LIBRARY_NOT_FOUND";
    case 13: return "NVML_ERROR_FUNCTION_NOT_FOUND";
    case 15: return "NVML_ERROR_GPU_IS_LOST";
    case 18: return "NVML_ERROR_LIB_RM_VERSION_MISMATCH";
    case 999: return "NVML_ERROR_UNKNOWN";
    default: return "";
  }
}

std::string describe_nvml_return(int code) {
  const char* name = nvml_return_name(code);
  return *name != '\0' ? std::string(name) + " (" + std::to_string(code) + ")"
                       : "nvmlReturn_t " + std::to_string(code);
}

}  // namespace torchcompat
