# Misuse of _torchcompat_libtorch_url() must stop configuration with a message, not pass quietly.
# cmake -DSOURCE_DIR=<repo> -DCASE=<unknown-keyword|missing-argument|fatal-without-error-variable> -P misuse.cmake
cmake_minimum_required(VERSION 3.22)
include("${SOURCE_DIR}/cmake/Internal/tables/TorchCompatLibtorchUrl.cmake")
set(common
    VARIANT
    cpu
    PLATFORM
    linux-x86_64
    ABI
    cxx11
    CONFIG
    Release
    DATA_DIR
    "${SOURCE_DIR}/data")
if(CASE STREQUAL "unknown-keyword")
  _torchcompat_libtorch_url(url VERSION 2.4.0 ${common} FLAVOUR vanilla)
elseif(CASE STREQUAL "missing-argument")
  _torchcompat_libtorch_url(
    url
    VARIANT cpu
    PLATFORM linux-x86_64
    ABI cxx11
    CONFIG Release
    DATA_DIR "${SOURCE_DIR}/data")
elseif(CASE STREQUAL "fatal-without-error-variable")
  _torchcompat_libtorch_url(
    url
    VERSION 2.4.0
    VARIANT cu999
    PLATFORM linux-x86_64
    ABI cxx11
    CONFIG Release
    DATA_DIR "${SOURCE_DIR}/data")
else()
  message(FATAL_ERROR "TorchCompat: misuse.cmake: unknown CASE '${CASE}'")
endif()
message(STATUS "TorchCompat: misuse case '${CASE}' was accepted")
