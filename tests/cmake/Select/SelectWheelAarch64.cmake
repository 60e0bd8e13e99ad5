# Issue 17: Linux aarch64 has no libtorch archive at all; VERSION latest there is the newest release
# with a wheel for linux-aarch64, taken from PyPI (SOURCE auto).
torchcompat_select_libtorch(
  VERSION latest
  PLATFORM linux
  ARCH aarch64
  URL_VARIABLE
    url
    SOURCE_VARIABLE
    source
    RELEASE_VARIABLE
    release
    RESULT_VARIABLE
    ok
    MESSAGE_VARIABLE
    text)
file(READ "${TorchCompat_DATA_DIR}/torch-wheels.json" wheels)
string(JSON releases LENGTH "${wheels}" releases)
set(newest "")
math(EXPR last "${releases} - 1")
foreach(index RANGE ${last})
  string(JSON candidate MEMBER "${wheels}" releases ${index})
  string(
    JSON
    type
    ERROR_VARIABLE
    missing
    TYPE
    "${wheels}"
    releases
    ${candidate}
    platforms
    linux-aarch64)
  if(NOT missing AND (newest STREQUAL "" OR candidate VERSION_GREATER newest))
    set(newest "${candidate}")
  endif()
endforeach()
if(NOT ok
   OR NOT source STREQUAL "wheel"
   OR NOT release STREQUAL newest
   OR NOT url MATCHES "^https://files\\.pythonhosted\\.org/.*/torch-${newest}-.*_aarch64\\.whl$")
  message(FATAL_ERROR "expected the ${newest} aarch64 wheel, got ok=${ok} source=${source} "
                      "release=${release} url=${url}:\n${text}")
endif()
