# Driver 560.28.03 meets neither candidate update's minimum (560.35.03, 560.35.05): a failure.
include("${CMAKE_CURRENT_LIST_DIR}/../guard_data.cmake")
guard_data_copy(data)
guard_data_set(
  "${data}"
  variant-builds
  null
  builds
  2.7.0
  cu126
  linux-x86_64
  cuda_toolkit)
guard_data_set(
  "${data}"
  variant-builds
  [\"12.6.2\",\"12.6.3\"]
  builds
  2.7.0
  cu126
  linux-x86_64
  cuda_toolkit_candidates)
set(TORCHCOMPAT_OVERRIDE_DRIVER 560.28.03)
set(TORCHCOMPAT_OVERRIDE_CUDA 12.6)
set(TORCHCOMPAT_OVERRIDE_GPU_ARCHS 8.6)
torchcompat_require(TORCH 2.7.0 VARIANT cu126 DRIVER_POLICY strict)
