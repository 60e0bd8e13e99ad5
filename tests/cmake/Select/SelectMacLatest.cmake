# macOS has only cpu builds.
torchcompat_select_libtorch(
  VERSION latest
  PLATFORM macos
  ARCH arm64
  URL_VARIABLE url
  VARIANT_VARIABLE variant
  REASON_VARIABLE reason)
if(NOT variant STREQUAL "cpu")
  message(FATAL_ERROR "chose ${variant} (${reason}), expected cpu")
endif()
if(NOT url MATCHES
   "^https://download\\.pytorch\\.org/libtorch/cpu/libtorch-macos-arm64-[0-9.]+\\.zip$"
   OR NOT reason MATCHES "only build")
  message(FATAL_ERROR "url ${url}: ${reason}")
endif()
