# Runs bin/torchcompat once and checks what a user would see:
#   cmake -DCOMMAND=<bin/torchcompat> -DARGS=<a|b> [-DENV=<NAME=VALUE|...>]
#         -DRESULT=<exit status> [-DSTDOUT=<regex>] [-DSTDERR=<regex>]
#         [-DNOT_STDOUT=<regex>] -DPYTHON=<python3> -DWORK_FILE=<file> -P run_cli.cmake
# Always: no CMake boilerplate (call stacks, "CMake Error") on either stream,
# every stderr line starts "torchcompat: " or "TorchCompat: ", and with
# --format json stdout is one JSON object of its command's documented shape.
cmake_minimum_required(VERSION 3.22...4.4)

# "|" separates items: add_test() would split a ";" list into arguments.
string(REPLACE "|" ";" ARGS "${ARGS}")
string(REPLACE "|" ";" ENV "${ENV}")

# Only what the test declares reaches the command.
foreach(
  name IN
  ITEMS TORCHCOMPAT_OVERRIDE_DRIVER
        TORCHCOMPAT_OVERRIDE_CUDA
        TORCHCOMPAT_OVERRIDE_GPU_ARCHS
        TORCHCOMPAT_OVERRIDE_CUDNN
        TORCHCOMPAT_OVERRIDE_TOOLKIT
        VIRTUAL_ENV
        CONDA_PREFIX)
  unset(ENV{${name}})
endforeach()
foreach(assignment IN LISTS ENV)
  string(FIND "${assignment}" "=" equals)
  string(SUBSTRING "${assignment}" 0 ${equals} name)
  math(EXPR start "${equals} + 1")
  string(SUBSTRING "${assignment}" ${start} -1 value)
  string(REPLACE "<semicolon>" ";" value "${value}")
  set(ENV{${name}} "${value}")
endforeach()

execute_process(
  COMMAND "${COMMAND}" ${ARGS}
  RESULT_VARIABLE result
  OUTPUT_VARIABLE out
  ERROR_VARIABLE err
  TIMEOUT 120)
set(shown "exit ${result}\n--- stdout\n${out}--- stderr\n${err}")
if(NOT "${result}" STREQUAL "${RESULT}")
  message(FATAL_ERROR "expected exit ${RESULT}\n${shown}")
endif()
if(DEFINED STDOUT AND NOT out MATCHES "${STDOUT}")
  message(FATAL_ERROR "stdout does not match '${STDOUT}'\n${shown}")
endif()
if(DEFINED NOT_STDOUT AND out MATCHES "${NOT_STDOUT}")
  message(FATAL_ERROR "stdout matches '${NOT_STDOUT}'\n${shown}")
endif()
if(DEFINED STDERR AND NOT err MATCHES "${STDERR}")
  message(FATAL_ERROR "stderr does not match '${STDERR}'\n${shown}")
endif()
if("${out}${err}" MATCHES "CMake Error|CMake Warning|Call Stack|-- Configuring")
  message(FATAL_ERROR "CMake boilerplate reached the user\n${shown}")
endif()
string(REGEX REPLACE "\n$" "" err_lines "${err}")
if(NOT err_lines STREQUAL "")
  string(REPLACE ";" "<semicolon>" err_lines "${err_lines}")
  string(REPLACE "\n" ";" err_lines "${err_lines}")
  foreach(line IN LISTS err_lines)
    if(NOT line MATCHES "^(torchcompat|TorchCompat): " AND NOT ARGS MATCHES
                                                           "(^|;)(probe|--probe-only);")
      message(FATAL_ERROR "stderr line not from torchcompat: '${line}'\n${shown}")
    endif()
  endforeach()
endif()
# With --format json every answer, usage errors included, is one JSON object
# of the shape docs/cli.md documents for its command (validate_json.py).
if(ARGS MATCHES "(^|;)--format(;|=)json" AND NOT ARGS MATCHES "^probe;")
  file(WRITE "${WORK_FILE}" "${out}")
  execute_process(COMMAND "${PYTHON}" "${CMAKE_CURRENT_LIST_DIR}/validate_json.py" "${WORK_FILE}"
                  RESULT_VARIABLE invalid ERROR_VARIABLE why)
  if(NOT invalid EQUAL 0)
    message(FATAL_ERROR "stdout is not the documented JSON answer:\n${why}\n${shown}")
  endif()
endif()
