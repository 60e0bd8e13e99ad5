# Renders, for each case of CASES_FILE, what the package says about a libtorch
# archive (the URL renderer) and about a build's existence (the guard's check),
# so test_partial_never_denied.py can hold every rendering of a partial list to
# "not known", never "not published".
# Run: cmake -DDATA_DIR=<data/> -DCASES_FILE=<in> -DOUTPUT_FILE=<out> -P partial_lists.cmake
# Each case line: "<version> <variant> <platform> <abi> <config>"; each output
# line: "<case>|url|<url or message>" and "<case>|published|<status>|<text>".
foreach(input IN ITEMS DATA_DIR CASES_FILE OUTPUT_FILE)
  if(NOT DEFINED ${input})
    message(FATAL_ERROR "TorchCompat: partial_lists.cmake needs -D${input}=...")
  endif()
endforeach()
get_filename_component(_modules "${CMAKE_CURRENT_LIST_DIR}/../../cmake/Internal" ABSOLUTE)
include("${_modules}/tables/TorchCompatLibtorchUrl.cmake")
include("${_modules}/checks/TorchCompatReleaseChecks.cmake")
set(TORCHCOMPAT_DATA_DIR "${DATA_DIR}")

file(STRINGS "${CASES_FILE}" _cases)
set(_out "")
foreach(_case IN LISTS _cases)
  string(REPLACE " " ";" _fields "${_case}")
  list(GET _fields 0 _version)
  list(GET _fields 1 _variant)
  list(GET _fields 2 _platform)
  list(GET _fields 3 _abi)
  list(GET _fields 4 _config)
  _torchcompat_libtorch_url(
    _url
    VERSION "${_version}"
    VARIANT "${_variant}"
    PLATFORM "${_platform}"
    ABI "${_abi}"
    CONFIG "${_config}"
    DATA_DIR "${DATA_DIR}"
    ERROR_VARIABLE _error)
  string(APPEND _out "${_case}|url|${_url}${_error}\n")
  _torchcompat_variant_published(_published "${_version}" "${_variant}" "${_platform}")
  string(APPEND _out "${_case}|published|${_published_STATUS}|${_published_TEXT}\n")
endforeach()
file(WRITE "${OUTPUT_FILE}" "${_out}")
