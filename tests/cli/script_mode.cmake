# find_package(TorchCompat) and the functions that need no target, in cmake -P
# script mode, from a script that never called cmake_minimum_required().
find_package(TorchCompat REQUIRED PATHS "${PACKAGE_DIR}" NO_DEFAULT_PATH)

set(ENV{TORCHCOMPAT_OVERRIDE_DRIVER} 550.54.14)
set(ENV{TORCHCOMPAT_OVERRIDE_CUDA} 12.4)
set(ENV{TORCHCOMPAT_OVERRIDE_GPU_ARCHS} 8.6)
set(TORCHCOMPAT_PYTHON OFF)

torchcompat_detect(QUIET)
if(NOT TorchCompat_DETECT_OK OR NOT TorchCompat_DRIVER_VERSION STREQUAL "550.54.14")
  message(FATAL_ERROR "detect in script mode: ok=${TorchCompat_DETECT_OK} "
                      "driver=${TorchCompat_DRIVER_VERSION}")
endif()
if(TARGET TorchCompat::probe)
  message(FATAL_ERROR "script mode has no targets, yet TorchCompat::probe exists")
endif()

torchcompat_select_libtorch(VERSION 2.4.0 URL_VARIABLE url
                            VARIANT_VARIABLE variant RESULT_VARIABLE selected MESSAGE_VARIABLE text)
if(NOT selected OR NOT variant STREQUAL "cu124" OR NOT url MATCHES "2\\.4\\.0%2Bcu124\\.zip$")
  message(FATAL_ERROR "select in script mode: ${selected} ${variant} ${url}")
endif()

torchcompat_require(TORCH 2.4.0+cu121 TORCHVISION 0.19.0 RESULT_VARIABLE ok MESSAGE_VARIABLE text)
if(NOT ok)
  message(FATAL_ERROR "require in script mode: ${text}")
endif()

# Versions as distributions write them are taken as their release.
torchcompat_require(TORCH 2.4.0.post1+cu121 TORCHVISION 0.19.0a0 RESULT_VARIABLE ok MESSAGE_VARIABLE
                                                                                    text)
if(NOT ok)
  message(FATAL_ERROR "require with PEP 440 versions: ${text}")
endif()
torchcompat_require(TORCH 1.13.0a0+gitunknown VARIANT cpu RESULT_VARIABLE ok MESSAGE_VARIABLE text)
if(NOT ok OR text MATCHES "is not a version")
  message(FATAL_ERROR "require with Debian's torch version: ${text}")
endif()

# A version that matches no release stays unknown.
torchcompat_require(TORCH 2.4.7a0 RESULT_VARIABLE ok MESSAGE_VARIABLE text)
if(ok OR NOT text MATCHES "torch 2\\.4\\.7 is not a release TorchCompat knows")
  message(FATAL_ERROR "an unknown pre-release was matched: ${ok} ${text}")
endif()

torchcompat_report(TORCH 2.4.0 OUTPUT_VARIABLE report)
if(NOT report MATCHES "What it allows: torch 2\\.4\\.0" OR NOT report MATCHES "cu124 +runs here")
  message(FATAL_ERROR "report in script mode:\n${report}")
endif()

# Debian's libtorch-dev (a test dependency), guarded without a project.
torchcompat_check_torch(
  DIR /usr/lib/x86_64-linux-gnu/cmake/Torch
  VERSION_VARIABLE version
  VARIANT_VARIABLE variant
  RESULT_VARIABLE ok)
if(NOT ok OR NOT version STREQUAL "1.13.0" OR NOT variant STREQUAL "cpu")
  message(FATAL_ERROR "check_torch in script mode: ${ok} ${version} ${variant}")
endif()

# PEP 440 versions in the selector and the report too.
torchcompat_select_libtorch(VERSION 2.4.0+cu121 URL_VARIABLE url RESULT_VARIABLE selected
                                                                 MESSAGE_VARIABLE text)
if(NOT selected OR NOT url MATCHES "/cu121/.*2\\.4\\.0%2Bcu121\\.zip$")
  message(FATAL_ERROR "select with VERSION 2.4.0+cu121: ${selected} ${url}")
endif()
torchcompat_select_libtorch(VERSION 2.4.0.post1 VARIANT cpu
                            URL_VARIABLE url RESULT_VARIABLE selected MESSAGE_VARIABLE text)
if(NOT url MATCHES "/cpu/.*2\\.4\\.0%2Bcpu\\.zip$" OR NOT text MATCHES "taken as torch 2\\.4\\.0")
  message(FATAL_ERROR "select with VERSION 2.4.0.post1: ${url}\n${text}")
endif()
torchcompat_report(TORCH 2.4.0rc1 OUTPUT_VARIABLE report)
if(NOT report MATCHES "What it allows: torch 2\\.4\\.0" OR NOT report MATCHES
                                                           "taken as torch 2\\.4\\.0")
  message(FATAL_ERROR "report for 2.4.0rc1:\n${report}")
endif()
