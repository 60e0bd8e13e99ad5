# sm_120 against 2.6.0 cu126 with its architecture lists unknown: CUDA 12.6
# cannot compile for sm_120, so the build has no SASS for it: a plain fail,
# not a pass and not "cannot be verified".
include("${CMAKE_CURRENT_LIST_DIR}/../guard_data.cmake")
guard_data_copy(data)
guard_data_set(
  "${data}"
  variant-builds
  null
  builds
  2.6.0
  cu126
  linux-x86_64
  sass)
guard_data_set(
  "${data}"
  variant-builds
  null
  builds
  2.6.0
  cu126
  linux-x86_64
  ptx)
set(TORCHCOMPAT_OVERRIDE_DRIVER 575.57.08)
set(TORCHCOMPAT_OVERRIDE_CUDA 12.9)
set(TORCHCOMPAT_OVERRIDE_GPU_ARCHS 12.0)
torchcompat_require(TORCH 2.6.0 VARIANT cu126)
