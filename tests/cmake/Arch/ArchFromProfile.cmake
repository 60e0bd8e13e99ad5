# A GPU-less build host compiling for the target machine's GPUs: an RTX A6000,
# an H100 and an RTX 5090 (sm 12.0), with CUDA 12.4, which predates sm 12.0.
file(READ "${CMAKE_CURRENT_LIST_DIR}/../Profile/ProfileApplies.cmake" body)
string(REGEX MATCH "\\[=\\[(.*)\\]=\\]" json "${body}")
set(json "${CMAKE_MATCH_1}")
string(
  JSON
  json
  SET
  "${json}"
  gpus
  2
  [=[{"index": 2, "name": "NVIDIA GeForce RTX 5090", "compute_capability": "12.0", "memory_bytes": 34190917632, "uuid": "GPU-3"}]=]
)
file(WRITE "${CMAKE_BINARY_DIR}/target.json" "${json}")
set(TORCHCOMPAT_TARGET_PROFILE "${CMAKE_BINARY_DIR}/target.json")
torchcompat_cuda_architectures(archs TORCH_CUDA_ARCH_LIST torch_archs CUDA_VERSION 12.4.131)
if(NOT archs STREQUAL "86-real;90" OR NOT torch_archs STREQUAL "8.6;9.0+PTX")
  message(FATAL_ERROR "architectures: '${archs}' / '${torch_archs}'")
endif()
# CUDA 12.8 compiles for sm 12.0 itself.
torchcompat_cuda_architectures(archs TORCH_CUDA_ARCH_LIST torch_archs CUDA_VERSION 12.8)
if(NOT archs STREQUAL "86-real;90-real;120-real" OR NOT torch_archs STREQUAL "8.6;9.0;12.0")
  message(FATAL_ERROR "architectures with CUDA 12.8: '${archs}' / '${torch_archs}'")
endif()
