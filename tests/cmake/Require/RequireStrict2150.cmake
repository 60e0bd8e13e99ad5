# 2.15.0 cu132 ships the CUDA 13.2.2 runtime, whose minimum driver is
# 595.71.05: strict fails driver 595.50 (the GA row would pass it).
include("${CMAKE_CURRENT_LIST_DIR}/../guard_data.cmake")
guard_data_copy(data)
guard_data_set(
  "${data}"
  variant-builds
  "\"13.2.2\""
  builds
  2.15.0
  cu132
  linux-x86_64
  cuda_toolkit)
guard_data_set(
  "${data}"
  variant-builds
  "[\"7.5\",\"8.0\",\"8.6\",\"9.0\",\"10.0\",\"12.0\"]"
  builds
  2.15.0
  cu132
  linux-x86_64
  sass)
set(TORCHCOMPAT_OVERRIDE_DRIVER 595.50)
set(TORCHCOMPAT_OVERRIDE_CUDA 13.2)
set(TORCHCOMPAT_OVERRIDE_GPU_ARCHS 8.6)
torchcompat_require(TORCH 2.15.0 VARIANT cu132 DRIVER_POLICY strict)
