# sm_120 with driver 580: cu128 of 2.9.0 carries sm_120 SASS.
set(TORCHCOMPAT_OVERRIDE_DRIVER 580.65.06)
set(TORCHCOMPAT_OVERRIDE_CUDA 13.0)
set(TORCHCOMPAT_OVERRIDE_GPU_ARCHS 12.0)
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
