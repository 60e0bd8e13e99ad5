# The CMake side is linear in the GPU count: a profile of 1024 GPUs (the most a
# target profile may list), their names full of characters that break CMake
# lists and JSON strings (brackets, a semicolon, escaped quotes and backslash).
file(READ "${CMAKE_CURRENT_LIST_DIR}/../Profile/ProfileApplies.cmake" body)
string(REGEX MATCH "\\[=\\[(.*)\\]=\\]" json "${body}")
set(json "${CMAKE_MATCH_1}")
set(gpu
    [=[{"index": 1, "name": "NVIDIA [H100; \"SXM\" \\", "compute_capability": "9.0", "memory_bytes": 85520809984, "uuid": "GPU-x"}]=]
)
string(REPEAT "${gpu}," 1023 gpus)
string(JSON json SET "${json}" gpus "[${gpus}${gpu}]")
file(WRITE "${CMAKE_BINARY_DIR}/big.json" "${json}")
set(TORCHCOMPAT_TARGET_PROFILE "${CMAKE_BINARY_DIR}/big.json")
# Microseconds (%f) came in CMake 3.23; 3.22 measures whole seconds.
set(clock "%s000000")
if(CMAKE_VERSION VERSION_GREATER_EQUAL 3.23)
  set(clock "%s%f")
endif()
string(TIMESTAMP start "${clock}")
torchcompat_detect(QUIET)
string(TIMESTAMP end "${clock}")
math(EXPR milliseconds "(${end} - ${start}) / 1000")
message(STATUS "torchcompat_detect() with 1024 GPUs: ${milliseconds} ms")
list(LENGTH TorchCompat_GPU_NAMES names)
list(GET TorchCompat_GPU_NAMES 512 name)
if(NOT TorchCompat_GPU_COUNT EQUAL 1024 OR NOT names EQUAL 1024 OR NOT TorchCompat_GPU_ARCHS
                                                                   STREQUAL "9.0")
  message(FATAL_ERROR "1024 GPUs: count ${TorchCompat_GPU_COUNT}, ${names} names, "
                      "archs ${TorchCompat_GPU_ARCHS}")
endif()
if(NOT name STREQUAL "NVIDIA (H100, \"SXM\" /")
  message(FATAL_ERROR "a name made list-safe: '${name}'")
endif()
# Quadratic handling took 42 s for 2000 GPUs, so about 11 s for 1024; linear
# takes well under a second here. The bound only tells the two apart, so a
# loaded machine cannot make it flake.
if(milliseconds GREATER 8000)
  message(FATAL_ERROR "torchcompat_detect() took ${milliseconds} ms for 1024 GPUs")
endif()
