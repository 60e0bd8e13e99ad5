# The exact official URL of a libtorch archive, rendered from data/libtorch-archives.json.
#
#   _torchcompat_libtorch_url(<out-var> VERSION <v> VARIANT <var> PLATFORM <p> ABI <a>
#                             CONFIG <c> DATA_DIR <dir> [ERROR_VARIABLE <e>])
#
# PLATFORM is one of linux-x86_64, linux-aarch64, windows-x86_64, macos-x86_64, macos-arm64;
# ABI is cxx11 or pre-cxx11 on Linux and none elsewhere; CONFIG is Release or Debug.
# When the archive is not in the table, <out-var> is set to "" and the message (which lists what
# does exist) goes to ERROR_VARIABLE, or stops configuration with FATAL_ERROR when none is given.
# Only a list the table marks complete says "not published"; a partial one (older releases, known
# from a few sources) says the archive is not known and cannot be verified, naming the sources.
# scripts/libtorch-url renders the same data; tests/urls holds both to the same official URLs.
include_guard(GLOBAL)
# The module's own policies, also when included by a cmake -P script that set none.
cmake_policy(PUSH)
cmake_policy(VERSION 3.22...4.4)

include("${CMAKE_CURRENT_LIST_DIR}/../common/TorchCompatJson.cmake")

function(_torchcompat_libtorch_url out_var)
  cmake_parse_arguments(PARSE_ARGV 1 arg ""
                        "VERSION;VARIANT;PLATFORM;ABI;CONFIG;DATA_DIR;ERROR_VARIABLE" "")
  if(arg_UNPARSED_ARGUMENTS)
    message(
      FATAL_ERROR
        "TorchCompat: _torchcompat_libtorch_url: unknown arguments: ${arg_UNPARSED_ARGUMENTS}")
  endif()
  foreach(required IN ITEMS VERSION VARIANT PLATFORM ABI CONFIG DATA_DIR)
    if(NOT DEFINED arg_${required} OR arg_${required} STREQUAL "")
      message(FATAL_ERROR "TorchCompat: _torchcompat_libtorch_url: ${required} is required")
    endif()
  endforeach()

  _torchcompat_libtorch_url_render(
    url
    error
    "${arg_DATA_DIR}/libtorch-archives.json"
    "${arg_VERSION}"
    "${arg_VARIANT}"
    "${arg_PLATFORM}"
    "${arg_ABI}"
    "${arg_CONFIG}")

  if(NOT error STREQUAL "" AND NOT arg_ERROR_VARIABLE)
    message(FATAL_ERROR "${error}")
  endif()
  if(arg_ERROR_VARIABLE)
    set(${arg_ERROR_VARIABLE} "${error}" PARENT_SCOPE)
  endif()
  set(${out_var} "${url}" PARENT_SCOPE)
endfunction()

# Joins the member names of a JSON object with ", " for "what exists" messages.
function(_torchcompat_libtorch_url_members out_var json)
  _torchcompat_json_keys(names "${json}")
  # string(JSON) hands members back in its own order; natural order reads well for versions
  # and matches what scripts/libtorch-url prints.
  list(SORT names COMPARE NATURAL)
  _torchcompat_libtorch_url_join(joined "${names}")
  set(${out_var} "${joined}" PARENT_SCOPE)
endfunction()

# Turns archive-kind keys ("cxx11/Release") into the words used in messages.
function(_torchcompat_libtorch_url_kind_words out_var kinds)
  set(words "")
  foreach(kind IN LISTS kinds)
    string(REPLACE "/" " " kind_words "${kind}")
    list(APPEND words "ABI ${kind_words}")
  endforeach()
  _torchcompat_libtorch_url_join(joined "${words}")
  set(${out_var} "${joined}" PARENT_SCOPE)
endfunction()

function(_torchcompat_libtorch_url_join out_var items)
  if(items STREQUAL "")
    set(${out_var} "(none)" PARENT_SCOPE)
  else()
    list(JOIN items ", " joined)
    set(${out_var} "${joined}" PARENT_SCOPE)
  endif()
endfunction()

# The message for an archive a partial list does not name: unknown, not absent.
function(_torchcompat_libtorch_url_not_known out_var table release what known)
  _torchcompat_json_list(source_ids "${release}" sources)
  set(where "")
  foreach(id IN LISTS source_ids)
    _torchcompat_json_get(url "${table}" sources "${id}" url)
    list(APPEND where "${id} (${url})")
  endforeach()
  _torchcompat_libtorch_url_join(where "${where}")
  _torchcompat_json_get(base "${table}" url_base)
  set(${out_var}
      "TorchCompat: ${what} is not known to TorchCompat, so whether it was published cannot be verified: the table's list for this release is partial (known: ${known}, from the sources ${where}). Look for it under ${base} or on pytorch.org's previous-versions page"
      PARENT_SCOPE)
endfunction()

