set(TORCHCOMPAT_OVERRIDE_DRIVER 470.82.01)
set(TORCHCOMPAT_OVERRIDE_CUDA 11.4)
set(TORCHCOMPAT_OVERRIDE_GPU_ARCHS 7.5)
torchcompat_select_libtorch(
  VERSION 2.4.0
  URL_VARIABLE url
  VARIANT_VARIABLE variant
  REASON_VARIABLE reason)
if(NOT variant STREQUAL "cu118")
  message(FATAL_ERROR "got ${variant}: ${reason}")
endif()
