# When the update a build shipped with is not recorded, strict uses the GA row
# of its CUDA minor and says so.
include("${CMAKE_CURRENT_LIST_DIR}/../guard_data.cmake")
guard_data_copy(data)
guard_data_set(
  "${data}"
  variant-builds
  null
  builds
  2.5.1
  cu124
  linux-x86_64
  cuda_toolkit)
set(TORCHCOMPAT_OVERRIDE_DRIVER 550.40.07)
set(TORCHCOMPAT_OVERRIDE_CUDA 12.4)
set(TORCHCOMPAT_OVERRIDE_GPU_ARCHS 8.6)
torchcompat_require(TORCH 2.5.1 VARIANT cu124 DRIVER_POLICY strict)
