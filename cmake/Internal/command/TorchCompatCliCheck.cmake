#[=======================================================================[.rst:
TorchCompatCliCheck
-------------------

Internal, for the ``torchcompat`` command: ``torchcompat check TORCH
[TORCHVISION [TORCHAUDIO]]``. The verdict on a set of versions (the guard,
``torchcompat_require``, and the exact fixes), rendered as text or JSON;
``TorchCompatCliInstalled`` gives it the versions a Python has installed.
#]=======================================================================]

include_guard(GLOBAL)
# The module's own policies, also when included by a cmake -P script that set none.
cmake_policy(PUSH)
cmake_policy(VERSION 3.22...4.4)

include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatCliAnswers.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatCliOutput.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatCliPython.cmake")

# The verdict on a set of versions: the guard's verdict (its VERDICT_VARIABLE,
# a JSON value: nothing here reads the guard's words) and, for each of its ways
# out, the command that takes it. Inputs: TORCH, TORCHVISION, TORCHAUDIO
# (given or installed), PYTHON (X.Y or ""), VARIANT, EXECUTABLE (the
# interpreter asked, whose pip the commands name; "" for a bare pip) and
# INSTALLED (the torch version the interpreter has, so a build switch pins the
# local version: pip keeps an installed 2.5.1+cu124 for ==2.5.1) and CONDA
# ("<environment>|<channel>" when conda installed the torch, whose fixes are
# then conda's). Sets
# <out>_VERDICT (works, cpu-only, problem, unverified), <out>_GUARD (the
# guard's verdict), <out>_ACTIONS (a JSON array: the guard's ways out, each
# with "command" and "uv" where one exists, and "addresses") and <out>_NOTES
# (the command's own notes, a JSON array).
function(_cli_verdict out)
  cmake_parse_arguments(
    PARSE_ARGV 1 arg "" "TORCH;TORCHVISION;TORCHAUDIO;PYTHON;VARIANT;EXECUTABLE;INSTALLED;CONDA"
    "STRAYS")
  set(notes "[]")
  _cli_version(torch torch "${arg_TORCH}")
  set(guard_args TORCH "${arg_TORCH}")
  foreach(package IN ITEMS torchvision torchaudio)
    string(TOUPPER "${package}" upper)
    if(arg_${upper})
      list(APPEND guard_args ${upper} "${arg_${upper}}")
    endif()
  endforeach()
  _cli_append_given(
    guard_args
    PYTHON
    "${arg_PYTHON}"
    VARIANT
    "${arg_VARIANT}"
    DRIVER_POLICY
    "${cli_POLICY}")
  if(cli_REQUIRE_GPU)
    list(APPEND guard_args REQUIRE_GPU)
  endif()
  torchcompat_require(${guard_args} RESULT_VARIABLE ok MESSAGE_VARIABLE text VERDICT_VARIABLE guard)
  string(JSON answer GET "${guard}" answer)
  _torchcompat_json_get(checked_variant "${guard}" variant)

  set(actions "[]")
  _torchcompat_verdict_indices(index_list "${guard}" ways_out)
  foreach(index IN LISTS index_list)
    string(JSON action GET "${guard}" ways_out ${index})
    _cli_stray_action(action "${action}" "${arg_EXECUTABLE}" ${arg_STRAYS})
    _cli_action_command(
      action
      "${action}"
      RELEASE
      "${torch_RELEASE}"
      VARIANT
      "${checked_variant}"
      EXECUTABLE
      "${arg_EXECUTABLE}"
      INSTALLED
      "${arg_INSTALLED}"
      CONDA
      "${arg_CONDA}"
      PYTHON
      "${arg_PYTHON}")
    _torchcompat_verdict_push(actions "${action}")
  endforeach()
  set(${out}_VERDICT "${answer}" PARENT_SCOPE)
  set(${out}_GUARD "${guard}" PARENT_SCOPE)
  set(${out}_ACTIONS "${actions}" PARENT_SCOPE)
  set(${out}_NOTES "${notes}" PARENT_SCOPE)
