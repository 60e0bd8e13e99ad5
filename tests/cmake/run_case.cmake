# Runs one CMake case, RunCMake-style: configures tests/cmake/project with the
# case's body and compares the result code, stdout and stderr with the case's
# expectations. CASES_DIR is the case's feature folder (tests/cmake/<Feature>):
#   <Case>.cmake          the body (or <Case>/CMakeLists.txt, a whole project)
#   <Case>-result.txt     expected exit code (default 0)
#   <Case>-stderr.txt     regex stderr must match (default: no TorchCompat error)
#   <Case>-stdout.txt     regex stdout must match
#   <Case>-env.txt        NAME=VALUE lines for the environment; @FAKES_DIR@,
#                         @PROBE@, @SOURCE_DIR@, @WORK_DIR@, @BUILD_DIR@ (the
#                         TorchCompat build tree) and @INSTALL_PREFIX@ (an
#                         installed and moved TorchCompat) are replaced
#   <Case>-args.txt       extra -D arguments, one per line
#   <Case>-check.cmake    included after the run, with actual_result,
#                         actual_stdout, actual_stderr and SOURCE_TREE (this
#                         repository) set; it sets `failure` to fail the case
# Inputs: CMAKE_UNDER_TEST, CASE, CASES_DIR, WORK_DIR, PACKAGE_DIR, PROBE, FAKES_DIR;
# CASE_SOURCE_DIR, when set, is the project to configure (an example of this
# repository), as for a <Case>/CMakeLists.txt.

cmake_minimum_required(VERSION 3.22...4.4)

foreach(input IN ITEMS CMAKE_UNDER_TEST CASE CASES_DIR WORK_DIR PACKAGE_DIR PROBE)
  if(NOT DEFINED ${input})
    message(FATAL_ERROR "run_case.cmake needs -D${input}=...")
  endif()
endforeach()

function(read_expectation name out_var)
  set(value "")
  if(EXISTS "${CASES_DIR}/${CASE}-${name}.txt")
    file(READ "${CASES_DIR}/${CASE}-${name}.txt" value)
    string(REGEX REPLACE "\n+$" "" value "${value}")
  endif()
  set(${out_var} "${value}" PARENT_SCOPE)
endfunction()

function(substitute text out_var)
  get_filename_component(source_dir "${PACKAGE_DIR}/.." ABSOLUTE)
  string(REPLACE "@FAKES_DIR@" "${FAKES_DIR}" text "${text}")
  string(REPLACE "@PROBE@" "${PROBE}" text "${text}")
  string(REPLACE "@SOURCE_DIR@" "${source_dir}" text "${text}")
  string(REPLACE "@WORK_DIR@" "${WORK_DIR}" text "${text}")
  string(REPLACE "@BUILD_DIR@" "${BUILD_DIR}" text "${text}")
  string(REPLACE "@INSTALL_PREFIX@" "${INSTALL_PREFIX}" text "${text}")
  set(${out_var} "${text}" PARENT_SCOPE)
endfunction()

# A case sees only the environment it declares: overrides from the shell that
# runs the tests must not leak in. This script's environment is the case's.
foreach(
  name IN
  ITEMS TORCHCOMPAT_OVERRIDE_DRIVER
        TORCHCOMPAT_OVERRIDE_CUDA
        TORCHCOMPAT_OVERRIDE_GPU_ARCHS
        TORCHCOMPAT_OVERRIDE_CUDNN
        TORCHCOMPAT_OVERRIDE_TOOLKIT
        TORCHCOMPAT_OVERRIDE_GLIBC
        TORCHCOMPAT_OVERRIDE_AMD_GFX
        TORCHCOMPAT_OVERRIDE_INTEL_GPUS
        TORCHCOMPAT_CACHE_DIR)
  unset(ENV{${name}})
