# Strict: 525.60.13 is below CUDA 12.4 (550.54.14) and 12.1 (530.30.02) minimums; 11.8 needs 520.61.05.
include("${CMAKE_CURRENT_LIST_DIR}/../guard_data.cmake")
guard_machine(DRIVER 525.60.13 CUDA 12.0 GPUS 8.6)
torchcompat_select_libtorch(
  VERSION 2.4.0
  PLATFORM linux
  DRIVER_POLICY strict
  URL_VARIABLE url
  VARIANT_VARIABLE variant
  REASON_VARIABLE reason)
if(NOT variant STREQUAL "cu118")
  message(FATAL_ERROR "chose ${variant} (${reason}), expected cu118")
endif()
