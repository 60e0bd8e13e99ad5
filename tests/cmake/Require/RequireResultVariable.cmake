torchcompat_require(
  TORCH 1.13.0
  TORCHVISION 1.4.0
  VARIANT cpu
  RESULT_VARIABLE ok)
if(NOT DEFINED ok OR ok)
  message(FATAL_ERROR "RESULT_VARIABLE should be FALSE, is \"${ok}\"")
endif()
torchcompat_require(
  TORCH 1.13.0
  TORCHVISION 0.14.0
  VARIANT cpu
  RESULT_VARIABLE good)
if(NOT good)
  message(FATAL_ERROR "RESULT_VARIABLE should be TRUE, is \"${good}\"")
endif()
