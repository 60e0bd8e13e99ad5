# -DBUILD_TESTING=OFF is honoured: TorchCompat configures as a top-level
# project without its tests, without looking for GoogleTest, and without
# CMake's "Manually-specified variables were not used" warning.
# Inputs: SOURCE_DIR, WORK_DIR.
cmake_minimum_required(VERSION 3.22...4.4)
file(REMOVE_RECURSE "${WORK_DIR}")
execute_process(
  COMMAND "${CMAKE_COMMAND}" -S "${SOURCE_DIR}" -B "${WORK_DIR}" -DBUILD_TESTING=OFF
  RESULT_VARIABLE result
  OUTPUT_VARIABLE output
  ERROR_VARIABLE error)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "configuring with -DBUILD_TESTING=OFF failed:\n${output}\n${error}")
endif()
if(error MATCHES "Manually-specified variables were not used")
  message(FATAL_ERROR "-DBUILD_TESTING=OFF was ignored:\n${error}")
endif()
file(READ "${WORK_DIR}/CMakeCache.txt" cache)
if(cache MATCHES "GTEST|GTest_DIR")
  message(FATAL_ERROR "GoogleTest was looked for although the tests are off")
endif()
execute_process(COMMAND "${CMAKE_CTEST_COMMAND}" -N --test-dir "${WORK_DIR}" OUTPUT_VARIABLE output)
if(NOT output MATCHES "Total Tests: 0")
  message(FATAL_ERROR "tests were added with BUILD_TESTING=OFF:\n${output}")
endif()
message(STATUS "BUILD_TESTING=OFF: no tests, no GoogleTest")