# The "unknown release" message. A release the release table knows but the archive table
# does not has no sourced archive names; one newer than every release says the table
# predates it, with the day of the table's last check against PyPI.
function(_torchcompat_libtorch_url_unknown_release out_var file releases version)
  get_filename_component(dir "${file}" DIRECTORY)
  set(all_releases "")
  if(EXISTS "${dir}/torch-releases.json")
    file(READ "${dir}/torch-releases.json" torch_table)
    _torchcompat_json_get(all_releases "${torch_table}" releases)
  endif()
  if(all_releases STREQUAL "")
    set(all_releases "${releases}")
  endif()
  _torchcompat_json_get(release_record "${all_releases}" "${version}")
  _torchcompat_json_keys(versions "${all_releases}")
  list(SORT versions COMPARE NATURAL)
  list(GET versions -1 newest)
  _torchcompat_libtorch_url_members(known "${releases}")
  if(release_record)
    set(text
        "TorchCompat: the libtorch archives of torch ${version} are not known to TorchCompat (no source for their names was readable, see the known gaps in data/libtorch-archives.md), so no URL can be given. Releases with known archives: ${known}"
    )
  elseif(version VERSION_GREATER newest)
    set(checked "")
    if(EXISTS "${dir}/pypi-check.json")
      file(READ "${dir}/pypi-check.json" record)
      _torchcompat_json_get(checked "${record}" run date)
    endif()
    if(checked)
      set(checked ", and the tables were last checked against PyPI on ${checked}")
    endif()
    set(text
        "TorchCompat: torch ${version} is newer than the tables (newest release: ${newest}${checked}), so it is unknown to TorchCompat. Update TorchCompat or point TORCHCOMPAT_DATA_DIR at newer tables"
    )
  else()
    set(text
        "TorchCompat: torch ${version} is not in the libtorch table (unknown release). Known releases: ${known}"
    )
  endif()
  set(${out_var} "${text}" PARENT_SCOPE)
endfunction()

# Looks the archive up step by step so that each miss can say what the table does have.
function(
  _torchcompat_libtorch_url_render
  url_var
  error_var
  file
  version
  variant
  platform
  abi
  config)
  set(${url_var} "" PARENT_SCOPE)
  if(NOT EXISTS "${file}")
    set(${error_var} "TorchCompat: libtorch table not found: ${file}" PARENT_SCOPE)
    return()
  endif()
  file(READ "${file}" table)

  string(
    JSON
    releases
    ERROR_VARIABLE
    json_error
    GET
    "${table}"
    releases)
  if(json_error)
    set(${error_var} "TorchCompat: ${file} is not a libtorch table: ${json_error}" PARENT_SCOPE)
    return()
  endif()
  string(
    JSON
    release
    ERROR_VARIABLE
    missing
    GET
    "${releases}"
    "${version}")
  if(missing)
    _torchcompat_libtorch_url_unknown_release(text "${file}" "${releases}" "${version}")
    set(${error_var} "${text}" PARENT_SCOPE)
    return()
  endif()
  _torchcompat_json_get(release_complete "${release}" complete)

  string(JSON platforms GET "${release}" platforms)
  string(
    JSON
    record
    ERROR_VARIABLE
    missing
    GET
    "${platforms}"
    "${platform}")
  if(missing)
    _torchcompat_libtorch_url_members(known "${platforms}")
    if(release_complete)
      set(text
          "TorchCompat: no libtorch archive is recorded for torch ${version} on ${platform}. Platforms with archives for ${version}: ${known}"
      )
    else()
      _torchcompat_libtorch_url_not_known(
        text "${table}" "${release}" "a libtorch archive of torch ${version} for ${platform}"
        "${known}")
    endif()
    set(${error_var} "${text}" PARENT_SCOPE)
    return()
  endif()
  _torchcompat_json_get(list_complete "${record}" complete)

  set(kind "${abi}/${config}")
  _torchcompat_libtorch_url_kind_words(kind_words "${kind}")
  string(JSON archives GET "${record}" archives)
  string(
    JSON
    variants_json
    ERROR_VARIABLE
    missing
    GET
    "${archives}"
    "${kind}")
  if(missing)
    _torchcompat_libtorch_url_members(kinds "${archives}")
    string(REPLACE ", " ";" kinds "${kinds}")
    _torchcompat_libtorch_url_kind_words(recorded "${kinds}")
    if(list_complete)
      set(text
          "TorchCompat: torch ${version} on ${platform} has no ${kind_words} archive. Recorded: ${recorded}"
      )
    else()
      _torchcompat_libtorch_url_not_known(
        text "${table}" "${record}"
        "an archive for ${kind_words} of torch ${version} on ${platform}" "${recorded}")
    endif()
    set(${error_var} "${text}" PARENT_SCOPE)
    return()
  endif()
  _torchcompat_json_list(variants "${variants_json}")
  if(NOT variant IN_LIST variants)
    _torchcompat_libtorch_url_join(published "${variants}")
    if(list_complete)
      set(text
          "TorchCompat: variant ${variant} is not published for torch ${version} on ${platform} (${kind_words}). Published variants: ${published}"
      )
    else()
      _torchcompat_libtorch_url_not_known(
        text "${table}" "${record}"
        "variant ${variant} of torch ${version} on ${platform} (${kind_words})" "${published}")
    endif()
    set(${error_var} "${text}" PARENT_SCOPE)
    return()
  endif()

  string(JSON era_id GET "${record}" era)
  string(JSON era GET "${table}" eras "${era_id}")
  string(JSON local_template GET "${era}" local)
  string(JSON directory_template GET "${era}" directory)
  string(JSON file_template GET "${era}" files "${kind}")
  string(JSON url_base GET "${table}" url_base)

  set(unsuffixed "")
  string(
    JSON
    unsuffixed_json
    ERROR_VARIABLE
    no_unsuffixed
    GET
    "${record}"
    unsuffixed)
  if(NOT no_unsuffixed)
    _torchcompat_json_list(unsuffixed "${unsuffixed_json}")
  endif()
  if(variant IN_LIST unsuffixed)
    set(local "")
  else()
    string(REPLACE "{variant}" "${variant}" local "${local_template}")
  endif()

  string(REPLACE "{version}" "${version}" filename "${file_template}")
  string(REPLACE "{local}" "${local}" filename "${filename}")
  string(REPLACE "{variant}" "${variant}" directory "${directory_template}")
  set(${url_var} "${url_base}${directory}/${filename}" PARENT_SCOPE)
  set(${error_var} "" PARENT_SCOPE)
endfunction()

cmake_policy(POP)
