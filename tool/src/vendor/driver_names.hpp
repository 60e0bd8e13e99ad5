// Names and hints for the driver's and NVML's return codes, so a reason says
// "CUDA_ERROR_NO_DEVICE (100)" rather than a bare number.
#pragma once

#include <string>

namespace torchcompat {

// Name of a well-known CUresult ("CUDA_ERROR_NO_DEVICE"), or "" for others.
const char* cu_result_name(int code);
// "CUDA_ERROR_NO_DEVICE (100)", or "CUresult 12345" for an unnamed code.
std::string describe_cu_result(int code);
// What a person can do about the cuInit failures that have one usual cause,
// starting " - ", or "".
std::string cu_init_hint(int code);

// Name of a well-known nvmlReturn_t ("NVML_ERROR_DRIVER_NOT_LOADED"), or "".
const char* nvml_return_name(int code);
// "NVML_ERROR_NOT_SUPPORTED (3)", or "nvmlReturn_t 12345".
std::string describe_nvml_return(int code);

}  // namespace torchcompat
