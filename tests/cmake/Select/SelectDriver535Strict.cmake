include("${CMAKE_CURRENT_LIST_DIR}/../guard_data.cmake")
guard_machine(DRIVER 535.104.05 CUDA 12.2 GPUS 8.6)
torchcompat_select_libtorch(
  VERSION 2.4.0
  PLATFORM linux
  DRIVER_POLICY strict
  URL_VARIABLE url
  VARIANT_VARIABLE variant)
# Strict: CUDA 12.4 needs 550.54.14, 12.1 needs 530.30.02.
if(NOT variant STREQUAL "cu121")
  message(FATAL_ERROR "got ${variant} ${url}")
endif()
