#[=======================================================================[.rst:
TorchCompatCliInstalled
-----------------------

Internal, for the ``torchcompat`` command: ``torchcompat check`` without
versions. Asks the interpreter what torch, torchvision and torchaudio it
has installed (and, for a torch whose version names no variant, what its
``torch/version.py`` records) and gives the verdict of
``TorchCompatCliCheck`` on them.
#]=======================================================================]

include_guard(GLOBAL)
# The module's own policies, also when included by a cmake -P script that set none.
cmake_policy(PUSH)
cmake_policy(VERSION 3.22...4.4)

include("${CMAKE_CURRENT_LIST_DIR}/../common/TorchCompatRegex.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatCliAnswers.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatCliCheck.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatCliOutput.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatCliPython.cmake")

# The variant of an installed torch whose version names none (Debian's
# 1.13.0a0+gitunknown): torch/version.py, which every torch build has, records
# the CUDA (cuda = '12.1', or cuda: Optional[str] = "12.8" in newer builds) or
# ROCm (hip = '6.1.x') it was built with, or None.
# Sets out_var to cpu, cuXY, rocmX.Y, or "" when it cannot be read; and
# out_var_NOTE to where that came from.
function(_cli_installed_variant out_var json)
  set(variant "")
  set(note "")
  _torchcompat_json_get(location "${json}" python locations torch)
  if(location)
    get_filename_component(site "${location}" DIRECTORY)
    set(file "${site}/torch/version.py")
    if(EXISTS "${file}")
      file(STRINGS "${file}" lines REGEX "^(cuda|hip)[^=]*=")
      set(cuda "")
      set(hip "")
      foreach(line IN LISTS lines)
        if(line MATCHES "^(cuda|hip)[^=]*= *['\"]([0-9]+)\\.([0-9]+)")
          set(${CMAKE_MATCH_1} "${CMAKE_MATCH_2}.${CMAKE_MATCH_3}")
        elseif(line MATCHES "^(cuda|hip)[^=]*= *None")
          set(${CMAKE_MATCH_1} none)
        endif()
      endforeach()
      if(cuda MATCHES "^[0-9]")
        _torchcompat_cuda_variant("${cuda}" variant)
      elseif(hip MATCHES "^[0-9]")
        set(variant "rocm${hip}")
      elseif(cuda STREQUAL "none" AND (hip STREQUAL "none" OR hip STREQUAL ""))
        set(variant cpu)
      endif()
      if(variant)
        set(note "the installed torch is a ${variant} build (from ${file})")
      endif()
    endif()
  endif()
  set(${out_var} "${variant}" PARENT_SCOPE)
  set(${out_var}_NOTE "${note}" PARENT_SCOPE)
endfunction()

# dpkg-query's answer to <args...>, or "" where there is no dpkg-query or it fails (not a Debian
# system, a path no package owns).
function(_cli_ask_dpkg out_var)
  find_program(_cli_dpkg_query dpkg-query)
  set(answer "")
  if(_cli_dpkg_query)
    execute_process(
      COMMAND "${_cli_dpkg_query}" ${ARGN}
      OUTPUT_VARIABLE answer
      RESULT_VARIABLE result
      ERROR_QUIET)
    if(NOT result EQUAL 0)
      set(answer "")
    endif()
  endif()
  set(${out_var} "${answer}" PARENT_SCOPE)
endfunction()

