# Fails when a CMake file of the project differs from what cmake-format (with
# the project's .cmake-format.yaml) makes of it. Fix: scripts/format-cmake.
cmake_minimum_required(VERSION 3.22...4.4)
find_program(CMAKE_FORMAT cmake-format)
if(NOT CMAKE_FORMAT)
  message(FATAL_ERROR "cmake-format is not installed (Debian: apt-get install cmake-format).")
endif()
# GLOB_RECURSE matches a file name at any depth below the pattern's folder, so
# the top-level CMakeLists.txt is named on its own, not globbed (that would
# reach into build folders).
file(
  GLOB_RECURSE files
  RELATIVE "${SOURCE_DIR}"
  "${SOURCE_DIR}/cmake/*.cmake" "${SOURCE_DIR}/cmake/*CMakeLists.txt"
  "${SOURCE_DIR}/tool/*CMakeLists.txt" "${SOURCE_DIR}/tests/*CMakeLists.txt"
  "${SOURCE_DIR}/tests/*.cmake" "${SOURCE_DIR}/examples/*CMakeLists.txt")
list(APPEND files CMakeLists.txt)
set(unformatted "")
foreach(file IN LISTS files)
  execute_process(
    COMMAND "${CMAKE_FORMAT}" --config-files "${SOURCE_DIR}/.cmake-format.yaml" --check
            "${SOURCE_DIR}/${file}" RESULT_VARIABLE result OUTPUT_QUIET ERROR_QUIET)
  if(NOT result EQUAL 0)
    list(APPEND unformatted "${file}")
  endif()
endforeach()
if(unformatted)
  list(JOIN unformatted "\n  " text)
  message(FATAL_ERROR "Not formatted with cmake-format (run scripts/format-cmake):\n  ${text}")
endif()
list(LENGTH files count)
message(STATUS "${count} CMake files formatted")
