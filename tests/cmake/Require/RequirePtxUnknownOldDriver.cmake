# SASS misses sm_100 and the PTX list is unknown, but a driver that supports only
# CUDA 12.2 could not JIT-compile CUDA 12.4 PTX anyway: a plain failure.
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
set(TORCHCOMPAT_OVERRIDE_DRIVER 535.54.03)
set(TORCHCOMPAT_OVERRIDE_CUDA 12.2)
set(TORCHCOMPAT_OVERRIDE_GPU_ARCHS 10.0)
torchcompat_require(TORCH 2.4.0 VARIANT cu124)
