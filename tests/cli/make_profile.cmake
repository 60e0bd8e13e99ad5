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
# The probe does not record the glibc (issue 17): a person adds it to the saved
# profile, as here, or the guard cannot verify the glibc floor of the release.
file(READ "${FILE}" profile)
string(JSON profile SET "${profile}" glibc "\"2.35\"")
file(WRITE "${FILE}" "${profile}\n")
