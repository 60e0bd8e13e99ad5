# The CMake side is linear in the GPU count: a profile of 10000 GPUs, their
# names full of characters that break CMake lists.
file(READ "${CMAKE_CURRENT_LIST_DIR}/../Profile/ProfileApplies.cmake" body)
string(REGEX MATCH "\\[=\\[(.*)\\]=\\]" json "${body}")
set(json "${CMAKE_MATCH_1}")
set(gpu
    [=[{"index": 1, "name": "NVIDIA [H100; \"SXM\" \\", "compute_capability": "9.0", "memory_bytes": 85520809984, "uuid": "GPU-x"}]=]
)
string(REPEAT "${gpu}," 9999 gpus)
string(JSON json SET "${json}" gpus "[${gpus}${gpu}]")
file(WRITE "${CMAKE_BINARY_DIR}/big.json" "${json}")
set(TORCHCOMPAT_TARGET_PROFILE "${CMAKE_BINARY_DIR}/big.json")
string(TIMESTAMP start "%s%f")
torchcompat_detect(QUIET)
string(TIMESTAMP end "%s%f")
math(EXPR milliseconds "(${end} - ${start}) / 1000")
message(STATUS "torchcompat_detect() with 10000 GPUs: ${milliseconds} ms")
list(LENGTH TorchCompat_GPU_NAMES names)
list(GET TorchCompat_GPU_NAMES 5000 name)
if(NOT TorchCompat_GPU_COUNT EQUAL 10000 OR NOT names EQUAL 10000 OR NOT TorchCompat_GPU_ARCHS
                                                                     STREQUAL "9.0")
  message(FATAL_ERROR "10000 GPUs: count ${TorchCompat_GPU_COUNT}, ${names} names, "
                      "archs ${TorchCompat_GPU_ARCHS}")
endif()
if(NOT name STREQUAL "NVIDIA (H100, \"SXM\" /")
  message(FATAL_ERROR "a name made list-safe: '${name}'")
endif()
# Quadratic handling took 42 s for 2000 GPUs; linear takes well under 2 s here.
if(milliseconds GREATER 10000)
  message(FATAL_ERROR "torchcompat_detect() took ${milliseconds} ms for 10000 GPUs")
endif()
