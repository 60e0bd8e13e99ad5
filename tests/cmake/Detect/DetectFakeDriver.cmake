# A fake libcuda/libnvidia-ml (tests/fakes) stands in for a real driver with two GPUs.
torchcompat_detect()
if(NOT TorchCompat_DRIVER_VERSION STREQUAL "550.54.14" OR NOT TorchCompat_DRIVER_CUDA_VERSION
                                                          STREQUAL "12.4")
  message(FATAL_ERROR "driver ${TorchCompat_DRIVER_VERSION} / ${TorchCompat_DRIVER_CUDA_VERSION}")
endif()
if(NOT TorchCompat_GPU_ARCHS STREQUAL "8.0;6.1" OR NOT TorchCompat_GPU_COUNT EQUAL 2)
  message(FATAL_ERROR "GPUs ${TorchCompat_GPU_COUNT}: ${TorchCompat_GPU_ARCHS}")
endif()
