#[=======================================================================[.rst:
TorchCompatCliReport
--------------------

Internal, for the ``torchcompat`` command: ``torchcompat report [TORCH]``
(this machine, which builds of a release run here, the libtorch and pip
install to use, from ``torchcompat_report``) and ``torchcompat probe``
(``torchcompat-probe`` itself, its output and exit status passed on).
#]=======================================================================]

include_guard(GLOBAL)
# The module's own policies, also when included by a cmake -P script that set none.
cmake_policy(PUSH)
cmake_policy(VERSION 3.22...4.4)

include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatCliAnswers.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatCliOutput.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatCliPython.cmake")

# torchcompat probe [PROBE ARGS]: torchcompat-probe itself (built first if
# needed), with its own arguments, output and exit status.
function(_cli_probe)
  _torchcompat_probe_executable(probe)
  if(NOT probe)
    set(_cli_status 1 PARENT_SCOPE)
    return()
  endif()
  set(arguments ${cli_POSITIONAL})
  # torchcompat --format json probe: the probe's own JSON, unless its own
  # arguments choose a format.
  if(cli_FORMAT STREQUAL "json" AND NOT arguments MATCHES "(^|;)--format")
    list(PREPEND arguments --format json)
  endif()
  if(cli_PYTHON AND NOT arguments MATCHES "(^|;)--(no-)?python")
    list(APPEND arguments --python "${cli_PYTHON}")
  endif()
  execute_process(
    COMMAND "${probe}" ${arguments}
    RESULT_VARIABLE result
    OUTPUT_VARIABLE output
    ERROR_VARIABLE errors)
  set(_cli_out "${output}" PARENT_SCOPE)
  set(_cli_err "${errors}" PARENT_SCOPE)
  if(NOT result MATCHES "^[0-9]+$")
    _cli_say("torchcompat-probe failed: ${result}")
    set(result 1)
  elseif(NOT result EQUAL 0 AND cli_FORMAT STREQUAL "json" AND output STREQUAL "")
    # Said, so that the error object has its message: the probe's own stderr
    # is passed on as it is.
    string(REGEX REPLACE "\n.*" "" first "${errors}")
    _cli_say("torchcompat-probe exited with status ${result}: ${first}")
  endif()
  set(_cli_status ${result} PARENT_SCOPE)
endfunction()

# torchcompat report [TORCH]: torchcompat_report's verdict, rendered as text
# or JSON. The probe is asked once: the verdict carries its answer, and the
# text's machine block is rendered from it.
function(_cli_report)
  _cli_release(release)
  if(release_STATUS)
    set(_cli_status ${release_STATUS} PARENT_SCOPE)
    return()
  endif()
  _cli_python_answer(py)
  _cli_other_pythons(others "${py_TORCH}" "${py_EXECUTABLE}")
  # The release _cli_release chose, given or not: latest means the same here
  # as in the other commands. The commands name the interpreter asked.
  set(report_args TORCH "${release_RELEASE}")
  _cli_append_given(report_args DRIVER_POLICY "${cli_POLICY}" PYTHON "${py_EXECUTABLE}")
  torchcompat_report(${report_args} OUTPUT_VARIABLE ignored VERDICT_VARIABLE verdict)
  string(
    JSON
    python_json
    ERROR_VARIABLE
    missing
    GET
    "${py_JSON}"
    python)
  if(missing)
    set(python_json "")
  endif()
  _torchcompat_render_report_advice(advice "${verdict}")
  if(cli_FORMAT STREQUAL "json")
    string(JSON machine GET "${verdict}" probe)
    if(py_JSON AND NOT machine STREQUAL "null")
      # The interpreter this machine was asked about (a target profile's answer has none).
      string(JSON machine SET "${machine}" python "${python_json}")
    endif()
    _cli_json_compact(machine "${machine}")
    foreach(member IN ITEMS builds libtorch pip)
      string(JSON ${member}_json GET "${verdict}" ${member})
      _cli_json_compact(${member}_json "${${member}_json}")
    endforeach()
    _cli_json_string(asked_json "${py_ASKED}")
    _cli_json_string(torch_json "${release_RELEASE}")
    _cli_json_string(note_json "${release_NOTE}")
    _cli_json_string(advice_json "${advice}")
    # cmake-format: off
    _cli_json_object(doc
      schema_version 1
      command "\"report\""
      torch "${torch_json}"
      note "${note_json}"
      python_asked "${asked_json}"
      other_pythons "${others_JSON}"
      machine "${machine}"
      builds "${builds_json}"
      libtorch "${libtorch_json}"
      pip "${pip_json}"
      text "${advice_json}")
    # cmake-format: on
    _cli_print("${doc}")
  else()
    _torchcompat_render_report_machine(machine_text "${verdict}" "${python_json}")
    string(REGEX REPLACE "\n+$" "" machine_text "${machine_text}")
    _cli_print("${machine_text}")
    _cli_print("  (asked: ${py_ASKED})")
    foreach(line IN LISTS others_LINES)
      _cli_print("  ${line}")
    endforeach()
    _cli_print("")
    if(release_NOTE)
      _cli_print("note: ${release_NOTE}")
    endif()
    string(REGEX REPLACE "\n+$" "" advice "${advice}")
    _cli_print("${advice}")
  endif()
  set(_cli_out "${_cli_out}" PARENT_SCOPE)
  set(_cli_status 0 PARENT_SCOPE)
endfunction()

cmake_policy(POP)
