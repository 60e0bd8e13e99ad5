# The torchcompat command, run by bin/torchcompat in cmake -P script mode:
#
#   cmake -DTORCHCOMPAT_CLI_OUT=<dir> -P torchcompat-cli.cmake -- <arguments>
#
# The policy lives in the CMake package; this script only parses the command
# line, asks the package and renders its answers. It writes what goes to
# stdout to <dir>/out and the exit status to <dir>/status (cmake -P before
# 3.29 cannot choose its own exit status); one-line diagnostics go to stderr
# as they happen, each starting "torchcompat: " or "TorchCompat: ".
#
# This file is the entry point: it reads the command line and dispatches. Each
# job has its own module beside it: TorchCompatCliArguments (command line,
# usage), TorchCompatCliOutput (text, JSON, exit status), TorchCompatCliAnswers
# (answers several commands share), TorchCompatCliPython (the interpreters
# asked), TorchCompatCliCheck (check TORCH...), TorchCompatCliInstalled (check
# of what a Python has installed), TorchCompatCliInstall (pip, url) and
# TorchCompatCliReport (report, probe).
cmake_minimum_required(VERSION 3.22...4.4)

get_filename_component(_cli_package_dir "${CMAKE_CURRENT_LIST_DIR}/../.." ABSOLUTE)
include("${CMAKE_CURRENT_LIST_DIR}/../common/TorchCompatVersion.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatCliArguments.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatCliCheck.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatCliInstall.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatCliInstalled.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatCliReport.cmake")

if(NOT TORCHCOMPAT_CLI_OUT)
  message(FATAL_ERROR "TorchCompat: run this script through bin/torchcompat.")
endif()
set(_cli_out "")

_cli_arguments(_cli_args)
_cli_parse(${_cli_args})
if(cli_ERROR AND ("--format=json" IN_LIST _cli_args OR _cli_args MATCHES "(^|;)--format;json(;|$)"))
  # The usage error stopped the parse, perhaps before --format: the error
  # object is still JSON when JSON was asked for.
  set(cli_FORMAT json)
endif()
if(_cli_args_BAD)
  set(cli_ERROR "'${_cli_args_BAD}' holds a ';', which no argument may")
endif()
if(cli_ERROR)
  _cli_say("${cli_ERROR}. Try 'torchcompat --help'.")
  _cli_finish(2)
  return()
endif()
if(cli_HELP OR cli_COMMAND STREQUAL "help")
  # Help is text for people, whatever the format.
  set(cli_FORMAT text)
  _cli_help()
  _cli_finish(0)
  return()
endif()
if(cli_VERSION AND cli_FORMAT STREQUAL "json")
  _cli_print(
    "{\"schema_version\": 1, \"command\": \"version\", \"version\": \"${_TORCHCOMPAT_VERSION}\"}")
  _cli_finish(0)
  return()
elseif(cli_VERSION)
  _cli_print("torchcompat ${_TORCHCOMPAT_VERSION}")
  _cli_finish(0)
  return()
endif()

# Newer tables, as the package's own messages advise (the command has no
# cache to set it in).
if(NOT "$ENV{TORCHCOMPAT_DATA_DIR}" STREQUAL "")
  set(TORCHCOMPAT_DATA_DIR "$ENV{TORCHCOMPAT_DATA_DIR}")
endif()
find_package(TorchCompat REQUIRED PATHS "${_cli_package_dir}" NO_DEFAULT_PATH)
if(cli_PYTHON)
  set(TORCHCOMPAT_PYTHON "${cli_PYTHON}")
endif()
set(_cli_status 1)
if(cli_COMMAND STREQUAL "check" AND cli_POSITIONAL)
  _cli_check_given()
elseif(cli_COMMAND STREQUAL "check")
  _cli_check_installed()
elseif(cli_COMMAND STREQUAL "pip")
  _cli_pip()
elseif(cli_COMMAND STREQUAL "url")
  _cli_url()
elseif(cli_COMMAND STREQUAL "probe")
  _cli_probe()
elseif(cli_COMMAND STREQUAL "report")
  _cli_report()
endif()
_cli_finish(${_cli_status})
