# Issue 17: the wheel source for Windows x64 and macOS arm64 names PyPI's CPU wheel of the release
# (win_amd64 with its .lib import libraries, macosx arm64), as torch-wheels.json records it.
foreach(target IN ITEMS "windows;x86_64;windows-x86_64;win_amd64"
                        "macos;arm64;macos-arm64;macosx_[0-9_]+_arm64")
  list(GET target 0 os)
  list(GET target 1 arch)
  list(GET target 2 platform)
  list(GET target 3 tag)
  torchcompat_select_libtorch(
    VERSION 2.10.0
    PLATFORM ${os}
    ARCH ${arch} SOURCE wheel
    URL_VARIABLE url
    VARIANT_VARIABLE variant SOURCE_VARIABLE source RESULT_VARIABLE ok MESSAGE_VARIABLE text)
  if(NOT ok
     OR NOT source STREQUAL "wheel"
     OR NOT variant STREQUAL "cpu"
     OR NOT url MATCHES
        "^https://files\\.pythonhosted\\.org/.*/torch-2\\.10\\.0-[^/]*-${tag}\\.whl$"
     OR NOT text MATCHES "for ${platform} from a wheel: PyPI's torch wheel")
    message(
      FATAL_ERROR "${platform}: ok=${ok} source=${source} variant=${variant} url=${url}\n${text}")
  endif()
endforeach()
