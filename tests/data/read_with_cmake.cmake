# Every data file must be readable by CMake's string(JSON) (the product reads them at
# configure time), and a nested lookup must reach a record by its version key.
# Run: cmake -DDATA_DIR=<repo>/data -P read_with_cmake.cmake
if(NOT DATA_DIR)
  message(FATAL_ERROR "TorchCompat: pass -DDATA_DIR=<path to data/>")
endif()

file(GLOB _data_files "${DATA_DIR}/*.json")
if(NOT _data_files)
  message(FATAL_ERROR "TorchCompat: no data files in ${DATA_DIR}")
endif()

foreach(_file IN LISTS _data_files)
  file(READ "${_file}" _json)
  string(
    JSON
    _version
    ERROR_VARIABLE
    _error
    GET
    "${_json}"
    schema_version)
  if(_error OR NOT _version EQUAL 1)
    message(FATAL_ERROR "TorchCompat: ${_file}: string(JSON) cannot read schema_version: ${_error}")
  endif()
  string(JSON _count ERROR_VARIABLE _error LENGTH "${_json}" sources)
  if(_error OR _count LESS 1)
    message(
      FATAL_ERROR "TorchCompat: ${_file}: string(JSON) cannot read the sources map: ${_error}")
  endif()
  message(STATUS "TorchCompat: ${_file}: readable, ${_count} source(s)")
endforeach()

file(READ "${DATA_DIR}/torch-releases.json" _json)
string(
  JSON
  _vision
  ERROR_VARIABLE
  _error
  GET
  "${_json}"
  releases
  2.4.0
  torchvision)
string(
  JSON
  _python
  ERROR_VARIABLE
  _error2
  GET
  "${_json}"
  releases
  2.4.0
  python
  0)
if(_error
   OR _error2
   OR NOT _vision STREQUAL "0.19.0"
   OR NOT _python STREQUAL "3.8")
  message(FATAL_ERROR "TorchCompat: nested lookup releases/2.4.0 gave torchvision '${_vision}', "
                      "python[0] '${_python}' (${_error}${_error2}); expected 0.19.0 and 3.8")
endif()
string(
  JSON
  _missing
  ERROR_VARIABLE
  _error
  GET
  "${_json}"
  releases
  2.4.2)
if(NOT _error)
  message(FATAL_ERROR "TorchCompat: looking up torch 2.4.2, which does not exist, did not fail")
endif()
message(STATUS "TorchCompat: nested lookups by version key work")
