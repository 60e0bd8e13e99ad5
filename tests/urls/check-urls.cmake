# Renders every official URL in official-urls.tsv with the CMake renderer, called directly and
# through scripts/libtorch-url (which runs it with cmake -P), and
# compares them character for character; then checks that both
# refuse each request in negative-cases.tsv with a message naming what does exist.
# cmake -DSOURCE_DIR=<repo> -DPYTHON=<python3> -P check-urls.cmake
cmake_minimum_required(VERSION 3.22)
foreach(required IN ITEMS SOURCE_DIR PYTHON)
  if(NOT DEFINED ${required})
    message(FATAL_ERROR "TorchCompat: check-urls.cmake needs -D${required}=...")
  endif()
endforeach()
include("${SOURCE_DIR}/cmake/Internal/tables/TorchCompatLibtorchUrl.cmake")
set(data_dir "${SOURCE_DIR}/data")
set(failures "")

# Reads a tab-separated case file, skipping comments, one CMake list element per line.
function(read_cases out_var file)
  file(STRINGS "${file}" lines ENCODING UTF-8)
  set(cases "")
  foreach(line IN LISTS lines)
    if(line MATCHES "^#" OR line STREQUAL "")
      continue()
    endif()
    string(REPLACE ";" "\\;" line "${line}")
    list(APPEND cases "${line}")
  endforeach()
  set(${out_var} "${cases}" PARENT_SCOPE)
endfunction()

function(
  render_both
  cmake_url
  cmake_error
  cli_url
  cli_error
  cli_rc
  request)
  separate_arguments(args UNIX_COMMAND "${request}")
  list(GET args 0 version)
  list(GET args 1 variant)
  list(GET args 2 platform)
  list(GET args 3 abi)
  list(GET args 4 config)
  _torchcompat_libtorch_url(
    url
    VERSION "${version}"
    VARIANT "${variant}"
    PLATFORM "${platform}"
    ABI "${abi}"
    CONFIG "${config}"
    DATA_DIR "${data_dir}"
    ERROR_VARIABLE error)
  execute_process(
    COMMAND "${PYTHON}" "${SOURCE_DIR}/scripts/libtorch-url" --data-dir "${data_dir}" ${args}
    OUTPUT_VARIABLE out
    ERROR_VARIABLE err
    RESULT_VARIABLE rc
    OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_STRIP_TRAILING_WHITESPACE)
  set(${cmake_url} "${url}" PARENT_SCOPE)
  set(${cmake_error} "${error}" PARENT_SCOPE)
  set(${cli_url} "${out}" PARENT_SCOPE)
  set(${cli_error} "${err}" PARENT_SCOPE)
  set(${cli_rc} "${rc}" PARENT_SCOPE)
endfunction()

read_cases(official "${CMAKE_CURRENT_LIST_DIR}/official-urls.tsv")
list(LENGTH official official_count)
if(official_count LESS 30)
  list(APPEND failures
       "only ${official_count} official URLs in official-urls.tsv (need at least 30)")
endif()
foreach(case IN LISTS official)
  string(REPLACE "\t" ";" fields "${case}")
  list(GET fields 0 expected)
  list(GET fields 1 request)
  render_both(cmake_url cmake_error cli_url cli_error cli_rc "${request}")
  if(NOT cmake_url STREQUAL expected)
    list(APPEND failures
         "[cmake] ${request}: got '${cmake_url}' ${cmake_error}, expected '${expected}'")
  endif()
  if(NOT cli_rc EQUAL 0 OR NOT cli_url STREQUAL expected)
    list(APPEND failures
         "[cli] ${request}: rc ${cli_rc}, got '${cli_url}' ${cli_error}, expected '${expected}'")
  endif()
endforeach()

read_cases(negative "${CMAKE_CURRENT_LIST_DIR}/negative-cases.tsv")
list(LENGTH negative negative_count)
foreach(case IN LISTS negative)
  string(REPLACE "\t" ";" fields "${case}")
  list(GET fields 0 request)
  list(GET fields 1 wanted)
  render_both(cmake_url cmake_error cli_url cli_error cli_rc "${request}")
  string(FIND "${cmake_error}" "TorchCompat: ${wanted}" at_start)
  string(FIND "${cmake_error}" "${wanted}" anywhere)
  if(NOT cmake_url STREQUAL "" OR anywhere EQUAL -1 OR NOT cmake_error MATCHES "^TorchCompat: ")
    list(APPEND failures
         "[cmake] ${request}: url '${cmake_url}', message '${cmake_error}' lacks '${wanted}'")
  endif()
  string(FIND "${cli_error}" "${wanted}" anywhere)
  if(NOT cli_rc EQUAL 1
     OR NOT cli_url STREQUAL ""
     OR anywhere EQUAL -1
     OR NOT cli_error MATCHES "^TorchCompat: ")
    list(
      APPEND failures
      "[cli] ${request}: rc ${cli_rc}, url '${cli_url}', message '${cli_error}' lacks '${wanted}'")
  endif()
endforeach()

if(failures)
  list(JOIN failures "\n  " report)
  message(FATAL_ERROR "TorchCompat: libtorch URL check failed:\n  ${report}")
endif()
message(STATUS "TorchCompat: ${official_count} official URLs reproduced by both renderers; "
               "${negative_count} invalid requests refused by both")
