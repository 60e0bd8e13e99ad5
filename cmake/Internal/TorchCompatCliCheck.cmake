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

# The verdict on a set of versions: runs the guard and works out the fixes.
# Inputs: TORCH, TORCHVISION, TORCHAUDIO (given or installed), PYTHON (X.Y or
# ""), VARIANT. Sets <out>_VERDICT (works, problem, unverified), _PROBLEMS,
# _FIXES, _NOTES, _SUBJECT.
function(_cli_verdict out)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "TORCH;TORCHVISION;TORCHAUDIO;PYTHON;VARIANT" "")
  set(problems "")
  set(fixes "")
  set(notes "")
  _cli_version(torch torch "${arg_TORCH}")
  if(torch_NOTE)
    list(APPEND notes "${torch_NOTE}")
  endif()
  set(guard_args TORCH "${arg_TORCH}")
  foreach(package IN ITEMS torchvision torchaudio)
    string(TOUPPER "${package}" upper)
    if(arg_${upper})
      _cli_version(${package} ${package} "${arg_${upper}}")
      if(${package}_NOTE)
        list(APPEND notes "${${package}_NOTE}")
      endif()
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
  torchcompat_require(${guard_args} RESULT_VARIABLE ok MESSAGE_VARIABLE text)
  _cli_split_guard_text(guard "${text}")
  list(APPEND problems ${guard_PROBLEMS})
  list(APPEND notes ${guard_NOTES})
  set(unknowns ${guard_UNKNOWNS})

  # The fixes: the exact install command for each kind of problem found.
  _torchcompat_torch_record(record "${torch_RELEASE}")
  set(index "")
  if(torch_VARIANT)
    _torchcompat_wheel_index_url(index_url "${torch_VARIANT}")
    set(index " --index-url ${index_url}")
  endif()
  if(problems AND record)
    foreach(package IN ITEMS torchvision torchaudio)
      string(TOUPPER "${package}" upper)
      _torchcompat_json_get(paired "${record}" ${package})
      if(arg_${upper} AND paired AND NOT paired STREQUAL ${package}_RELEASE)
        foreach(problem IN LISTS problems)
          if(problem MATCHES "^${package} ")
            list(APPEND fixes "pip install ${package}==${paired}${index}")
            break()
          endif()
        endforeach()
      endif()
    endforeach()
    if(arg_PYTHON)
      _torchcompat_json_list(pythons "${record}" python)
      if(pythons AND NOT arg_PYTHON IN_LIST pythons)
        _cli_torch_for_python(newest "${arg_PYTHON}")
        list(JOIN pythons ", " python_text)
        if(newest)
          _cli_install_commands(install "${newest}" "")
          list(APPEND fixes "${install_PIP}  (torch ${newest} is the newest with Python "
               "${arg_PYTHON} wheels; or use Python ${python_text})")
        endif()
      endif()
    endif()
    # Driver, GPU or variant (a problem that is not about a companion or the
    # Python version): the build of this release that runs here.
    set(machine_problem FALSE)
    foreach(problem IN LISTS problems)
      if(NOT problem MATCHES "^(torchvision|torchaudio) "
         AND NOT problem MATCHES "^torch [^ ]+ has no wheels for Python")
        set(machine_problem TRUE)
      endif()
    endforeach()
    set(variant_fix FALSE)
    foreach(way IN LISTS guard_WAYS)
      if(machine_problem AND way MATCHES "^use VARIANT ([^ ]+) ")
        _cli_install_commands(install "${torch_RELEASE}" "${CMAKE_MATCH_1}")
        list(APPEND fixes "${install_PIP}")
        set(variant_fix TRUE)
        break()
      endif()
    endforeach()
    if(machine_problem AND NOT variant_fix)
      foreach(way IN LISTS guard_WAYS)
        if(way MATCHES "^upgrade the NVIDIA driver")
          list(APPEND fixes "${way}")
        endif()
      endforeach()
    endif()
  endif()
  if(problems AND NOT fixes)
    list(APPEND fixes ${guard_WAYS})
  endif()
  if(problems)
    set(verdict problem)
  elseif(unknowns OR NOT ok)
    set(verdict unverified)
  else()
    set(verdict works)
  endif()
  set(${out}_UNVERIFIED "${unknowns}" PARENT_SCOPE)
  set(${out}_CHECKED_AGAINST "${guard_CHECKED}" PARENT_SCOPE)
  set(${out}_VERDICT "${verdict}" PARENT_SCOPE)
  set(${out}_PROBLEMS "${problems}" PARENT_SCOPE)
  set(${out}_FIXES "${fixes}" PARENT_SCOPE)
  set(${out}_NOTES "${notes}" PARENT_SCOPE)
endfunction()

# Renders the verdict v_* of _cli_verdict, with the other interpreters that
# have torch (a JSON array), and sets the exit status: 0 only when it works.
function(_cli_render_verdict subject python_json others_json)
  if(cli_FORMAT STREQUAL "json")
    _cli_json_string(verdict_json "${v_VERDICT}")
    _cli_json_strings(problems_json ${v_PROBLEMS})
    _cli_json_strings(unverified_json ${v_UNVERIFIED})
    _cli_json_strings(fixes_json ${v_FIXES})
    _cli_json_strings(notes_json ${v_NOTES})
    _cli_json_string(checked_json "${v_CHECKED_AGAINST}")
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
      fixes "${fixes_json}"
      notes "${notes_json}"
      checked_against "${checked_json}"
      other_pythons "${others_json}")
    # cmake-format: on
    _cli_print("${doc}")
  else()
    foreach(note IN LISTS v_NOTES)
      _cli_print("note: ${note}")
    endforeach()
    foreach(problem IN LISTS v_PROBLEMS)
      _cli_print("problem: ${problem}")
    endforeach()
    foreach(unknown IN LISTS v_UNVERIFIED)
      _cli_print("not verified: ${unknown}")
    endforeach()
    foreach(fix IN LISTS v_FIXES)
      _cli_print("fix: ${fix}")
    endforeach()
    if(v_VERDICT STREQUAL "works")
      _cli_print("works: every check passed")
    elseif(v_VERDICT STREQUAL "unverified")
      _cli_print("unverified: no problem found, but not everything could be checked")
    endif()
    if(v_CHECKED_AGAINST)
      _cli_print("checked against: ${v_CHECKED_AGAINST}")
    endif()
  endif()
  set(_cli_out "${_cli_out}" PARENT_SCOPE)
  if(v_VERDICT STREQUAL "works")
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
  _cli_verdict(v ${guard_args})
  _cli_json_object(subject ${subject_parts})
  _cli_render_verdict("${subject}" "" "[]")
  set(_cli_out "${_cli_out}" PARENT_SCOPE)
  set(_cli_status ${_cli_status} PARENT_SCOPE)
endfunction()

cmake_policy(POP)
