# RESULT_VARIABLE with MESSAGE_VARIABLE: the guard prints nothing and hands the
# whole explanation, ways out included, to the caller.
include("${CMAKE_CURRENT_LIST_DIR}/../guard_data.cmake")
guard_machine(DRIVER 470.82.01 CUDA 11.4 GPUS 8.6)
torchcompat_require(TORCH 2.4.0 VARIANT cu121 RESULT_VARIABLE ok MESSAGE_VARIABLE text)
if(NOT DEFINED ok OR ok)
  message(FATAL_ERROR "RESULT_VARIABLE should be FALSE, is \"${ok}\"")
endif()
if(NOT
   text
   MATCHES
   "^TorchCompat: torch 2\\.4\\.0 \\(cu121\\) will not work here:\n  - found NVIDIA driver 470\\.82\\.01.*\nWays out:\n  - .*VARIANT cu118"
)
  message(FATAL_ERROR "unexpected MESSAGE_VARIABLE:\n${text}")
endif()
torchcompat_require(TORCH 2.4.0 VARIANT cpu MESSAGE_VARIABLE passed_text RESULT_VARIABLE passed)
if(NOT passed OR NOT passed_text MATCHES "torch 2\\.4\\.0 \\(cpu\\): every check passed")
  message(FATAL_ERROR "expected a pass, got ${passed}: ${passed_text}")
endif()
