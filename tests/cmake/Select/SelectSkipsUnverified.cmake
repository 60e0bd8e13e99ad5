# VARIANT auto never picks a build it cannot verify: with the architectures of
# 2.4.0's cu124 and cu121 unknown, sm_89 takes cu118, and the status line names
# the builds it skipped and why.
include("${CMAKE_CURRENT_LIST_DIR}/../guard_data.cmake")
foreach(variant IN ITEMS cu124 cu121)
  guard_build_set(2.4.0 ${variant} sass null)
  guard_build_set(2.4.0 ${variant} ptx null)
endforeach()
guard_machine(DRIVER 550.54.14 CUDA 12.4 GPUS 8.9)
torchcompat_select_libtorch(
  VERSION 2.4.0
  PLATFORM linux
  URL_VARIABLE url
  VARIANT_VARIABLE variant
  REASON_VARIABLE reason)
if(NOT variant STREQUAL "cu118")
  message(FATAL_ERROR "chose ${variant} (${reason}), expected cu118")
endif()
