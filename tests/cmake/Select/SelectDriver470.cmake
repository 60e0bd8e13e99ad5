include("${CMAKE_CURRENT_LIST_DIR}/../guard_data.cmake")
guard_machine(DRIVER 470.82.01 CUDA 11.4 GPUS 7.5)
torchcompat_select_libtorch(
  VERSION 2.4.0
  URL_VARIABLE url
  VARIANT_VARIABLE variant
  REASON_VARIABLE reason)
if(NOT variant STREQUAL "cu118")
  message(FATAL_ERROR "got ${variant}: ${reason}")
endif()
