#[=======================================================================[.rst:
TorchCompatFetchKnobs
---------------------

Internal: reads the fetch's knobs (``TORCHCOMPAT_<NAME>``, as a CMake
variable or else an environment variable) and turns a bad value into one
clear error line that names the knob.

.. command:: _torchcompat_knob_number

  ::

    _torchcompat_knob_number(<out-var> <knob> <default>)

  A whole number of seconds, bytes or entries; anything else is an error.

.. command:: _torchcompat_truthy

  ::

    _torchcompat_truthy(<out-var> <knob>)

.. command:: _torchcompat_fetch_path

  ::

    _torchcompat_fetch_path(<out-var> <path> <what>)

  ``<path>`` made absolute: a relative one is taken relative to the build
  directory (``CMAKE_BINARY_DIR``; the working directory in script mode),
  never to a project's source tree. ``<what>`` names the argument or knob in
  errors.
#]=======================================================================]

include_guard(GLOBAL)
# Functions keep the policies in force where they are defined: these, whatever the caller set.
cmake_policy(PUSH)
cmake_policy(VERSION 3.22...4.4)

function(_torchcompat_knob_value out knob)
  if(DEFINED ${knob})
    set(value "${${knob}}")
  elseif(DEFINED ENV{${knob}})
    set(value "$ENV{${knob}}")
  else()
    set(value "")
  endif()
  set(${out} "${value}" PARENT_SCOPE)
endfunction()

function(_torchcompat_knob_number out knob default)
  _torchcompat_knob_value(value ${knob})
  string(STRIP "${value}" value)
  if(value STREQUAL "")
    set(value "${default}")
  elseif(NOT value MATCHES "^[0-9]+$" OR value MATCHES "^0[0-9]")
    message(FATAL_ERROR "TorchCompat: ${knob} must be a whole number; got \"${value}\". "
                        "Set it to a number such as ${default}, or unset it for the default.")
  else()
    string(LENGTH "${value}" digits)
    if(digits GREATER 18)
      message(FATAL_ERROR "TorchCompat: ${knob} is too large (\"${value}\"); "
                          "unset it for the default (${default}).")
    endif()
  endif()
  set(${out} "${value}" PARENT_SCOPE)
endfunction()

function(_torchcompat_truthy out knob)
  _torchcompat_knob_value(value ${knob})
  set(result FALSE)
  if(value)
    set(result TRUE)
  endif()
  set(${out} ${result} PARENT_SCOPE)
endfunction()

function(_torchcompat_fetch_path out path what)
  if(path MATCHES "[\r\n]")
    message(FATAL_ERROR "TorchCompat: ${what} holds a line break; choose another path.")
  endif()
  set(base "${CMAKE_BINARY_DIR}")
  if(base STREQUAL "")
    set(base "${CMAKE_CURRENT_BINARY_DIR}")
  endif()
  if(CMAKE_HOST_WIN32)
    string(REPLACE "\\" "/" path "${path}")
  endif()
  get_filename_component(path "${path}" ABSOLUTE BASE_DIR "${base}")
  set(${out} "${path}" PARENT_SCOPE)
endfunction()

cmake_policy(POP)
