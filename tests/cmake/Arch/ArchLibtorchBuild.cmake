# The official libtorch 2.0.0 cu118 build for Linux x86_64 carries SASS for
# 3.7 ... 9.0 (data/variant-builds.json); 2.4.0 cu121 dropped 3.7.
torchcompat_cuda_architectures(
  archs
  GPU_ARCHS
  3.7
  8.6
  CUDA_VERSION
  11.8
  LIBTORCH_BUILD
  2.0.0
  cu118)
if(NOT archs STREQUAL "37-real;86-real")
  message(FATAL_ERROR "2.0.0 cu118: '${archs}'")
endif()
torchcompat_cuda_architectures(
  archs
  GPU_ARCHS
  3.7
  8.6
  CUDA_VERSION
  11.8
  LIBTORCH_BUILD
  2.4.0
  cu121)
if(NOT archs STREQUAL "86-real")
  message(FATAL_ERROR "2.4.0 cu121: '${archs}'")
endif()
# Not recorded: nothing to limit by.
torchcompat_cuda_architectures(
  archs
  GPU_ARCHS
  3.7
  8.6
  CUDA_VERSION
  11.8
  LIBTORCH_BUILD
  1.2.0
  cu92)
if(NOT archs STREQUAL "37-real;86-real")
  message(FATAL_ERROR "1.2.0 cu92: '${archs}'")
endif()
