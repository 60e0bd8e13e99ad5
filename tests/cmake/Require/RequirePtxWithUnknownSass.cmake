# A build whose SASS list is unknown but whose PTX (9.0) is recorded: sm_120
# runs it through JIT when the driver is at least the build's CUDA, and fails
# with driver advice when it is older.
include("${CMAKE_CURRENT_LIST_DIR}/../guard_data.cmake")
guard_build_set(2.6.0 cu126 sass null)
guard_build_set(2.6.0 cu126 ptx "[\"9.0\"]")
guard_machine(GPUS 12.0 DRIVER 575.57.08 CUDA 12.9)
torchcompat_require(TORCH 2.6.0 VARIANT cu126 RESULT_VARIABLE jit_ok MESSAGE_VARIABLE jit_text)
if(NOT jit_ok)
  message(FATAL_ERROR "recorded PTX 9.0 covers sm_120 on a CUDA 12.9 driver:\n${jit_text}")
endif()
guard_machine(DRIVER 550.54.14 CUDA 12.4)
torchcompat_require(TORCH 2.6.0 VARIANT cu126 RESULT_VARIABLE old_ok MESSAGE_VARIABLE old_text)
if(old_ok
   OR NOT
      old_text
      MATCHES
      "only by JIT-compiling its PTX \\(9\\.0\\).*Ways out:\n  - upgrade the NVIDIA driver to one that supports CUDA 12\\.6"
)
  message(FATAL_ERROR "a CUDA 12.4 driver cannot JIT CUDA 12.6 PTX:\n${old_text}")
endif()
