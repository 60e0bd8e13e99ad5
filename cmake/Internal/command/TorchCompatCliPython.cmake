#[=======================================================================[.rst:
TorchCompatCliPython
--------------------

Internal, for the ``torchcompat`` command: the Python interpreters it asks.
The probe's answer for the interpreter of ``--python`` (or ``python3`` on
``PATH``), and the usual other interpreters (``/usr/bin/python3``, the
active virtual or conda environment) that have torch, so a verdict can say
which one to ask instead.
#]=======================================================================]

include_guard(GLOBAL)
# The module's own policies, also when included by a cmake -P script that set none.
cmake_policy(PUSH)
cmake_policy(VERSION 3.22...4.4)

include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatCliOutput.cmake")

# The probe's answer for the interpreter of --python (or the default), and the
# text saying which interpreter was asked.
function(_cli_python_answer out)
  if(TORCHCOMPAT_TARGET_PROFILE OR NOT "$ENV{TORCHCOMPAT_TARGET_PROFILE}" STREQUAL "")
    # The package answers for the profile's machine and asks no Python; the
    # interpreter is this machine's, so the probe is asked here.
    _torchcompat_probe_executable(probe)
    set(arguments --format json)
    if(cli_PYTHON)
      list(APPEND arguments --python "${cli_PYTHON}")
    endif()
    set(json "")
    if(probe)
      execute_process(
        COMMAND "${probe}" ${arguments}
        OUTPUT_VARIABLE json
        ERROR_QUIET
        TIMEOUT 120)
    endif()
  else()
    _torchcompat_probe_json(json FALSE)
  endif()
  set(${out}_JSON "${json}" PARENT_SCOPE)
  foreach(
    key IN
    ITEMS executable
          version
          torch
          torchvision
          torchaudio
          status
          reason)
    _torchcompat_json_get(value "${json}" python ${key})
    string(TOUPPER "${key}" upper)
    set(${out}_${upper} "${value}" PARENT_SCOPE)
  endforeach()
  if(cli_PYTHON)
    set(${out}_ASKED "--python ${cli_PYTHON}" PARENT_SCOPE)
  else()
    set(${out}_ASKED "python3 on PATH" PARENT_SCOPE)
  endif()
endfunction()

# Usual interpreters other than the one asked that have torch: /usr/bin/python3,
# the active virtual environment, the active conda environment. Sets out_var
# to "EXE=TORCH" items.
function(_cli_find_other_pythons out_var asked_executable)
  set(found "")
  set(candidates "/usr/bin/python3")
  if(DEFINED ENV{VIRTUAL_ENV} AND NOT "$ENV{VIRTUAL_ENV}" STREQUAL "")
    list(APPEND candidates "$ENV{VIRTUAL_ENV}/bin/python3" "$ENV{VIRTUAL_ENV}/bin/python")
  endif()
  if(DEFINED ENV{CONDA_PREFIX} AND NOT "$ENV{CONDA_PREFIX}" STREQUAL "")
    list(APPEND candidates "$ENV{CONDA_PREFIX}/bin/python3" "$ENV{CONDA_PREFIX}/bin/python")
  endif()
  set(seen "")
  if(asked_executable)
    list(APPEND seen "${asked_executable}")
  endif()
  _torchcompat_probe_executable(probe)
  foreach(candidate IN LISTS candidates)
    if(NOT EXISTS "${candidate}" OR candidate IN_LIST seen)
      continue()
    endif()
    execute_process(
      COMMAND "${probe}" --format json --python "${candidate}"
      OUTPUT_VARIABLE json
      ERROR_QUIET
      RESULT_VARIABLE result
      TIMEOUT 60)
    if(result EQUAL 0)
      _torchcompat_json_get(torch "${json}" python torch)
      _torchcompat_json_get(executable "${json}" python executable)
      if(torch AND NOT executable IN_LIST seen)
        list(APPEND found "${candidate}=${torch}")
      endif()
      if(executable)
        list(APPEND seen "${executable}")
      endif()
    endif()
    list(APPEND seen "${candidate}")
  endforeach()
  set(${out_var} "${found}" PARENT_SCOPE)
endfunction()

# The other interpreters worth naming: only when the one asked by default has
# no torch (an interpreter named with --python is the one meant). Sets
# <out>_LINES (each one and how to ask it) and <out>_JSON (an array of
# {"executable", "torch"}).
function(_cli_other_pythons out asked_torch asked_executable)
  set(found "")
  if(NOT asked_torch AND NOT cli_PYTHON)
    _cli_find_other_pythons(found "${asked_executable}")
  endif()
  set(lines "")
  set(items "")
  foreach(item IN LISTS found)
    string(REGEX MATCH "^([^=]*)=(.*)$" ignored "${item}")
    set(executable "${CMAKE_MATCH_1}")
    set(torch "${CMAKE_MATCH_2}")
    list(APPEND lines "${executable} has torch ${torch}: ask it with --python ${executable}")
    _cli_json_string(executable_json "${executable}")
    _cli_json_string(torch_json "${torch}")
    list(APPEND items "{\"executable\": ${executable_json}, \"torch\": ${torch_json}}")
  endforeach()
  list(JOIN items ", " items)
  set(${out}_LINES "${lines}" PARENT_SCOPE)
  set(${out}_JSON "[${items}]" PARENT_SCOPE)
endfunction()

cmake_policy(POP)
