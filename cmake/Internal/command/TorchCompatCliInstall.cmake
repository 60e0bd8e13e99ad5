#[=======================================================================[.rst:
TorchCompatCliInstall
---------------------

Internal, for the ``torchcompat`` command: what to install.
``torchcompat pip [TORCH]`` (the pip and uv commands of the wheel that runs
here) and ``torchcompat url TORCH`` (the official libtorch archive that
runs here, from ``torchcompat_select_libtorch``), each with why.
#]=======================================================================]

include_guard(GLOBAL)
# The module's own policies, also when included by a cmake -P script that set none.
cmake_policy(PUSH)
cmake_policy(VERSION 3.22...4.4)

include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatCliAnswers.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatCliOutput.cmake")

# The variant a command was asked for: the local part of TORCH or --variant
# (they must agree), "" for "the one that runs here". Sets <out> and
# <out>_STATUS (2 for a usage error, said on stderr; else "").
function(_cli_asked_variant out release_given release_variant choices)
  set(${out}_STATUS "" PARENT_SCOPE)
  set(variant "${cli_OPTION_VARIANT}")
  if(release_variant AND variant AND NOT variant STREQUAL release_variant)
    _cli_say("torch ${release_given} names variant ${release_variant}, but --variant is "
             "${variant}; give one or make them agree")
    set(${out}_STATUS 2 PARENT_SCOPE)
    return()
  endif()
  if(release_variant)
    set(variant "${release_variant}")
  endif()
  if(variant AND NOT variant STREQUAL "auto")
    _cli_variant_known(known "${variant}" "${choices}")
    if(NOT known)
      set(${out}_STATUS 2 PARENT_SCOPE)
      return()
    endif()
  endif()
  if(variant STREQUAL "auto")
    set(variant "")
  endif()
  set(${out} "${variant}" PARENT_SCOPE)
endfunction()

# torchcompat pip [TORCH] [--variant V]: the install command of the wheel that
# runs here (or of the one asked for, with whether it runs here). A release
# whose variants the table does not know, but whose PyPI wheel it does, gets
# PyPI's command.
function(_cli_pip)
  _cli_release(release)
  if(release_STATUS)
    set(_cli_status ${release_STATUS} PARENT_SCOPE)
    return()
  endif()
  _cli_asked_variant(asked "${release_GIVEN}" "${release_VARIANT}" "auto, cpu, cu121 or rocm6.1")
  if(asked_STATUS)
    set(_cli_status ${asked_STATUS} PARENT_SCOPE)
    return()
  endif()
  _cli_machine_known(known)
  if(NOT known)
    set(_cli_status 1 PARENT_SCOPE)
    return()
  endif()
  set(release "${release_RELEASE}")
  _torchcompat_host_platform(platform os)
  _torchcompat_machine(machine)
  _cli_policy(policy)
  set(notes "[]")
  set(cpu_only "[]")
  set(index_variant "")
  set(rejections "")
  if(asked)
    set(variant "${asked}")
    set(index_variant "${asked}")
    set(reason "${asked}, as asked")
  else()
    _cli_wheel_for_here(wheel "${release}")
    set(variant "${wheel_VARIANT}")
    set(index_variant "${wheel_INDEX}")
    set(reason "${wheel_REASON}")
    set(rejections "${wheel_REJECTIONS}")
    if(wheel_NOTE)
      _torchcompat_verdict_push_text(notes "${wheel_NOTE}")
    endif()
  endif()
  set(answer "does-not-run")
  set(problems "")
  if(variant)
    _torchcompat_variant_published(published "${release}" "${variant}" "${platform}")
    _torchcompat_evaluate_variant(
      evaluation
      VERSION "${release}"
      VARIANT "${variant}"
      POLICY "${policy}"
      PLATFORM "${platform}"
      MACHINE machine)
    if(published_STATUS STREQUAL "no")
      set(problems "${published_TEXT}")
    elseif(evaluation_VERDICT STREQUAL "pass")
      set(answer runs)
    elseif(evaluation_VERDICT STREQUAL "cpu-only")
      set(answer cpu-only)
      _torchcompat_verdict_push_text(
        cpu_only "${variant} would run on the CPU only here: ${evaluation_CPU_ONLY}")
    elseif(evaluation_VERDICT STREQUAL "unknown" OR published_STATUS STREQUAL "unknown")
      set(answer unverified)
      set(problems ${evaluation_UNKNOWNS} "${published_TEXT}")
    else()
      set(problems ${evaluation_PROBLEMS})
    endif()
  else()
    set(problems "torch ${release} has no wheel for ${platform} that runs here")
  endif()
  set(install_PIP "")
  set(install_UV "")
  if(answer STREQUAL "runs" OR answer STREQUAL "cpu-only")
    _cli_install_commands(install "${release}" "${index_variant}" "${cli_PYTHON}")
  endif()
  set(status 1)
  if(answer STREQUAL "runs" OR (answer STREQUAL "cpu-only" AND NOT cli_REQUIRE_GPU))
    set(status 0)
  elseif(answer STREQUAL "cpu-only")
    _cli_say("torch ${release} (${variant}) would run on the CPU only here, and --require-gpu "
             "asks for the GPU")
  endif()
  set(problems_json "[]")
  foreach(problem IN LISTS problems)
    if(problem)
      _torchcompat_verdict_push_text(problems_json "${problem}")
    endif()
  endforeach()
  if(cli_FORMAT STREQUAL "json")
    _cli_json_string(torch_json "${release}")
    _cli_json_string(variant_json "${variant}")
    _cli_json_string(pip_json "${install_PIP}")
    _cli_json_string(uv_json "${install_UV}")
    _cli_json_string(reason_json "${reason}")
    _cli_json_string(platform_json "${platform}")
    _cli_json_string(answer_json "${answer}")
    _cli_json_strings(rejected_json ${rejections})
    set(index_json "\"pypi\"")
    if(index_variant)
      _torchcompat_wheel_index_url(index_url "${index_variant}")
      _cli_json_string(index_json "${index_url}")
    endif()
    # cmake-format: off
    _cli_json_object(doc
      schema_version 1
      command "\"pip\""
      torch "${torch_json}"
      platform "${platform_json}"
      variant "${variant_json}"
      index "${index_json}"
      answer "${answer_json}"
      pip "${pip_json}"
      uv "${uv_json}"
      reason "${reason_json}"
      problems "${problems_json}"
      notes "${notes}"
      cpu_only "${cpu_only}"
      rejected "${rejected_json}")
    # cmake-format: on
    _cli_json_compact(doc "${doc}")
    _cli_print("${doc}")
  else()
    if(install_PIP)
      _cli_print("${install_PIP}")
      _cli_print("${install_UV}")
      _cli_print("why: " "${reason}")
    endif()
    foreach(array IN ITEMS notes cpu_only problems_json)
      _torchcompat_verdict_indices(index_list "${${array}}")
      foreach(index IN LISTS index_list)
        string(JSON line GET "${${array}}" ${index})
        if(array STREQUAL "notes")
          _cli_print("note: " "${line}")
        elseif(array STREQUAL "cpu_only")
          _cli_print("cpu only: " "${line}")
        else()
          _cli_say("torch ${release} (${variant}): ${line}")
        endif()
      endforeach()
    endforeach()
  endif()
  set(_cli_out "${_cli_out}" PARENT_SCOPE)
  set(_cli_status ${status} PARENT_SCOPE)
