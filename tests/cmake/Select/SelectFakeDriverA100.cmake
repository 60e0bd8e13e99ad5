# A real-looking driver (fake libcuda and NVML) with one A100.
torchcompat_select_libtorch(
  VERSION 2.4.0
  PLATFORM linux
  URL_VARIABLE url
  VARIANT_VARIABLE variant
  REASON_VARIABLE reason)
if(NOT variant STREQUAL "cu124")
  message(FATAL_ERROR "chose ${variant} (${reason}), expected cu124")
endif()
