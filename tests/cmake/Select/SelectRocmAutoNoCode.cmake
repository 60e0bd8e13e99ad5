include("${CMAKE_CURRENT_LIST_DIR}/../vendor_profile.cmake")
# gfx942 (MI300) is in neither ROCm build of torch 2.2.0, and the gfx list of torch 2.7.0's is
# not known: VARIANT auto takes cpu in both cases, saying why, and never the unverified build.
vendor_profile("${CMAKE_BINARY_DIR}/gfx942.json" AMD gfx942)
torchcompat_select_libtorch(
  VERSION 2.2.0
  PLATFORM linux
  URL_VARIABLE url
  VARIANT_VARIABLE variant)
if(NOT variant STREQUAL "cpu")
  message(FATAL_ERROR "2.2.0: got ${variant} ${url}")
endif()
torchcompat_select_libtorch(
  VERSION 2.7.0
  PLATFORM linux
  URL_VARIABLE url
  VARIANT_VARIABLE variant)
if(NOT variant STREQUAL "cpu")
  message(FATAL_ERROR "2.7.0: got ${variant} ${url}")
endif()