endforeach()
# The probe's answers are cached per user, keyed on what a real machine can
# change; the fake driver's FAKE_* variables are no such thing, so each case
# gets its own, empty probe cache.
set(ENV{TORCHCOMPAT_PROBE_CACHE_DIR} "${WORK_DIR}/${CASE}.probe-answers")
file(REMOVE_RECURSE "${WORK_DIR}/${CASE}.probe-answers")
read_expectation(env env_text)
if(env_text)
  substitute("${env_text}" env_text)
  # Line by line with string(FIND): a value may hold ';' (a GPU list), which
  # any list-based split would cut.
  string(APPEND env_text "\n")
  while(env_text)
    string(FIND "${env_text}" "\n" end)
    string(SUBSTRING "${env_text}" 0 ${end} line)
    math(EXPR rest "${end} + 1")
    string(SUBSTRING "${env_text}" ${rest} -1 env_text)
    string(FIND "${line}" "=" equals)
    if(equals GREATER 0)
      string(SUBSTRING "${line}" 0 ${equals} name)
      math(EXPR value_start "${equals} + 1")
      string(SUBSTRING "${line}" ${value_start} -1 value)
      set(ENV{${name}} "${value}")
    endif()
  endwhile()
endif()

read_expectation(args args_text)
set(extra_args "")
if(args_text)
  substitute("${args_text}" args_text)
  string(REPLACE "\n" ";" extra_args "${args_text}")
endif()

set(binary_dir "${WORK_DIR}/${CASE}")
file(REMOVE_RECURSE "${binary_dir}")
if(CASE_SOURCE_DIR)
  set(source_dir "${CASE_SOURCE_DIR}")
  set(case_args "")
elseif(IS_DIRECTORY "${CASES_DIR}/${CASE}")
  # A whole project: it finds TorchCompat its own way (install tree, build
  # tree, add_subdirectory, FetchContent), through its -args.txt.
  set(source_dir "${CASES_DIR}/${CASE}")
  set(case_args "")
else()
  get_filename_component(source_dir "${CMAKE_CURRENT_LIST_DIR}/project" ABSOLUTE)
  set(case_args "-DTORCHCOMPAT_CASE=${CASE}" "-DTORCHCOMPAT_CASE_FILE=${CASES_DIR}/${CASE}.cmake"
                "-DTorchCompat_DIR=${PACKAGE_DIR}" "-DTORCHCOMPAT_PROBE_EXECUTABLE=${PROBE}")
endif()

execute_process(
  COMMAND "${CMAKE_UNDER_TEST}" -S "${source_dir}" -B "${binary_dir}" ${case_args}
          -DTORCHCOMPAT_PYTHON=OFF ${extra_args}
  RESULT_VARIABLE actual_result
  OUTPUT_VARIABLE actual_stdout
  ERROR_VARIABLE actual_stderr)

read_expectation(result expected_result)
if(expected_result STREQUAL "")
  set(expected_result 0)
endif()
read_expectation(stderr expected_stderr)
read_expectation(stdout expected_stdout)

# CMake re-flows message text to its terminal width; the expectations are
# written as one line, so compare with every run of white space made one space.
string(REGEX REPLACE "[ \t\r\n]+" " " actual_stderr_flat "${actual_stderr}")
string(REGEX REPLACE "[ \t\r\n]+" " " actual_stdout_flat "${actual_stdout}")

set(failures "")
if(NOT actual_result STREQUAL expected_result)
  list(APPEND failures "result ${actual_result}, expected ${expected_result}")
endif()
if(expected_stderr)
  if(NOT actual_stderr_flat MATCHES "${expected_stderr}")
    list(APPEND failures "stderr does not match:\n${expected_stderr}")
  endif()
elseif(actual_stderr MATCHES "TorchCompat:")
  list(APPEND failures "unexpected TorchCompat diagnostics on stderr")
endif()
if(expected_stdout AND NOT actual_stdout_flat MATCHES "${expected_stdout}")
  list(APPEND failures "stdout does not match:\n${expected_stdout}")
endif()

if(EXISTS "${CASES_DIR}/${CASE}-check.cmake")
  get_filename_component(SOURCE_TREE "${PACKAGE_DIR}/.." ABSOLUTE)
  set(failure "")
  include("${CASES_DIR}/${CASE}-check.cmake")
  if(failure)
    list(APPEND failures "${CASE}-check.cmake: ${failure}")
  endif()
endif()

if(failures)
  list(JOIN failures "\n" failure_text)
  message(FATAL_ERROR "Case ${CASE} failed:\n${failure_text}\n"
                      "--- stdout ---\n${actual_stdout}\n--- stderr ---\n${actual_stderr}")
endif()
message(STATUS "Case ${CASE} passed (${CMAKE_UNDER_TEST})")
