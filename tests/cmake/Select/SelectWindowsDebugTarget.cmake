# A Windows target described by overrides, Debug configuration, variant named.
include("${CMAKE_CURRENT_LIST_DIR}/../guard_data.cmake")
guard_machine(DRIVER 551.61 CUDA 12.4 GPUS 8.9)
torchcompat_select_libtorch(
  VERSION 2.4.0
  PLATFORM windows
  ARCH x86_64
  CONFIG Debug
  VARIANT cu124
  URL_VARIABLE url
  VARIANT_VARIABLE variant
  REASON_VARIABLE reason)
if(NOT variant STREQUAL "cu124")
  message(FATAL_ERROR "chose ${variant} (${reason}), expected cu124")
endif()
if(NOT
   url
   STREQUAL
   "https://download.pytorch.org/libtorch/cu124/libtorch-win-shared-with-deps-debug-2.4.0%2Bcu124.zip"
)
  message(FATAL_ERROR "url ${url}")
endif()
