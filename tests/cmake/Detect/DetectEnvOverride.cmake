# The environment carries the override; the cache entry wins over it.
set(TORCHCOMPAT_OVERRIDE_DRIVER 550.54.14 CACHE STRING "")
torchcompat_detect(QUIET)
if(NOT TorchCompat_DRIVER_VERSION STREQUAL "550.54.14" OR NOT TorchCompat_DRIVER_CUDA_VERSION
                                                          STREQUAL "11.4")
  message(FATAL_ERROR "got ${TorchCompat_DRIVER_VERSION} / ${TorchCompat_DRIVER_CUDA_VERSION}")
endif()