endfunction()

# _cli_stray_action(<var> <action> <python> <package>=<system package>...):
# the guard's "install the companion that pairs" becomes "uninstall the stray
# one" where the system's own companion beneath it is the one that pairs
# (installing over the system's would hide it again, and may have no wheel
# for this Python).
function(_cli_stray_action var action python)
  string(JSON kind GET "${action}" kind)
  _torchcompat_json_get(package "${action}" package)
  foreach(stray IN LISTS ARGN)
    if(kind STREQUAL "install" AND stray MATCHES "^${package}=(.*)$")
      set(system "${CMAKE_MATCH_1}")
      _torchcompat_verdict_quote(
        text
        "uninstall the ${package} pip put in ${python}'s environment: the system's ${system} beneath it goes with this torch"
      )
      string(JSON action SET "${action}" kind "\"uninstall\"")
      string(JSON action SET "${action}" text "${text}")
      string(JSON action SET "${action}" version null)
    endif()
  endforeach()
  set(${var} "${action}" PARENT_SCOPE)
endfunction()

# _cli_action_command(<var> <action> RELEASE <torch> VARIANT <checked variant>
#                     EXECUTABLE <python or ""> INSTALLED <installed torch or "">
#                     [CONDA <environment>|<channel>] [PYTHON <X.Y>])
# A way out of the guard's verdict with the command that takes it: "command"
# (pip) and "uv" for an install, uninstall or another build; the same words
# for what has no command (a driver, another Python). In a conda environment
# whose torch conda installed, pip would install over conda's packages (and
# conda would not know): see _cli_conda_action. With PYTHON, a companion is
# a command only where it has a wheel for that Python here
# (data/companion-wheels.json): pip would otherwise build it from source.
function(_cli_action_command var action)
  cmake_parse_arguments(PARSE_ARGV 2 arg "" "RELEASE;VARIANT;EXECUTABLE;INSTALLED;CONDA;PYTHON" "")
  string(JSON kind GET "${action}" kind)
  # A stray companion pip put there is pip's to uninstall, conda environment or not.
  if(arg_CONDA AND NOT kind STREQUAL "uninstall")
    _cli_conda_action(action "${action}" "${arg_CONDA}" "${arg_RELEASE}")
    set(${var} "${action}" PARENT_SCOPE)
    return()
  endif()
  string(JSON kind GET "${action}" kind)
  _torchcompat_json_get(package "${action}" package)
  _torchcompat_json_get(version "${action}" version)
  _torchcompat_json_get(release "${action}" release)
  _torchcompat_json_get(variant "${action}" variant)
  _cli_version(installed torch "${arg_INSTALLED}")
  set(pip "")
  set(uv "")
  set(wheel yes)
  set(offered TRUE)
  if(kind STREQUAL "install"
     AND package
     AND version
     AND arg_PYTHON)
    _torchcompat_host_platform(platform os)
    _torchcompat_companion_wheel(wheel ${package} "${version}" "${arg_PYTHON}" "${platform}")
  endif()
  set(note "")
  if(kind STREQUAL "install" AND wheel STREQUAL "no")
    string(CONCAT note
                  "${package} ${version} has no wheel for Python ${arg_PYTHON} on ${platform}: "
                  "pip would have to build it from source")
  elseif(kind STREQUAL "install" AND package AND version)
    # The companion of the torch being checked: pinned to its build when that
    # build is named (a +cu121 torch takes torchvision 0.19.0+cu121 from the
    # same index), else PyPI's.
    set(spec "${package}==${version}")
    set(index "")
    if(installed_VARIANT)
      set(spec "${package}==${version}+${installed_VARIANT}")
      _torchcompat_wheel_index_url(index "${installed_VARIANT}")
    endif()
    _cli_pip_forms(forms "${arg_EXECUTABLE}" "install" "${spec}" "${index}")
    set(pip "${forms_PIP}")
    set(uv "${forms_UV}")
  elseif(kind STREQUAL "variant" OR (kind STREQUAL "release" AND release))
    if(NOT release)
      set(release "${arg_RELEASE}")
    endif()
    _cli_release_wheel_for_python(resolves note "${release}" "${arg_PYTHON}")
    if(NOT resolves)
      # No command: pip would find no wheel. Another build of the release
      # checked is no fix at all (the Python check's own ways out say what
      # is); another release is said in words, with why it has no command.
      if(kind STREQUAL "variant")
        set(offered FALSE)
      endif()
      set(variant "")
      set(release "")
    endif()
    set(index "${variant}")
    if(NOT variant AND release)
      _cli_wheel_for_here(wheel "${release}")
      # Only a wheel that runs here is a fix (PyPI's own wheel may not: a cu132
      # build on a driver for CUDA 12.4); the way out is then said in words.
      if(wheel_RUNS STREQUAL "pass" OR wheel_RUNS STREQUAL "cpu-only")
        set(variant "${wheel_VARIANT}")
        set(index "${wheel_INDEX}")
      endif()
    endif()
    if(variant)
      # The same release installed as another build: pip keeps it for
      # ==release, so the local version is pinned.
      set(pin FALSE)
      if(installed_RELEASE STREQUAL release)
        set(pin TRUE)
      endif()
      _cli_install_commands(forms "${release}" "${index}" "${arg_EXECUTABLE}" ${pin})
      set(pip "${forms_PIP}")
      set(uv "${forms_UV}")
    endif()
  elseif(kind STREQUAL "uninstall" AND package)
    _cli_pip_forms(forms "${arg_EXECUTABLE}" "uninstall" "${package}" "")
    set(pip "${forms_PIP}")
    set(uv "${forms_UV}")
  elseif(kind STREQUAL "policy")
    set(pip "torchcompat --driver-policy compat ...")
  endif()
  _torchcompat_verdict_quote(pip_json "${pip}")
  _torchcompat_verdict_quote(uv_json "${uv}")
  _torchcompat_verdict_quote(note_json "${note}")
  string(JSON action SET "${action}" command "${pip_json}")
  string(JSON action SET "${action}" uv "${uv_json}")
  string(JSON action SET "${action}" note "${note_json}")
  if(offered)
    string(JSON action SET "${action}" offered true)
  else()
    string(JSON action SET "${action}" offered false)
  endif()
  set(${var} "${action}" PARENT_SCOPE)