endfunction()

# torchcompat url TORCH
function(_cli_url)
  _cli_release(release)
  if(release_STATUS)
    set(_cli_status ${release_STATUS} PARENT_SCOPE)
    return()
  endif()
  _cli_asked_variant(variant "${release_GIVEN}" "${release_VARIANT}" "auto, cpu, cu121 or rocm6.1")
  if(variant_STATUS)
    set(_cli_status ${variant_STATUS} PARENT_SCOPE)
    return()
  endif()
  if(NOT variant)
    _cli_machine_known(known)
    if(NOT known)
      set(_cli_status 1 PARENT_SCOPE)
      return()
    endif()
  endif()
  set(version "${release_RELEASE}")
  if(NOT cli_POSITIONAL OR cli_POSITIONAL STREQUAL "latest")
    set(version latest)
  endif()
  set(select_args VERSION "${version}")
  foreach(option IN ITEMS PLATFORM ARCH ABI CONFIG SOURCE)
    if(cli_OPTION_${option})
      list(APPEND select_args ${option} "${cli_OPTION_${option}}")
    endif()
  endforeach()
  _cli_append_given(select_args VARIANT "${variant}" DRIVER_POLICY "${cli_POLICY}")
  torchcompat_select_libtorch(
    ${select_args}
    URL_VARIABLE url
    VARIANT_VARIABLE chosen
    REASON_VARIABLE
      reason
      RESULT_VARIABLE
      ok
      MESSAGE_VARIABLE
      text
      VERDICT_VARIABLE
      selection
      SOURCE_VARIABLE
      source)
  # Its warnings (a cpu fallback, why nothing runs), whole, from the
  # selector's verdict; its notice is the same warning's short form.
  set(warnings "[]")
  foreach(field IN ITEMS warning failure)
    _torchcompat_json_get(value "${selection}" ${field})
    if(value)
      _torchcompat_verdict_push_text(warnings "${value}")
    endif()
  endforeach()
  # The selector's ways out, as actions (each with the command that takes it).
  _torchcompat_json_get(ways_json "${selection}" ways_out)
  if(NOT ways_json)
    set(ways_json "[]")
  endif()
  if(cli_FORMAT STREQUAL "json")
    _cli_json_string(url_json "${url}")
    _cli_json_string(variant_json "${chosen}")
    _cli_json_string(reason_json "${reason}")
    _cli_json_string(source_json "${source}")
    set(warnings_json "${warnings}")
    if(ok)
      set(ok_json true)
    else()
      set(ok_json false)
    endif()
    _cli_json_object(
      doc
      schema_version
      1
      command
      "\"url\""
      ok
      "${ok_json}"
      url
      "${url_json}"
      variant
      "${variant_json}"
      reason
      "${reason_json}"
      source
      "${source_json}"
      warnings
      "${warnings_json}"
      ways_out
      "${ways_json}")
    _cli_json_compact(doc "${doc}")
    _cli_print("${doc}")
  else()
    # On stderr, one line each, as every diagnostic is.
    _torchcompat_verdict_indices(index_list "${warnings}")
    foreach(index IN LISTS index_list)
      string(JSON warning GET "${warnings}" ${index})
      string(REGEX REPLACE "^TorchCompat: " "" warning "${warning}")
      string(REGEX REPLACE "\n *" "\ntorchcompat: " warning "${warning}")
      _cli_say("${warning}")
    endforeach()
    if(ok)
      _cli_print("${url}")
      _cli_print("why: ${reason}")
      _cli_print("from: ${source}")
    endif()
  endif()
  set(_cli_out "${_cli_out}" PARENT_SCOPE)
  if(ok)
    set(_cli_status 0 PARENT_SCOPE)
  else()
    set(_cli_status 1 PARENT_SCOPE)
  endif()
endfunction()

cmake_policy(POP)
