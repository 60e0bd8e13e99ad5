torchcompat_select_libtorch(
  VERSION 2.4.0
  PLATFORM linux
  ARCH x86_64
  URL_VARIABLE url
  VARIANT_VARIABLE variant
  REASON_VARIABLE reason)
if(NOT variant STREQUAL "cpu"
   OR NOT
      url
      STREQUAL
      "https://download.pytorch.org/libtorch/cpu/libtorch-cxx11-abi-shared-with-deps-2.4.0%2Bcpu.zip"
)
  message(FATAL_ERROR "got ${variant} ${url}")
endif()
