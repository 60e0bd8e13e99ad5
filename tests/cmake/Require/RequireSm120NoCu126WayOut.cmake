# Issue 8: cu126 was offered as "runs here" for an sm_120 GPU with 2.13.0
# because its architecture list is unknown. CUDA 12.6 cannot compile for
# sm_120, and unknown data is never a way out: only the driver and cpu remain.
include("${CMAKE_CURRENT_LIST_DIR}/../guard_data.cmake")
guard_build_set(2.13.0 cu126 sass null)
guard_build_set(2.13.0 cu126 ptx null)
guard_machine(DRIVER 575.57.08 CUDA 12.9 GPUS 12.0)
torchcompat_require(TORCH 2.13.0 VARIANT cu130 RESULT_VARIABLE ok MESSAGE_VARIABLE text)
if(ok OR text MATCHES "cu126")
  message(FATAL_ERROR "cu126 offered, or a pass:\n${text}")
endif()
if(NOT text MATCHES
   "needs a driver >= 580.*Ways out:\n  - upgrade the NVIDIA driver to 580 or newer")
  message(FATAL_ERROR "expected the driver way out:\n${text}")
endif()
torchcompat_select_libtorch(
  VERSION 2.13.0
  PLATFORM linux
  ARCH x86_64
  URL_VARIABLE url
  VARIANT_VARIABLE variant RESULT_VARIABLE selected MESSAGE_VARIABLE why)
if(NOT variant STREQUAL "cpu" OR NOT why MATCHES "cu126: GPU 0 \\(sm 12\\.0\\) has no code")
  message(FATAL_ERROR "the selector took ${variant}:\n${why}")
endif()
