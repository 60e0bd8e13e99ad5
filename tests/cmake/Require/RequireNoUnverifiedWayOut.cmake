# 2.13.0 on an RTX 3090 with driver 575: the CUDA 13 builds need driver 580.
# cu126's architectures are unknown here, so it is never offered as a way out;
# the driver advice and cpu are.
include("${CMAKE_CURRENT_LIST_DIR}/../guard_data.cmake")
guard_build_set(2.13.0 cu126 sass null)
guard_build_set(2.13.0 cu126 ptx null)
guard_machine(DRIVER 575.57.08 CUDA 12.9 GPUS 8.6)
torchcompat_require(TORCH 2.13.0 VARIANT cu130 RESULT_VARIABLE ok MESSAGE_VARIABLE text)
if(ok OR text MATCHES "VARIANT cu126")
  message(FATAL_ERROR "cu126 (unverified) offered, or a pass:\n${text}")
endif()
if(NOT text MATCHES
   "Ways out:\n  - upgrade the NVIDIA driver to 580 or newer.*\n  - use VARIANT cpu")
  message(FATAL_ERROR "expected the driver and cpu ways out:\n${text}")
endif()
