# 2.5.1 cu124 shipped CUDA 12.4 Update 1, whose minimum driver is 550.54.15:
# strict fails driver 550.54.14 (the GA row's minimum).
include("${CMAKE_CURRENT_LIST_DIR}/../guard_data.cmake")
guard_data_copy(data)
guard_data_set(
  "${data}"
  variant-builds
  "\"12.4.1\""
  builds
  2.5.1
  cu124
  linux-x86_64
  cuda_toolkit)
set(TORCHCOMPAT_OVERRIDE_DRIVER 550.54.14)
set(TORCHCOMPAT_OVERRIDE_CUDA 12.4)
set(TORCHCOMPAT_OVERRIDE_GPU_ARCHS 8.6)
torchcompat_require(TORCH 2.5.1 VARIANT cu124 DRIVER_POLICY strict)
