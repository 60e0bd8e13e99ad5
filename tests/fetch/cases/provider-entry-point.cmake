# The documented entry point, cmake -C TorchCompatProviderInit.cmake, puts the provider in front of
# an unmodified project on every CMake that can run it, and stops loudly on one that cannot (before
# 3.24, where CMAKE_PROJECT_TOP_LEVEL_INCLUDES is silently ignored). On this GPU-less machine
# VARIANT auto takes the cpu build: one status line, on the first configure of the folder only.
serve_official(mirror "${SERVED}/mini.zip")
set(configure
    "${CMAKE_COMMAND}"
    -C
    "${REPO}/cmake/TorchCompatProviderInit.cmake"
    -S
    "${REPO}/tests/fetch/projects/find-request"
    -B
    "${WORK}/build"
    -G
    "${GENERATOR}"
    "-DCMAKE_CXX_COMPILER=${CXX}"
    "-DTORCHCOMPAT_PROBE_EXECUTABLE=${PROBE}"
    "-DREQUEST=REQUIRED"
    -DTORCHCOMPAT_LIBTORCH_VERSION=1.13.1
    "-DTORCHCOMPAT_MIRROR=${mirror}"
    -DTORCHCOMPAT_ALLOW_HTTP=ON
    "-DTORCHCOMPAT_CACHE_DIR=${CACHE_DIR}")
set(notice "TorchCompat: using the cpu libtorch of torch 1\\.13\\.1: no CUDA build is verified")
if(CMAKE_VERSION VERSION_LESS 3.24)
  fetch_run(
    refused
    EXPECT_FAIL
    COMMAND ${configure}
    EXPECT
      "TorchCompat: the dependency provider needs CMake 3\\.24 or newer \\(this is ${CMAKE_VERSION}\\)"
    REJECT "Torch_FOUND=1" "downloading")
  return()
endif()
fetch_run(
  first
  COMMAND ${configure}
  EXPECT "downloading ${mirror}/cpu/" "${notice}" "Torch_FOUND=1"
  REJECT "CMake Warning at")
string(REGEX MATCHALL "using the cpu libtorch" notices "${FETCH_OUTPUT}")
list(LENGTH notices count)
expect_that(count EQUAL 1)
fetch_run(
  again
  COMMAND ${configure}
  EXPECT "Torch_FOUND=1"
  REJECT "${notice}" "downloading")
