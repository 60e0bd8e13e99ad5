# SASS misses sm_35 and the PTX list is unknown, but CUDA 12.4 emits no PTX that
# reaches sm_35 (it targets 5.0 and newer): a plain failure, derived from the rules.
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
set(TORCHCOMPAT_OVERRIDE_DRIVER 550.54.14)
set(TORCHCOMPAT_OVERRIDE_CUDA 12.4)
set(TORCHCOMPAT_OVERRIDE_GPU_ARCHS 3.5)
torchcompat_require(TORCH 2.4.0 VARIANT cu124)