endfunction()

# _cli_release_wheel_for_python(<resolves-var> <note-var> <release> <python X.Y or "">):
# whether a build of <release> can be installed for that Python here: FALSE
# (and why, in <note-var>) when the table lists the Pythons the release has
# wheels for on this platform and <python> is not among them.
function(_cli_release_wheel_for_python resolves_var note_var release python)
  set(${resolves_var} TRUE PARENT_SCOPE)
  set(${note_var} "" PARENT_SCOPE)
  if(NOT python OR NOT release)
    return()
  endif()
  _torchcompat_host_platform(platform os)
  _torchcompat_torch_record(record "${release}")
  _torchcompat_release_pythons(pythons "${record}" "${platform}")
  if(pythons AND NOT python IN_LIST pythons)
    set(${resolves_var} FALSE PARENT_SCOPE)
    set(${note_var} "torch ${release} has no wheel for Python ${python} on ${platform}"
        PARENT_SCOPE)
  endif()
endfunction()

# The conda form of a way out, for a torch that conda installed
# (<conda>: "<environment>|<channel>"): a companion is installed with conda
# from torch's channel ("conda install --prefix ENV -c pytorch
# torchvision==0.19.0"); another build or release of conda's pytorch is said
# in words (which builds a conda channel has is not in the table), never a pip
# command over conda's packages.
function(_cli_conda_action var action conda release)
  string(REPLACE "|" ";" parts "${conda}")
  list(GET parts 0 environment)
  list(LENGTH parts count)
  set(channel "")
  if(count GREATER 1)
    list(GET parts 1 channel)
  endif()
  string(JSON kind GET "${action}" kind)
  _torchcompat_json_get(package "${action}" package)
  _torchcompat_json_get(version "${action}" version)
  set(command "")
  if(kind STREQUAL "install" AND package AND version)
    set(command "conda install --yes --prefix ${environment}")
    if(channel)
      string(APPEND command " -c ${channel}")
    endif()
    string(APPEND command " ${package}==${version}")
  endif()
  set(note "")
  if(kind STREQUAL "variant" OR kind STREQUAL "release")
    string(CONCAT note "conda installed this torch: install that build with conda (conda install "
                  "--prefix ${environment} ...), not with pip over conda's packages")
  endif()
  _torchcompat_verdict_quote(note_json "${note}")
  string(JSON action SET "${action}" note "${note_json}")
  _torchcompat_verdict_quote(command_json "${command}")
  string(JSON action SET "${action}" command "${command_json}")
  string(JSON action SET "${action}" uv null)
  string(JSON action SET "${action}" offered true)
  set(${var} "${action}" PARENT_SCOPE)
