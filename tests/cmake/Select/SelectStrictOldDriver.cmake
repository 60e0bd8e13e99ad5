# Strict: 525.60.13 is below CUDA 12.4 (550.54.14) and 12.1 (530.30.02) minimums; 11.8 needs 520.61.05.
set(TORCHCOMPAT_OVERRIDE_DRIVER 525.60.13)
set(TORCHCOMPAT_OVERRIDE_CUDA 12.0)
set(TORCHCOMPAT_OVERRIDE_GPU_ARCHS 8.6)
torchcompat_select_libtorch(
  VERSION 2.4.0
  PLATFORM linux
  DRIVER_POLICY strict
  URL_VARIABLE url
  VARIANT_VARIABLE variant
  REASON_VARIABLE reason)
if(NOT variant STREQUAL "cu118")
  message(FATAL_ERROR "chose ${variant} (${reason}), expected cu118")
endif()
