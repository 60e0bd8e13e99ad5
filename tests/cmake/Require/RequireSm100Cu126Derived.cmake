# A B200 (sm_100) against 2.8.0 cu126, its architectures unknown: CUDA 12.6
# predates sm_100, so the build has no code for it.
include("${CMAKE_CURRENT_LIST_DIR}/../guard_data.cmake")
guard_data_copy(data)
guard_data_set(
  "${data}"
  variant-builds
  null
  builds
  2.8.0
  cu126
  linux-x86_64
  sass)
guard_data_set(
  "${data}"
  variant-builds
  null
  builds
  2.8.0
  cu126
  linux-x86_64
  ptx)
set(TORCHCOMPAT_OVERRIDE_DRIVER 575.57.08)
set(TORCHCOMPAT_OVERRIDE_CUDA 12.9)
set(TORCHCOMPAT_OVERRIDE_GPU_ARCHS 10.0)
torchcompat_require(TORCH 2.8.0 VARIANT cu126)
