# Issue 17: where the table knows no libtorch archive of a release (2.15.0 here, its archive builds
# set unknown), SOURCE auto (the default) takes PyPI's torch wheel for the platform and says so;
# the variant is the wheel's, its URL the one torch-wheels.json records.
include("${CMAKE_CURRENT_LIST_DIR}/../guard_data.cmake")
guard_variants_set(2.15.0 libtorch null)
guard_machine(DRIVER 595.71.05 CUDA 13.2 GPUS 8.6)
file(READ "${TORCHCOMPAT_DATA_DIR}/torch-wheels.json" _torchcompat_wheels)
torchcompat_select_libtorch(
  VERSION 2.15.0
  PLATFORM linux
  ARCH x86_64
  URL_VARIABLE url
  VARIANT_VARIABLE
    variant
    SOURCE_VARIABLE
    source
    RELEASE_VARIABLE
    release
    RESULT_VARIABLE
    ok
    MESSAGE_VARIABLE
    text)
string(
  JSON
  expected_url
  GET
  "${_torchcompat_wheels}"
  releases
  2.15.0
  platforms
  linux-x86_64
  url)
string(
  JSON
  expected_variant
  GET
  "${_torchcompat_wheels}"
  releases
  2.15.0
  platforms
  linux-x86_64
  variant)
if(NOT ok
   OR NOT source STREQUAL "wheel"
   OR NOT release STREQUAL "2.15.0"
   OR NOT url STREQUAL expected_url
   OR NOT variant STREQUAL expected_variant)
  message(FATAL_ERROR "expected the wheel, got ok=${ok} source=${source} release=${release} "
                      "url=${url} variant=${variant}:\n${text}")
endif()
string(CONCAT expected "libtorch 2\\.15\\.0 ${variant} for linux-x86_64 from a wheel: no libtorch "
              "archive of 2\\.15\\.0 for linux-x86_64, so PyPI's torch wheel \\(torch-2\\.15\\.0-")
if(NOT text MATCHES "${expected}")
  message(FATAL_ERROR "unexpected:\n${text}")
endif()
# Asked for the archive, the same release has none: an answer that says so, not a wheel.
torchcompat_select_libtorch(
  VERSION 2.15.0
  PLATFORM linux
  ARCH x86_64 SOURCE archive
  URL_VARIABLE url RESULT_VARIABLE ok MESSAGE_VARIABLE text)
if(ok OR url)
  message(FATAL_ERROR "SOURCE archive took ${url}:\n${text}")
endif()
