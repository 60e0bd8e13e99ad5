# sm_120 against 2.4.0, whose builds predate it and carry no PTX: cpu, and a warning.
include("${CMAKE_CURRENT_LIST_DIR}/../guard_data.cmake")
guard_machine(DRIVER 580.65.06 CUDA 13.0 GPUS 12.0)
torchcompat_select_libtorch(
  VERSION 2.4.0
  PLATFORM linux
  URL_VARIABLE url
  VARIANT_VARIABLE variant
  REASON_VARIABLE reason)
if(NOT variant STREQUAL "cpu")
  message(FATAL_ERROR "chose ${variant} (${reason}), expected cpu")
endif()
