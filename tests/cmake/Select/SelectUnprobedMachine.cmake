# A probe that cannot run: no CUDA build can be verified, so the selector takes
# cpu and says why, never a CUDA build on trust.
file(WRITE "${CMAKE_BINARY_DIR}/broken-probe" "#!/bin/sh\nexit 3\n")
file(CHMOD "${CMAKE_BINARY_DIR}/broken-probe" PERMISSIONS OWNER_READ OWNER_EXECUTE OWNER_WRITE)
set(TORCHCOMPAT_PROBE_EXECUTABLE "${CMAKE_BINARY_DIR}/broken-probe")
torchcompat_select_libtorch(
  VERSION 2.4.0
  PLATFORM linux
  ARCH x86_64
  URL_VARIABLE url
  VARIANT_VARIABLE variant RESULT_VARIABLE ok MESSAGE_VARIABLE text)
if(NOT variant STREQUAL "cpu" OR NOT text MATCHES "cu124: this machine could not be probed")
  message(FATAL_ERROR "took ${variant}:\n${text}")
endif()
