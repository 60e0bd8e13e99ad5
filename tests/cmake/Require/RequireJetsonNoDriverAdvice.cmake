# Jetson Orin (sm_87) with 2.1.0 cu121 on driver 535: the driver check passes
# and the GPU has no code, so no driver upgrade is advised.
include("${CMAKE_CURRENT_LIST_DIR}/../guard_data.cmake")
guard_machine(DRIVER 535.104.05 CUDA 12.2 GPUS 8.7)
torchcompat_require(TORCH 2.1.0 VARIANT cu121 RESULT_VARIABLE ok MESSAGE_VARIABLE text)
if(ok OR NOT text MATCHES "GPU 0 \\(sm 8\\.7\\) has no code in torch 2\\.1\\.0 cu121")
  message(FATAL_ERROR "expected the sm_87 failure:\n${text}")
endif()
if(text MATCHES "NVIDIA driver to|install an NVIDIA driver")
  message(FATAL_ERROR "driver advice although the driver check passed:\n${text}")
endif()
