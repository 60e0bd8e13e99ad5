# TORCHCOMPAT_TARGET_PROFILE from the environment (-env.txt), as in a Docker build stage.
file(READ "${CMAKE_CURRENT_LIST_DIR}/ProfileApplies.cmake" body)
string(REGEX MATCH "\\[=\\[(.*)\\]=\\]" json "${body}")
file(WRITE "$ENV{TORCHCOMPAT_TARGET_PROFILE}" "${CMAKE_MATCH_1}")
torchcompat_detect(QUIET)
if(NOT TorchCompat_GPU_ARCHS STREQUAL "8.6;9.0"
   OR NOT TorchCompat_MACHINE_SOURCE MATCHES
      "^target profile .*from-env.json, probed on gpu-node-7")
  message(
    FATAL_ERROR "from the environment: ${TorchCompat_GPU_ARCHS} ${TorchCompat_MACHINE_SOURCE}")
endif()