endfunction()

# Renders the verdict v_* of _cli_verdict, with the other interpreters that
# have torch (a JSON array), and sets the exit status: 0 when it works (on the
# CPU only too, unless --require-gpu made that a problem).
function(_cli_render_verdict subject python_json others_json)
  set(guard "${v_GUARD}")
  if(NOT guard)
    set(guard null)
  endif()
  # The lines of the verdict, one per check, from the guard's value.
  _torchcompat_verdict_reasons(reasons "${guard}")
  set(fails_json "${reasons_FAILS}")
  set(unverified_json "${reasons_UNVERIFIED}")
  set(cpu_only_json "${reasons_CPU_ONLY}")
  set(passed_json "${reasons_PASSES}")
  # The command's own problems (no interpreter, no torch), then the guard's.
  _cli_json_concat(problems_json "${v_PROBLEMS}" "${fails_json}")
  set(actions_json "${v_ACTIONS}")
  if(NOT actions_json)
    set(actions_json "[]")
  endif()
  # Fixes: the commands of the ways out of what failed or could not be
  # verified first (something to paste), then the ways that are words only (a
  # driver, another Python). The ways out of "CPU only" are not fixes: the
  # build works; they say how to use the GPU.
  set(commands "[]")
  set(words "[]")
  set(gpu_json "[]")
  _torchcompat_verdict_indices(index_list "${actions_json}")
  foreach(index IN LISTS index_list)
    _torchcompat_json_get(command "${actions_json}" ${index} command)
    string(JSON text GET "${actions_json}" ${index} text)
    string(JSON kind GET "${actions_json}" ${index} kind)
    _torchcompat_json_get(addresses "${actions_json}" ${index} addresses)
    if(addresses STREQUAL "cpu-only")
      if(kind STREQUAL "driver")
        _torchcompat_verdict_push_text(gpu_json "${text}")
      endif()
    elseif(v_VERDICT STREQUAL "problem" OR v_VERDICT STREQUAL "unverified")
      _torchcompat_json_get(offered "${actions_json}" ${index} offered)
      if(offered STREQUAL "OFF")
        continue()
      endif()
      if(command)
        _torchcompat_verdict_push_text(commands "${command}")
      else()
        # Why the way out has no command here (conda's torch, no wheel), after its words.
        _torchcompat_json_get(note "${actions_json}" ${index} note)
        if(note)
          string(APPEND text ": ${note}")
        endif()
        _torchcompat_verdict_push_text(words "${text}")
      endif()
    endif()
  endforeach()
  _cli_json_concat(fixes_json "${v_FIXES}" "${commands}" "${words}")
  _torchcompat_json_get(guard_notes "${guard}" notes)
  _cli_json_concat(notes_json "${guard_notes}" "${v_NOTES}")
  _torchcompat_json_get(checked "${guard}" checked_against)

  if(cli_FORMAT STREQUAL "json")
    _cli_json_string(verdict_json "${v_VERDICT}")
    _cli_json_string(checked_json "${checked}")
    if(NOT python_json)
      set(python_json null)
    endif()
    # cmake-format: off
    _cli_json_object(doc
      schema_version 1
      command "\"check\""
      verdict "${verdict_json}"
      subject "${subject}"
      python "${python_json}"
      problems "${problems_json}"
      unverified "${unverified_json}"
      cpu_only "${cpu_only_json}"
      to_use_the_gpu "${gpu_json}"
      fixes "${fixes_json}"
      passed "${passed_json}"
      actions "${actions_json}"
      notes "${notes_json}"
      checked_against "${checked_json}"
      other_pythons "${others_json}"
      guard "${guard}")
    # cmake-format: on
    _cli_json_compact(doc "${doc}")
    _cli_print("${doc}")
  else()
    foreach(pair IN ITEMS "notes_json|note" "problems_json|problem" "unverified_json|not verified"
                          "cpu_only_json|cpu only" "fixes_json|fix" "gpu_json|to use the GPU")
      string(REPLACE "|" ";" pair "${pair}")
      list(GET pair 0 array)
      list(GET pair 1 label)
      _torchcompat_verdict_indices(index_list "${${array}}")
      foreach(index IN LISTS index_list)
        string(JSON item GET "${${array}}" ${index})
        _cli_print("${label}: " "${item}")
      endforeach()
    endforeach()
    if(v_VERDICT STREQUAL "works")
      _cli_print("works: every check passed")
    elseif(v_VERDICT STREQUAL "cpu-only")
      _cli_print("works on the CPU only: the build runs, but not on a GPU here (--require-gpu "
                 "makes that a problem)")
    elseif(v_VERDICT STREQUAL "unverified")
      _cli_print("unverified: no problem found, but not everything could be checked")
    endif()
    if(checked)
      _cli_print("checked against: " "${checked}")
    endif()
    # What was checked and passed, after the answer: the lines a person acts
    # on come first.
    _torchcompat_verdict_indices(index_list "${passed_json}")
    foreach(index IN LISTS index_list)
      string(JSON item GET "${passed_json}" ${index})
      _cli_print("passed: " "${item}")
    endforeach()
  endif()
  set(_cli_out "${_cli_out}" PARENT_SCOPE)
  if(v_VERDICT STREQUAL "works" OR v_VERDICT STREQUAL "cpu-only")
    set(_cli_status 0 PARENT_SCOPE)
  else()
    set(_cli_status 1 PARENT_SCOPE)
  endif()
