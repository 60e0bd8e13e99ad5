# Code for a GPU the libtorch build can't run on is of no use: sm 6.1 is left
# out of a build that carries SASS for 7.0, 8.0 and 9.0 and PTX for 9.0.
torchcompat_cuda_architectures(
  archs
  TORCH_CUDA_ARCH_LIST
  torch_archs
  GPU_ARCHS
  6.1
  8.6
  LIBTORCH_ARCHS
  "7.0 8.0;9.0+PTX"
  CUDA_VERSION
  12.4)
if(NOT archs STREQUAL "86-real" OR NOT torch_archs STREQUAL "8.6")
  message(FATAL_ERROR "architectures: '${archs}' / '${torch_archs}'")
endif()
