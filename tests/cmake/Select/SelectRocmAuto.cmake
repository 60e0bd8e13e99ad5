include("${CMAKE_CURRENT_LIST_DIR}/../vendor_profile.cmake")
# VARIANT auto takes a ROCm build where it verifiably runs: gfx1100 is in both ROCm builds of
# torch 2.3.0, and the newest wins.
vendor_profile("${CMAKE_BINARY_DIR}/gfx1100.json" AMD gfx1100)
torchcompat_select_libtorch(
  VERSION 2.3.0
  PLATFORM linux
  URL_VARIABLE url
  VARIANT_VARIABLE variant
  REASON_VARIABLE reason)
if(NOT variant STREQUAL "rocm6.0"
   OR NOT
      url
      STREQUAL
      "https://download.pytorch.org/libtorch/rocm6.0/libtorch-cxx11-abi-shared-with-deps-2.3.0%2Brocm6.0.zip"
)
  message(FATAL_ERROR "got ${variant} ${url}")
endif()
if(NOT reason MATCHES "^rocm6\\.0 is the newest ROCm build of torch 2\\.3\\.0 that passes")
  message(FATAL_ERROR "reason: ${reason}")
endif()
