# The guard and the selector in cmake -P script mode: no project, no targets;
# the caller prints the explanation it was handed.
file(
  WRITE "${CMAKE_CURRENT_BINARY_DIR}/guard-script.cmake"
  "
set(TORCHCOMPAT_PROBE_EXECUTABLE \"${TORCHCOMPAT_PROBE_EXECUTABLE}\")
set(TORCHCOMPAT_PYTHON OFF)
include(\"${TorchCompat_DIR}/TorchCompatConfig.cmake\")
set(TORCHCOMPAT_OVERRIDE_DRIVER 470.82.01)
set(TORCHCOMPAT_OVERRIDE_CUDA 11.4)
set(TORCHCOMPAT_OVERRIDE_GPU_ARCHS 8.6)
torchcompat_require(TORCH 2.4.0 VARIANT cu121 RESULT_VARIABLE ok MESSAGE_VARIABLE text)
message(\"guard=\${ok}\\n\${text}\")
torchcompat_select_libtorch(VERSION 2.4.0 PLATFORM linux URL_VARIABLE url
                            RESULT_VARIABLE selected MESSAGE_VARIABLE why)
message(\"selected=\${selected} \${url}\\n\${why}\")
")
execute_process(
  COMMAND "${CMAKE_COMMAND}" -P "${CMAKE_CURRENT_BINARY_DIR}/guard-script.cmake"
  RESULT_VARIABLE result
  OUTPUT_VARIABLE out
  ERROR_VARIABLE err)
if(NOT result EQUAL 0 OR err MATCHES "Call Stack|CMake (Error|Warning)")
  message(FATAL_ERROR "script mode failed (${result}):\n${err}")
endif()
string(
  CONCAT
    expected "^guard=FALSE\nTorchCompat: torch 2\\.4\\.0 \\(cu121\\) will not work here:.*"
    "selected=TRUE https://download\\.pytorch\\.org/libtorch/cu118/[^\n]*2\\.4\\.0%2Bcu118\\.zip\n"
    "TorchCompat: libtorch 2\\.4\\.0 cu118 for linux-x86_64: ")
if(NOT err MATCHES "${expected}")
  message(FATAL_ERROR "unexpected script output:\n${err}")
endif()
