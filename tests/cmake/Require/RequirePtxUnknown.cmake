# The build's SASS list is known and misses sm_100, its PTX list is not known, and the
# driver could JIT-compile CUDA 12.4 PTX: coverage cannot be verified, never a pass.
include("${CMAKE_CURRENT_LIST_DIR}/../guard_data.cmake")
guard_data_copy(data)
guard_data_set(
  "${data}"
  variant-builds
  null
  builds
  2.4.0
  cu124
  linux-x86_64
  ptx)
set(TORCHCOMPAT_OVERRIDE_DRIVER 570.86.10)
set(TORCHCOMPAT_OVERRIDE_CUDA 12.8)
set(TORCHCOMPAT_OVERRIDE_GPU_ARCHS 10.0)
torchcompat_require(TORCH 2.4.0 VARIANT cu124)
