# Saves a target profile (the probe's JSON for a machine with driver 550.54.14,
# CUDA 12.4 and one sm 8.6 GPU) as a deployment machine would:
#   cmake -DPROBE=<torchcompat-probe> -DFILE=<profile.json> -P make_profile.cmake
cmake_minimum_required(VERSION 3.22...4.4)
set(ENV{TORCHCOMPAT_OVERRIDE_DRIVER} 550.54.14)
set(ENV{TORCHCOMPAT_OVERRIDE_CUDA} 12.4)
set(ENV{TORCHCOMPAT_OVERRIDE_GPU_ARCHS} 8.6)
execute_process(COMMAND "${PROBE}" --format json --no-python OUTPUT_FILE "${FILE}"
                RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "torchcompat-probe failed (${result})")
endif()
# Saved exactly as the probe wrote it: its glibc member is what the guard
# checks the glibc floor of a release against.
file(READ "${FILE}" profile)
string(
  JSON
  glibc
  ERROR_VARIABLE
  missing
  GET
  "${profile}"
  glibc)
if(missing OR NOT glibc MATCHES "^[0-9]+\\.[0-9]+$")
  message(FATAL_ERROR "the saved profile states no glibc ('${glibc}'): ${missing}")
endif()
