# Strict policy with the toolkit's minimum driver unknown, and a driver whose
# own CUDA is older than the build's: the driver cannot be verified.
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
  cuda_toolkit)
guard_data_set("${data}" cuda-toolkits null toolkits 12.4.0 linux_min_driver)
set(TORCHCOMPAT_OVERRIDE_DRIVER 545.23.08)
set(TORCHCOMPAT_OVERRIDE_CUDA 12.3)
set(TORCHCOMPAT_OVERRIDE_GPU_ARCHS 8.6)
torchcompat_require(TORCH 2.4.0 VARIANT cu124 DRIVER_POLICY strict)
