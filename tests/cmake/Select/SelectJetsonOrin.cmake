# Orin (sm_87) runs only code built for itself; desktop builds carry none.
include("${CMAKE_CURRENT_LIST_DIR}/../guard_data.cmake")
guard_machine(DRIVER 540.4.0 CUDA 12.6 GPUS 8.7)
torchcompat_select_libtorch(
  VERSION 2.4.0
  PLATFORM linux
  URL_VARIABLE url
  VARIANT_VARIABLE variant
  REASON_VARIABLE reason)
if(NOT variant STREQUAL "cpu")
  message(FATAL_ERROR "chose ${variant} (${reason}), expected cpu")
endif()