# The distribution package that installed a Python package's metadata
# (<location>, its dist-info or egg-info), as its package manager records it:
# dpkg for Debian and Ubuntu's /usr/lib/python3/dist-packages, conda's
# conda-meta records for a conda environment. Sets <prefix>_PACKAGE
# (python3-torch, pytorch), _FULL (1.13.1+dfsg-4; conda: version and build),
# _VERSION (the upstream release, 1.13.1) and _MANAGER (dpkg, conda), all ""
# for a package pip installed; for conda also _ENVIRONMENT (the environment's
# prefix) and _CHANNEL (the channel its record names, pytorch or conda-forge).
function(_cli_system_package prefix location)
  foreach(part IN ITEMS PACKAGE FULL VERSION MANAGER ENVIRONMENT CHANNEL)
    set(${prefix}_${part} "" PARENT_SCOPE)
  endforeach()
  # Two steps: a condition's ${CMAKE_MATCH_1} is expanded before its MATCHES runs.
  if(location MATCHES
     "^(.*)/lib/python[0-9.]+/site-packages/([A-Za-z0-9_]+)-[^/]*\\.(dist|egg)-info$")
    set(environment "${CMAKE_MATCH_1}")
    set(name "${CMAKE_MATCH_2}")
    if(IS_DIRECTORY "${environment}/conda-meta")
      _cli_conda_package(conda "${environment}" "${name}" "${location}")
      foreach(part IN ITEMS PACKAGE FULL VERSION MANAGER CHANNEL)
        set(${prefix}_${part} "${conda_${part}}" PARENT_SCOPE)
      endforeach()
      if(conda_MANAGER)
        set(${prefix}_ENVIRONMENT "${environment}" PARENT_SCOPE)
      endif()
      return()
    endif()
  endif()
  if(NOT location MATCHES "^/usr/lib/python3/dist-packages/")
    return()
  endif()
  _cli_ask_dpkg(owner -S "${location}")
  if(NOT owner MATCHES "^([a-z0-9.+-]+)(:[a-z0-9]+)?: ")
    return()
  endif()
  set(package "${CMAKE_MATCH_1}")
  _cli_system_package_version(found "${package}")
  if(found_VERSION)
    set(${prefix}_PACKAGE "${package}" PARENT_SCOPE)
    set(${prefix}_FULL "${found_FULL}" PARENT_SCOPE)
    set(${prefix}_VERSION "${found_VERSION}" PARENT_SCOPE)
    set(${prefix}_MANAGER dpkg PARENT_SCOPE)
  endif()
endfunction()

# The conda package of a conda environment (<conda_prefix>) that installed
# <name>'s metadata at <location>: the conda-meta record whose files list it
# (conda calls torch "pytorch"). Sets <prefix>_PACKAGE, _FULL ("2.4.0
# py3.11_cuda12.1_cudnn9.1.0_0"), _VERSION, _MANAGER (conda) and _CHANNEL (the
# channel's name from the record's "channel", https://conda.anaconda.org/pytorch/linux-64
# is pytorch; "" when it names none), or "" when pip installed it there.
function(_cli_conda_package prefix conda_prefix name location)
  foreach(part IN ITEMS PACKAGE FULL VERSION MANAGER CHANNEL)
    set(${prefix}_${part} "" PARENT_SCOPE)
  endforeach()
  set(names "${name}")
  if(name STREQUAL "torch")
    set(names pytorch torch)
  endif()
  file(RELATIVE_PATH relative "${conda_prefix}" "${location}")
  foreach(candidate IN LISTS names)
    file(GLOB records "${conda_prefix}/conda-meta/${candidate}-[0-9]*.json")
    foreach(record IN LISTS records)
      # The records are large (every file listed): read only what is needed.
      file(STRINGS "${record}" fields REGEX "^ *\"(name|version|build|channel)\": ")
      _torchcompat_regex_literal(pattern "${relative}")
      file(STRINGS "${record}" owned REGEX "\"${pattern}/" LIMIT_COUNT 1)
      set(record_name "")
      set(version "")
      set(build "")
      set(channel "")
      foreach(field IN LISTS fields)
        if(field MATCHES "^ *\"(name|version|build|channel)\": \"([^\"]*)\"")
          if(CMAKE_MATCH_1 STREQUAL "name")
            set(record_name "${CMAKE_MATCH_2}")
          else()
            set(${CMAKE_MATCH_1} "${CMAKE_MATCH_2}")
          endif()
        endif()
      endforeach()
      if(owned AND record_name STREQUAL candidate AND version MATCHES "^[0-9]+(\\.[0-9]+)*$")
        set(${prefix}_PACKAGE "${candidate}" PARENT_SCOPE)
        set(${prefix}_FULL "${version} ${build}" PARENT_SCOPE)
        set(${prefix}_VERSION "${version}" PARENT_SCOPE)
        set(${prefix}_MANAGER conda PARENT_SCOPE)
        # https://conda.anaconda.org/pytorch/linux-64, or a bare name: the channel's name.
        string(REGEX REPLACE "/(linux|osx|win|noarch)[^/]*/*$" "" channel "${channel}")
        string(REGEX REPLACE "^.*/" "" channel "${channel}")
        if(channel MATCHES "^[A-Za-z0-9_.-]+$")
          set(${prefix}_CHANNEL "${channel}" PARENT_SCOPE)
        endif()
        return()
      endif()
    endforeach()
  endforeach()
