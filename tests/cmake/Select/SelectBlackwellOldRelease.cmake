# sm_120 against 2.4.0, whose builds predate it and carry no PTX: cpu, and a warning.
set(TORCHCOMPAT_OVERRIDE_DRIVER 580.65.06)
set(TORCHCOMPAT_OVERRIDE_CUDA 13.0)
set(TORCHCOMPAT_OVERRIDE_GPU_ARCHS 12.0)
torchcompat_select_libtorch(
  VERSION 2.4.0
  PLATFORM linux
  URL_VARIABLE url
  VARIANT_VARIABLE variant
  REASON_VARIABLE reason)
if(NOT variant STREQUAL "cpu")
  message(FATAL_ERROR "chose ${variant} (${reason}), expected cpu")
endif()
