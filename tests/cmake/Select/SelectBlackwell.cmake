# sm_120 with driver 575 (CUDA 12.9): cu128 of 2.9.0 carries sm_120 SASS; its CUDA 13
# builds need driver 580.
include("${CMAKE_CURRENT_LIST_DIR}/../guard_data.cmake")
guard_machine(DRIVER 575.57.08 CUDA 12.9 GPUS 12.0)
torchcompat_select_libtorch(
  VERSION 2.9.0
  PLATFORM linux
  URL_VARIABLE url
  VARIANT_VARIABLE variant
  REASON_VARIABLE reason)
if(NOT variant STREQUAL "cu128")
  message(FATAL_ERROR "chose ${variant} (${reason}), expected cu128")
endif()
if(NOT url STREQUAL
   "https://download.pytorch.org/libtorch/cu128/libtorch-shared-with-deps-2.9.0%2Bcu128.zip")
  message(FATAL_ERROR "url ${url}")
endif()
