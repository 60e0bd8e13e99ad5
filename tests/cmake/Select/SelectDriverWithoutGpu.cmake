set(TORCHCOMPAT_OVERRIDE_DRIVER 550.54.14)
set(TORCHCOMPAT_OVERRIDE_CUDA 12.4)
set(TORCHCOMPAT_OVERRIDE_GPU_ARCHS "")
torchcompat_select_libtorch(
  VERSION 2.4.0
  PLATFORM linux
  URL_VARIABLE url
  VARIANT_VARIABLE variant
  REASON_VARIABLE reason)
if(NOT variant STREQUAL "cpu")
  message(FATAL_ERROR "chose ${variant} (${reason}), expected cpu")
endif()