endfunction()

# The version dpkg records for an installed package: <prefix>_FULL
# (1:1.13.1+dfsg-4) and <prefix>_VERSION (its upstream release, 1.13.1:
# without epoch, Debian revision and repack suffix), "" when not installed.
function(_cli_system_package_version prefix package)
  set(${prefix}_FULL "" PARENT_SCOPE)
  set(${prefix}_VERSION "" PARENT_SCOPE)
  _cli_ask_dpkg(answer -W "-f=\${db:Status-Status} \${Version}" "${package}")
  if(NOT answer MATCHES "^installed ([^ ]+)$")
    return()
  endif()
  set(full "${CMAKE_MATCH_1}")
  string(REGEX REPLACE "^[0-9]+:" "" upstream "${full}")
  string(REGEX REPLACE "-[^-]*$" "" upstream "${upstream}")
  string(REGEX REPLACE "[+~].*$" "" upstream "${upstream}")
  if(upstream MATCHES "^[0-9]+(\\.[0-9]+)*$")
    set(${prefix}_FULL "${full}" PARENT_SCOPE)
    set(${prefix}_VERSION "${upstream}" PARENT_SCOPE)
  endif()
endfunction()

# torchcompat check (what the interpreter has installed)
function(_cli_check_installed)
  _cli_python_answer(py)
  _cli_other_pythons(others "${py_TORCH}" "${py_EXECUTABLE}")
  string(
    JSON
    python_json
    ERROR_VARIABLE
    error
    GET
    "${py_JSON}"
    python)
  if(error)
    set(python_json null)
  endif()
  _cli_json_compact(python_json "${python_json}")
  set(subject_parts "")
  foreach(package IN ITEMS torch torchvision torchaudio)
    string(TOUPPER "${package}" upper)
    _cli_package_json(json ${package} "${py_${upper}}")
    list(APPEND subject_parts ${package} "${json}")
  endforeach()
  _cli_json_object(subject ${subject_parts})

  set(asked "${py_ASKED}")
  if(py_EXECUTABLE)
    set(asked "${py_EXECUTABLE} (${py_ASKED}), Python ${py_VERSION}")
  endif()
  if(cli_FORMAT STREQUAL "text")
    set(installed "")
    foreach(package IN ITEMS torch torchvision torchaudio)
      string(TOUPPER "${package}" upper)
      if(py_${upper})
        list(APPEND installed "${package} ${py_${upper}}")
      endif()
    endforeach()
    if(NOT installed)
      set(installed "no torch packages")
    endif()
    list(JOIN installed ", " installed)
    _cli_print("Python: ${asked}: ${installed}")
  endif()

  # The command's own problems, fixes and notes (JSON arrays: a text may hold
  # a ';'); the guard's come in its verdict.
  set(v_PROBLEMS "[]")
  set(v_FIXES "[]")
  set(v_NOTES "[]")
  set(v_ACTIONS "[]")
  set(v_GUARD "")
  set(v_VERDICT problem)
  if(NOT py_STATUS STREQUAL "found")
    _torchcompat_verdict_push_text(v_PROBLEMS
                                   "no Python interpreter to ask (${py_ASKED}): ${py_REASON}")
    _torchcompat_verdict_push_text(v_FIXES "install Python 3, or name one with --python EXE")
  elseif(NOT py_TORCH AND NOT py_TORCHVISION AND NOT py_TORCHAUDIO)
    _torchcompat_verdict_push_text(v_PROBLEMS "torch is not installed for ${py_EXECUTABLE}")
    # The newest release with wheels for this Python on this platform whose
    # wheel runs here.
    _torchcompat_major_minor("${py_VERSION}" python_minor)
    _torchcompat_host_platform(platform os)
    _cli_newest_that_runs(newest "${python_minor}" "${platform}")
    if(newest_RELEASE)
      _cli_install_commands(install "${newest_RELEASE}" "${newest_INDEX}" "${py_EXECUTABLE}")
      _torchcompat_verdict_push_text(v_FIXES "${install_PIP}")
    endif()
    foreach(line IN LISTS others_LINES)
      _torchcompat_verdict_push_text(v_NOTES "${line}")
    endforeach()
  elseif(NOT py_TORCH)
    # A companion without torch: name the torch it needs.
    foreach(package IN ITEMS torchvision torchaudio)
      string(TOUPPER "${package}" upper)
      if(py_${upper})
        _cli_version(parsed ${package} "${py_${upper}}")
        _cli_torch_for(owners ${package} "${parsed_RELEASE}")
        if(owners)
          list(GET owners -1 owner)
          _torchcompat_verdict_push_text(
            v_PROBLEMS
            "${package} ${py_${upper}} is installed without torch, which it needs: torch ${owner}")
          _cli_pip_forms(install "${py_EXECUTABLE}" install "torch==${owner}" "")
          _torchcompat_verdict_push_text(v_FIXES "${install_PIP}")
        else()
          _torchcompat_verdict_push_text(
            v_PROBLEMS
            "${package} ${py_${upper}} is installed without torch, and it is not a ${package} release TorchCompat knows"
          )
        endif()
      endif()
    endforeach()
    foreach(line IN LISTS others_LINES)
      _torchcompat_verdict_push_text(v_NOTES "${line}")
    endforeach()
  else()
    _torchcompat_major_minor("${py_VERSION}" python_minor)
    # A distribution's packages are checked at the version its package
    # manager records: Debian's python3-torch 1.13.1 calls itself 1.13.0a0.
    set(system_notes "")
    set(conda "")
    foreach(package IN ITEMS torch torchvision torchaudio)
      string(TOUPPER "${package}" upper)
      set(checked_${upper} "${py_${upper}}")
      set(system_${upper} "")
      if(py_${upper})
        _torchcompat_json_get(location "${py_JSON}" python locations ${package})
        _cli_system_package(system "${location}")
        if(system_MANAGER STREQUAL "conda" AND package STREQUAL "torch")
          # conda's torch is switched and paired with conda, never pip over it.
          set(conda "${system_ENVIRONMENT}|${system_CHANNEL}")
        endif()
        if(system_VERSION)
          set(checked_${upper} "${system_VERSION}")
          set(system_${upper} "${system_PACKAGE}")
          list(
            APPEND
            system_notes
            "${package} ${py_${upper}} is ${system_PACKAGE} ${system_FULL} (${system_MANAGER}): checked as ${package} ${system_VERSION}"
          )
        endif()
      endif()
    endforeach()
    # A companion from pip on top of the system's torch, where the system's
    # own companion (hidden beneath it) is the one that pairs: the fix is to
    # uninstall the stray one, so the system's shows through again.
    set(strays "")
    _torchcompat_torch_record(record "${checked_TORCH}")
    foreach(package IN ITEMS torchvision torchaudio)
      string(TOUPPER "${package}" upper)
      if(system_TORCH AND py_${upper} AND NOT system_${upper})
        _cli_system_package_version(beneath "python3-${package}")
        _torchcompat_json_get(paired "${record}" ${package})
        if(beneath_VERSION AND beneath_VERSION STREQUAL paired)
          list(APPEND strays "${package}=python3-${package} ${beneath_FULL}")
        endif()
      endif()
    endforeach()
    set(guard_args TORCH "${checked_TORCH}")
    foreach(package IN ITEMS TORCHVISION TORCHAUDIO)
      if(py_${package})
        list(APPEND guard_args ${package} "${checked_${package}}")
      endif()
    endforeach()
    if(py_VERSION)
      list(APPEND guard_args PYTHON "${python_minor}")
    endif()
    _cli_version(torch torch "${py_TORCH}")
    set(build_note "")
    if(NOT torch_VARIANT)
      _cli_installed_variant(build "${py_JSON}")
      if(build)
        list(APPEND guard_args VARIANT "${build}")
        set(build_note "${build_NOTE}")
      endif()
    endif()
    _cli_verdict(
      v
      ${guard_args}
      EXECUTABLE
      "${py_EXECUTABLE}"
      INSTALLED
      "${py_TORCH}"
      STRAYS
      "${strays}"
      CONDA
      "${conda}")
    set(v_PROBLEMS "[]")
    set(v_FIXES "[]")
    foreach(note IN LISTS system_notes build_note)
      if(note)
        _torchcompat_verdict_push_text(v_NOTES "${note}")
      endif()
    endforeach()
  endif()
  _cli_render_verdict("${subject}" "${python_json}" "${others_JSON}")
  set(_cli_out "${_cli_out}" PARENT_SCOPE)
  set(_cli_status ${_cli_status} PARENT_SCOPE)
endfunction()

cmake_policy(POP)