endfunction()

# JSON for one package: {"version": ..., "release": ..., "variant": ..., "note": ...}
function(_cli_package_json out_var package version)
  if(NOT version)
    set(${out_var} null PARENT_SCOPE)
    return()
  endif()
  _cli_version(parsed ${package} "${version}")
  _cli_json_string(version_json "${version}")
  _cli_json_string(release_json "${parsed_RELEASE}")
  _cli_json_string(variant_json "${parsed_VARIANT}")
  _cli_json_string(note_json "${parsed_NOTE}")
  _cli_json_object(
    doc
    version
    "${version_json}"
    release
    "${release_json}"
    variant
    "${variant_json}"
    note
    "${note_json}")
  set(${out_var} "${doc}" PARENT_SCOPE)
endfunction()

# torchcompat check TORCH [TORCHVISION [TORCHAUDIO]]
function(_cli_check_given)
  list(LENGTH cli_POSITIONAL given)
  set(versions TORCH "" TORCHVISION "" TORCHAUDIO "")
  set(names torch torchvision torchaudio)
  set(guard_args "")
  set(subject_parts "")
  foreach(index RANGE 0 2)
    if(index LESS given)
      list(GET cli_POSITIONAL ${index} value)
      list(GET names ${index} package)
      if(index EQUAL 0 AND value STREQUAL "latest")
        # latest means what it means in url, pip and report: the newest
        # release whose builds for this platform the table knows.
        set(positional "${cli_POSITIONAL}")
        set(cli_POSITIONAL "")
        _cli_release(newest)
        set(cli_POSITIONAL "${positional}")
        set(value "${newest_RELEASE}")
      endif()
      _cli_version(parsed ${package} "${value}")
      if(NOT parsed_VALID)
        _cli_say("${package} '${value}' is not a version; write it like 2.4.0 or 2.4.0+cu121")
        set(_cli_status 2 PARENT_SCOPE)
        return()
      endif()
      string(TOUPPER "${package}" upper)
      list(APPEND guard_args ${upper} "${value}")
      _cli_package_json(json ${package} "${value}")
      list(APPEND subject_parts "${package}" "${json}")
    endif()
  endforeach()
  if(cli_OPTION_VARIANT)
    _cli_variant_known(known "${cli_OPTION_VARIANT}" "cpu, cu121 or rocm6.1")
    if(NOT known)
      set(_cli_status 2 PARENT_SCOPE)
      return()
    endif()
    list(APPEND guard_args VARIANT "${cli_OPTION_VARIANT}")
  endif()
  if(DEFINED cli_OPTION_PYTHON_VERSION)
    if(NOT cli_OPTION_PYTHON_VERSION MATCHES "^([0-9]+\\.[0-9]+)(\\.[0-9]+)?$")
      _cli_say("--python-version '${cli_OPTION_PYTHON_VERSION}' is not a Python version; write "
               "it like 3.11")
      set(_cli_status 2 PARENT_SCOPE)
      return()
    endif()
    list(APPEND guard_args PYTHON "${CMAKE_MATCH_1}")
  endif()
  set(no_interpreter "")
  if(cli_PYTHON AND NOT DEFINED cli_OPTION_PYTHON_VERSION)
    # The versions are checked for the interpreter asked: its Python too
    # (a release without wheels for it would not install there).
    _cli_python_answer(py)
    if(py_STATUS STREQUAL "found" AND py_VERSION)
      _torchcompat_major_minor("${py_VERSION}" python_minor)
      list(APPEND guard_args PYTHON "${python_minor}")
    else()
      set(no_interpreter "no Python interpreter to ask (${py_ASKED}): ${py_REASON}")
    endif()
  endif()
  if(no_interpreter)
    # As `check --python EXE` says it: the versions were asked for an
    # interpreter that is not there, so nothing is checked for it, and no
    # command is written for it (it would not run).
    set(v_VERDICT problem)
    set(v_GUARD "")
    set(v_ACTIONS "[]")
    set(v_NOTES "[]")
    set(v_PROBLEMS "[]")
    set(v_FIXES "[]")
    _torchcompat_verdict_push_text(v_PROBLEMS "${no_interpreter}")
    _torchcompat_verdict_push_text(v_FIXES "install Python 3, or name one with --python EXE")
  else()
    # With --python EXE the fixes are for that interpreter: "EXE -m pip ...".
    _cli_verdict(v ${guard_args} EXECUTABLE "${cli_PYTHON}")
  endif()
  _cli_json_object(subject ${subject_parts})
  _cli_render_verdict("${subject}" "" "[]")
  set(_cli_out "${_cli_out}" PARENT_SCOPE)
  set(_cli_status ${_cli_status} PARENT_SCOPE)
endfunction()

cmake_policy(POP)
