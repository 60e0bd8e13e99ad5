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

# torchcompat report [TORCH]
function(_cli_report)
  _cli_release(release)
  if(release_STATUS)
    set(_cli_status ${release_STATUS} PARENT_SCOPE)
    return()
  endif()
  _cli_python_answer(py)
  _cli_other_pythons(others "${py_TORCH}" "${py_EXECUTABLE}")
  # The release _cli_release chose, given or not: latest means the same here
  # as in the other commands.
  set(report_args TORCH "${release_RELEASE}")
  if(cli_POLICY)
    list(APPEND report_args DRIVER_POLICY "${cli_POLICY}")
  endif()
  torchcompat_report(${report_args} OUTPUT_VARIABLE advice VERDICT_VARIABLE report_verdict)
  if(cli_FORMAT STREQUAL "json")
    _cli_json_compact(machine "${py_JSON}")
    if(NOT machine)
      set(machine null)
    endif()
    string(JSON builds_json GET "${report_verdict}" builds)
    _cli_json_compact(builds_json "${builds_json}")
    _cli_json_string(asked_json "${py_ASKED}")
    _cli_json_string(torch_json "${release_RELEASE}")
    _cli_json_string(note_json "${release_NOTE}")
    _cli_json_string(advice_json "${advice}")
    # The libtorch and the wheel, as `url` and `pip` answer them.
    set(select_args "")
    if(cli_POLICY)
      set(select_args DRIVER_POLICY "${cli_POLICY}")
    endif()
    torchcompat_select_libtorch(
      VERSION "${release_RELEASE}" ${select_args}
      URL_VARIABLE url
      VARIANT_VARIABLE libtorch_variant
      REASON_VARIABLE libtorch_reason RESULT_VARIABLE libtorch_ok MESSAGE_VARIABLE libtorch_text)
    _cli_json_string(url_json "${url}")
    _cli_json_string(libtorch_variant_json "${libtorch_variant}")
    _cli_json_string(libtorch_reason_json "${libtorch_reason}")
    _cli_wheel_for_here(wheel "${release_RELEASE}")
    set(install_PIP "")
    set(install_UV "")
    if(wheel_VARIANT)
      _cli_install_commands(install "${release_RELEASE}" "${wheel_INDEX}")
    endif()
    _cli_json_string(wheel_variant_json "${wheel_VARIANT}")
    _cli_json_string(pip_json "${install_PIP}")
    _cli_json_string(uv_json "${install_UV}")
    _cli_json_string(wheel_reason_json "${wheel_REASON}")
    # cmake-format: off
    _cli_json_object(libtorch_json
      url "${url_json}" variant "${libtorch_variant_json}" reason "${libtorch_reason_json}")
    _cli_json_object(wheel_json
      variant "${wheel_variant_json}" pip "${pip_json}" uv "${uv_json}"
      reason "${wheel_reason_json}")
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
      pip "${wheel_json}"
      text "${advice_json}")
    # cmake-format: on
    _cli_print("${doc}")
  else()
    _torchcompat_probe_executable(probe)
    if(probe)
      # The probe's own text; the TORCHCOMPAT_OVERRIDE_* in the environment reach it as they are.
      set(arguments "")
      if(cli_PYTHON)
        set(arguments --python "${cli_PYTHON}")
      endif()
      # The answer above was probed afresh for this command: the text run,
      # which would find it in the cache, probes afresh too, so "[from the
      # cache]" is said only when the answer came from an earlier command.
      _torchcompat_json_get(cached "${py_JSON}" probe cache machine)
      if(NOT cached STREQUAL "hit")
        list(APPEND arguments --no-cache)
      endif()
      execute_process(
        COMMAND "${probe}" ${arguments}
        OUTPUT_VARIABLE machine_text
        ERROR_QUIET
        TIMEOUT 120)
      string(REGEX REPLACE "\n+$" "" machine_text "${machine_text}")
      _cli_print("${machine_text}")
      _cli_print("  (asked: ${py_ASKED})")
      foreach(line IN LISTS others_LINES)
        _cli_print("  ${line}")
      endforeach()
      _cli_print("")
    endif()
    if(release_NOTE)
      _cli_print("note: ${release_NOTE}")
    endif()
    string(FIND "${advice}" "What it allows" start)
    if(start GREATER -1)
      string(SUBSTRING "${advice}" ${start} -1 advice)
    endif()
    string(REGEX REPLACE "\n+$" "" advice "${advice}")
    _cli_print("${advice}")
  endif()
  set(_cli_out "${_cli_out}" PARENT_SCOPE)
  set(_cli_status 0 PARENT_SCOPE)
endfunction()

cmake_policy(POP)
