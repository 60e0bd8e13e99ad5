# The driver is there, but cuInit finds no device.
torchcompat_select_libtorch(
  VERSION 2.4.0
  PLATFORM linux
  URL_VARIABLE url
  VARIANT_VARIABLE variant
  REASON_VARIABLE reason)
if(NOT variant STREQUAL "cpu")
  message(FATAL_ERROR "chose ${variant} (${reason}), expected cpu")
endif()
