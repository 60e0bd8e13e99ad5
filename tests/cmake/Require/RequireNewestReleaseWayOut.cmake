# A Tesla K80 (sm_37): no build of 2.8.0 has code for it, so the way out names
# the newest release with a build that does and that passes every check here.
include("${CMAKE_CURRENT_LIST_DIR}/../guard_data.cmake")
guard_machine(DRIVER 470.82.01 CUDA 11.4 GPUS 3.7)
torchcompat_require(TORCH 2.8.0 VARIANT cu126 RESULT_VARIABLE ok MESSAGE_VARIABLE text)
if(ok
   OR NOT
      text
      MATCHES
      "the newest release with a build that does and passes every check here is torch ([0-9.]+)\\+(cu[0-9]+)"
)
  message(FATAL_ERROR "expected a cross-release way out:\n${text}")
endif()
set(release "${CMAKE_MATCH_1}")
set(variant "${CMAKE_MATCH_2}")
# The release named must really pass here.
torchcompat_require(TORCH ${release} VARIANT ${variant} RESULT_VARIABLE named_ok MESSAGE_VARIABLE
                                                                                 named_text)
if(NOT named_ok OR NOT release VERSION_LESS 2.8.0)
  message(FATAL_ERROR "torch ${release}+${variant} was named but does not pass:\n${named_text}")
endif()
