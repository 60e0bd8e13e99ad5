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

# torchcompat pip [TORCH]
function(_cli_pip)
  _cli_release(release)
  if(release_STATUS)
    set(_cli_status ${release_STATUS} PARENT_SCOPE)
    return()
  endif()
  _cli_machine_known(known)
  if(NOT known)
    set(_cli_status 1 PARENT_SCOPE)
    return()
  endif()
  _cli_wheel_for_here(wheel "${release_RELEASE}")
  set(platform "${wheel_PLATFORM}")
  set(status 0)
  if(wheel_VARIANT)
    _cli_install_commands(install "${release_RELEASE}" "${wheel_VARIANT}")
  else()
    set(status 1)
    set(wheel_REASON "torch ${release_RELEASE} has no wheel for ${platform} that runs here")
    set(install_PIP "")
    set(install_UV "")
  endif()
  if(cli_FORMAT STREQUAL "json")
    _cli_json_string(torch_json "${release_RELEASE}")
    _cli_json_string(variant_json "${wheel_VARIANT}")
    _cli_json_string(pip_json "${install_PIP}")
    _cli_json_string(uv_json "${install_UV}")
    _cli_json_string(reason_json "${wheel_REASON}")
    _cli_json_string(platform_json "${platform}")
    _cli_json_strings(rejected_json ${wheel_REJECTIONS})
    _cli_json_object(
      doc
      schema_version
      1
      command
      "\"pip\""
      torch
      "${torch_json}"
      platform
      "${platform_json}"
      variant
      "${variant_json}"
      pip
      "${pip_json}"
      uv
      "${uv_json}"
      reason
      "${reason_json}"
      rejected
      "${rejected_json}")
    _cli_print("${doc}")
  elseif(wheel_VARIANT)
    _cli_print("${install_PIP}")
    _cli_print("${install_UV}")
    _cli_print("why: ${wheel_REASON}")
  else()
    _cli_say("${wheel_REASON}")
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
  set(variant "${cli_OPTION_VARIANT}")
  if(release_VARIANT AND variant AND NOT variant STREQUAL release_VARIANT)
    _cli_say("torch ${release_GIVEN} names variant ${release_VARIANT}, but --variant is "
             "${variant}; give one or make them agree")
    set(_cli_status 2 PARENT_SCOPE)
    return()
  endif()
  if(release_VARIANT)
    set(variant "${release_VARIANT}")
  endif()
  if(variant AND NOT variant STREQUAL "auto")
    _cli_variant_known(known "${variant}" "auto, cpu, cu121 or rocm6.1")
    if(NOT known)
      set(_cli_status 2 PARENT_SCOPE)
      return()
    endif()
  endif()
  if(NOT variant OR variant STREQUAL "auto")
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
  foreach(option IN ITEMS PLATFORM ARCH ABI CONFIG)
    if(cli_OPTION_${option})
      list(APPEND select_args ${option} "${cli_OPTION_${option}}")
    endif()
  endforeach()
  _cli_append_given(select_args VARIANT "${variant}" DRIVER_POLICY "${cli_POLICY}")
  torchcompat_select_libtorch(
    ${select_args}
    URL_VARIABLE url
    VARIANT_VARIABLE chosen
    REASON_VARIABLE reason RESULT_VARIABLE ok MESSAGE_VARIABLE text)
  # Warnings in the selector's text (a cpu fallback) go to stderr, one per line.
  set(warnings "")
  string(REPLACE ";" "," text "${text}")
  string(REPLACE "\n" ";" lines "${text}")
  foreach(line IN LISTS lines)
    if(NOT line MATCHES "^TorchCompat: libtorch " AND NOT line STREQUAL "")
      string(STRIP "${line}" line)
      list(APPEND warnings "${line}")
    endif()
  endforeach()
  if(cli_FORMAT STREQUAL "json")
    _cli_json_string(url_json "${url}")
    _cli_json_string(variant_json "${chosen}")
    _cli_json_string(reason_json "${reason}")
    _cli_json_strings(warnings_json ${warnings})
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
      warnings
      "${warnings_json}")
    _cli_print("${doc}")
  else()
    foreach(line IN LISTS warnings)
      string(REGEX REPLACE "^TorchCompat: " "" line "${line}")
      _cli_say("${line}")
    endforeach()
    if(ok)
      _cli_print("${url}")
      _cli_print("why: ${reason}")
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
