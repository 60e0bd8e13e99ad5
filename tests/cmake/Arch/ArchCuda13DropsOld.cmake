# CUDA 13 compiles nothing below sm 7.5: a GTX 1080 (6.1) can't be covered.
torchcompat_cuda_architectures(
  archs
  GPU_ARCHS
  6.1
  7.5
  8.9
  CUDA_VERSION
  13.0
  PTX)
if(NOT archs STREQUAL "75-real;89")
  message(FATAL_ERROR "architectures: '${archs}'")
endif()
