include("${CMAKE_CURRENT_LIST_DIR}/../guard_data.cmake")
guard_machine(DRIVER 535.104.05 CUDA 12.2 GPUS 8.6)
torchcompat_select_libtorch(
  VERSION 2.4.0
  PLATFORM linux
  URL_VARIABLE url
  VARIANT_VARIABLE variant)
# Under minor-version compatibility 535 runs every CUDA 12 build: the newest wins.
if(NOT variant STREQUAL "cu124"
   OR NOT
      url
      STREQUAL
      "https://download.pytorch.org/libtorch/cu124/libtorch-cxx11-abi-shared-with-deps-2.4.0%2Bcu124.zip"
)
  message(FATAL_ERROR "got ${variant} ${url}")
endif()
