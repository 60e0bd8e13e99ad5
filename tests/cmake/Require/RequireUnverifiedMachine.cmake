# A probe that cannot run: nothing about the machine is known, so a CUDA build
# cannot be verified to run here.
file(WRITE "${CMAKE_BINARY_DIR}/broken-probe" "#!/bin/sh\nexit 3\n")
file(CHMOD "${CMAKE_BINARY_DIR}/broken-probe" PERMISSIONS OWNER_READ OWNER_EXECUTE OWNER_WRITE)
set(TORCHCOMPAT_PROBE_EXECUTABLE "${CMAKE_BINARY_DIR}/broken-probe")
# The cpu build needs nothing from the machine: it passes.
torchcompat_require(TORCH 2.4.0 VARIANT cpu RESULT_VARIABLE cpu_ok MESSAGE_VARIABLE cpu_text)
if(NOT cpu_ok)
  message(FATAL_ERROR "the cpu build does not depend on the machine:\n${cpu_text}")
endif()
torchcompat_require(TORCH 2.4.0 VARIANT cu124)
