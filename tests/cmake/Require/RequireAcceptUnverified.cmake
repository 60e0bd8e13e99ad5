# TORCHCOMPAT_ACCEPT_UNVERIFIED (here from -args.txt) turns what cannot be
# verified into a warning; the guard passes.
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
  sass)
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
set(TORCHCOMPAT_OVERRIDE_GPU_ARCHS 8.6)
torchcompat_require(TORCH 2.4.0 VARIANT cu124 RESULT_VARIABLE ok)
if(NOT ok)
  message(FATAL_ERROR "ACCEPT_UNVERIFIED should make this a pass")
endif()
torchcompat_require(TORCH 2.4.0 VARIANT cu124 ACCEPT_UNVERIFIED)
