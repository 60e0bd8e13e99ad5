# VARIANT auto never picks a build it cannot verify: with the architectures of
# 2.4.0's cu124 and cu121 unknown, sm_89 takes cu118, and the status line names
# the builds it skipped and why.
include("${CMAKE_CURRENT_LIST_DIR}/../guard_data.cmake")
guard_data_copy(data)
foreach(variant IN ITEMS cu124 cu121)
  guard_data_set(
    "${data}"
    variant-builds
    null
    builds
    2.4.0
    ${variant}
    linux-x86_64
    sass)
  guard_data_set(
    "${data}"
    variant-builds
    null
    builds
    2.4.0
    ${variant}
    linux-x86_64
    ptx)
endforeach()
set(TORCHCOMPAT_OVERRIDE_DRIVER 550.54.14)
set(TORCHCOMPAT_OVERRIDE_CUDA 12.4)
set(TORCHCOMPAT_OVERRIDE_GPU_ARCHS 8.9)
torchcompat_select_libtorch(
  VERSION 2.4.0
  PLATFORM linux
  URL_VARIABLE url
  VARIANT_VARIABLE variant
  REASON_VARIABLE reason)
if(NOT variant STREQUAL "cu118")
  message(FATAL_ERROR "chose ${variant} (${reason}), expected cu118")
endif()
