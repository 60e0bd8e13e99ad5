# sm_61: cu128 of 2.7.0 has architectures the table lacks, cu126 is known to carry sm_60.
include("${CMAKE_CURRENT_LIST_DIR}/../guard_data.cmake")
guard_machine(DRIVER 570.124.06 CUDA 12.8 GPUS 6.1)
torchcompat_select_libtorch(
  VERSION 2.7.0
  PLATFORM linux
  URL_VARIABLE url
  VARIANT_VARIABLE variant
  REASON_VARIABLE reason)
if(NOT variant STREQUAL "cu126")
  message(FATAL_ERROR "chose ${variant} (${reason}), expected cu126")
endif()
