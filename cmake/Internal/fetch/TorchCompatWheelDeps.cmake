#[=======================================================================[.rst:
TorchCompatWheelDeps
--------------------

Internal: which wheels a torch wheel needs beside it for its CUDA libraries
(``nvidia-*``, through NVIDIA's ``cuda-toolkit[...]`` metapackage from 2.11
on), and the file of each for the target platform, with the SHA-256 the index
publishes.

.. command:: _torchcompat_index_pick

  ::

    _torchcompat_index_pick(<prefix> <project> <spec> <platform> <glibc-limit>
                            <work-dir> <allow-http>)

  The newest release of ``<project>`` on the index that satisfies ``<spec>``
  and has a wheel for ``<platform>`` (of those, the highest glibc floor not
  above ``<glibc-limit>``). Sets ``<prefix>_FILE``, ``_URL``, ``_SHA256``, or
  ``<prefix>_ERROR``, which names what the index has instead.

.. command:: _torchcompat_index_pick_torch

  ::

    _torchcompat_index_pick_torch(<prefix> <release> <platform> <work-dir> <allow-http>)

  The torch wheel of ``<release>`` for ``<platform>``, chosen as
  ``data/torch-wheels.md`` says (the newest CPython that is not free-threaded,
  then the highest build tag, then the lowest glibc floor). Sets
  ``<prefix>_FILE``, ``_URL``, ``_SHA256``, ``_PYTHON_TAG``, ``_GLIBC`` or
  ``<prefix>_ERROR``.

.. command:: _torchcompat_wheel_dependencies

  ::

    _torchcompat_wheel_dependencies(<prefix> <requires-json> <metadata>
                                    <platform> <python-tag> <glibc>
                                    <work-dir> <allow-http>)

  From the table's ``requires`` (``<requires-json>``, its files and hashes
  where it records them) or, where that is ``null``, from the wheel's
  ``METADATA``, with the markers evaluated for ``<platform>``. Sets the
  parallel lists ``<prefix>_PROJECTS``, ``_FILES``, ``_URLS`` (where to
  download: a mirror's, with ``TORCHCOMPAT_PYPI_INDEX_URL``), ``_KEYS`` (the
  URL the lock file and pin store record: the table's for a file it names),
  ``_HASHES``, or ``<prefix>_ERROR``.
#]=======================================================================]

include_guard(GLOBAL)
# Functions keep the policies in force where they are defined: these, whatever the caller set.
cmake_policy(PUSH)
cmake_policy(VERSION 3.22...4.4)

include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatWheelIndex.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatWheelModel.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatWheelRequires.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatFetchTransfer.cmake")

# A wheel file name's parts (PEP 427): dist, version, build tag, python, abi and platform tags.
function(_torchcompat_wheel_name_parts prefix filename)
  set(${prefix}_OK FALSE PARENT_SCOPE)
  if(filename MATCHES "^([A-Za-z0-9_.]+)-([^-]+)(-([0-9][^-]*))?-([^-]+)-([^-]+)-([^-]+)\\.whl$")
    set(${prefix}_OK TRUE PARENT_SCOPE)
    _torchcompat_normalize_project(dist "${CMAKE_MATCH_1}")
    set(${prefix}_DIST "${dist}" PARENT_SCOPE)
    set(${prefix}_VERSION "${CMAKE_MATCH_2}" PARENT_SCOPE)
    set(${prefix}_BUILD "${CMAKE_MATCH_4}" PARENT_SCOPE)
    set(${prefix}_PYTHON "${CMAKE_MATCH_5}" PARENT_SCOPE)
    set(${prefix}_ABI "${CMAKE_MATCH_6}" PARENT_SCOPE)
  endif()
endfunction()

function(
  _torchcompat_index_pick
  prefix
  project
  spec
  platform
  limit
  work_dir
  allow_http)
  foreach(part IN ITEMS FILE URL SHA256 ERROR)
    set(${prefix}_${part} "" PARENT_SCOPE)
  endforeach()
  _torchcompat_index_files(index "${project}" "${work_dir}" "${allow_http}")
  if(NOT index_ERROR STREQUAL "")
    set(${prefix}_ERROR "${index_ERROR}" PARENT_SCOPE)
    return()
  endif()
  _torchcompat_normalize_project(project "${project}")
  set(best_version "")
  set(best_floor "")
  set(others "")
  foreach(
    name
    url
    hash
    IN
    ZIP_LISTS
    index_NAMES
    index_URLS
    index_HASHES)
    _torchcompat_wheel_name_parts(wheel "${name}")
    if(NOT wheel_OK OR NOT wheel_DIST STREQUAL project)
      continue()
    endif()
    # Releases only: a pre-release or local version is never what a == pin means.
    if(NOT wheel_VERSION MATCHES "^[0-9]+(\\.[0-9]+)*$")
      continue()
    endif()
    _torchcompat_spec_matches(matches "${wheel_VERSION}" "${spec}")
    if(NOT matches)
      continue()
    endif()
    _torchcompat_wheel_fits(floor "${name}" "${platform}" "${limit}")
    if(floor STREQUAL "")
      list(APPEND others "${name}")
      continue()
    endif()
    if(best_version STREQUAL "" OR wheel_VERSION VERSION_GREATER best_version
       OR (wheel_VERSION VERSION_EQUAL best_version AND floor VERSION_GREATER best_floor))
      set(best_version "${wheel_VERSION}")
      set(best_floor "${floor}")
      set(best "${name};${url};${hash}")
    endif()
  endforeach()
  if(best_version STREQUAL "")
    _torchcompat_pypi_index(base)
    _torchcompat_redact_credentials(base "${base}")
    set(text "${base}/${project}/ has no ${project}${spec} wheel for ${platform}")
    if(NOT limit STREQUAL "" AND platform MATCHES "^linux-")
      string(APPEND text " (glibc ${limit} or older)")
    endif()
    if(others)
      list(JOIN others ", " others)
      string(APPEND text "; it has ${others}")
    endif()
    set(${prefix}_ERROR "${text}" PARENT_SCOPE)
    return()
  endif()
  list(GET best 0 name)
  list(GET best 1 url)
  list(GET best 2 hash)
  set(${prefix}_FILE "${name}" PARENT_SCOPE)
  set(${prefix}_URL "${url}" PARENT_SCOPE)
  set(${prefix}_SHA256 "${hash}" PARENT_SCOPE)
endfunction()

function(_torchcompat_index_pick_torch prefix release platform work_dir allow_http)
  foreach(part IN ITEMS FILE URL SHA256 PYTHON_TAG GLIBC ERROR)
    set(${prefix}_${part} "" PARENT_SCOPE)
  endforeach()
  _torchcompat_index_files(index torch "${work_dir}" "${allow_http}")
  if(NOT index_ERROR STREQUAL "")
    set(${prefix}_ERROR "${index_ERROR}" PARENT_SCOPE)
    return()
  endif()
  set(best "")
  set(others "")
  foreach(
    name
    url
    hash
    IN
    ZIP_LISTS
    index_NAMES
    index_URLS
    index_HASHES)
    _torchcompat_wheel_name_parts(wheel "${name}")
    if(NOT wheel_OK OR NOT wheel_DIST STREQUAL "torch" OR NOT wheel_VERSION STREQUAL release)
      continue()
    endif()
    _torchcompat_wheel_fits(floor "${name}" "${platform}" "")
    if(floor STREQUAL "" OR NOT wheel_PYTHON MATCHES "^cp3([0-9]+)$")
      list(APPEND others "${name}")
      continue()
    endif()
    set(python "3.${CMAKE_MATCH_1}")
    # Free-threaded builds (cp313t) are left to the GIL ones, as the table does.
    if(NOT wheel_ABI STREQUAL wheel_PYTHON)
      continue()
    endif()
    set(build "${wheel_BUILD}")
    if(build STREQUAL "")
      set(build 0)
    endif()
    set(better FALSE)
    if(best STREQUAL "")
      set(better TRUE)
    elseif(python VERSION_GREATER best_python)
      set(better TRUE)
    elseif(python VERSION_EQUAL best_python)
      if(build VERSION_GREATER best_build)
        set(better TRUE)
      elseif(build VERSION_EQUAL best_build AND floor VERSION_LESS best_floor)
        set(better TRUE)
      endif()
    endif()
    if(better)
      set(best "${name};${url};${hash};${wheel_PYTHON}")
      set(best_python "${python}")
      set(best_build "${build}")
      set(best_floor "${floor}")
    endif()
  endforeach()
  if(best STREQUAL "")
    _torchcompat_pypi_index(base)
    _torchcompat_redact_credentials(base "${base}")
    set(text "${base}/torch/ has no torch ${release} wheel for ${platform}")
    if(others)
      list(JOIN others ", " others)
      string(APPEND text "; for ${release} it has ${others}")
    endif()
    set(${prefix}_ERROR "${text}" PARENT_SCOPE)
    return()
  endif()
  list(GET best 0 name)
  list(GET best 1 url)
  list(GET best 2 hash)
  list(GET best 3 python_tag)
  set(${prefix}_FILE "${name}" PARENT_SCOPE)
  set(${prefix}_URL "${url}" PARENT_SCOPE)
  set(${prefix}_SHA256 "${hash}" PARENT_SCOPE)
  set(${prefix}_PYTHON_TAG "${python_tag}" PARENT_SCOPE)
  if(platform MATCHES "^linux-")
    set(${prefix}_GLIBC "${best_floor}" PARENT_SCOPE)
  endif()
endfunction()

# The Requires-Dist lines of a METADATA text that bring CUDA libraries and whose marker holds on
# the target (with <extras> requested of the package).
function(_torchcompat_metadata_requires out out_error metadata env extras)
  set(${out_error} "" PARENT_SCOPE)
  # A requirement's marker follows a ";", which would split the list of lines.
  string(REPLACE ";" "<semicolon>" metadata "${metadata}")
  string(REGEX MATCHALL "(^|\n)Requires-Dist:[^\n]*" lines "${metadata}")
  set(found "")
  foreach(line IN LISTS lines)
    string(REPLACE "<semicolon>" ";" line "${line}")
    string(REGEX REPLACE "^\n?Requires-Dist:[ \t]*" "" requirement "${line}")
    string(STRIP "${requirement}" requirement)
    _torchcompat_requirement_parts(req "${requirement}")
    if(NOT req_PROBLEM STREQUAL "")
      continue()
    endif()
    if(NOT req_NAME MATCHES "^nvidia-" AND NOT req_NAME STREQUAL "cuda-toolkit")
      continue()
    endif()
    _torchcompat_marker_true(holds problem "${req_MARKER}" "${env}" "${extras}")
    if(NOT problem STREQUAL "")
      set(${out_error} "Requires-Dist \"${requirement}\": ${problem}" PARENT_SCOPE)
      return()
    endif()
    if(holds)
      string(REPLACE ";" "," extras_text "${req_EXTRAS}")
      list(APPEND found "${req_NAME}|${req_SPEC}|${extras_text}")
    endif()
  endforeach()
  set(${out} "${found}" PARENT_SCOPE)
endfunction()

# Fetches a small metapackage wheel (cuda-toolkit) to read which wheels its extras bring.
function(
  _torchcompat_metapackage_requires
  out
  out_error
  project
  spec
  extras
  platform
  limit
  env
  work_dir
  allow_http)
  set(${out} "" PARENT_SCOPE)
  _torchcompat_index_pick(
    meta
    "${project}"
    "${spec}"
    "${platform}"
    "${limit}"
    "${work_dir}"
    "${allow_http}")
  if(NOT meta_ERROR STREQUAL "")
    set(${out_error} "${meta_ERROR}" PARENT_SCOPE)
    return()
  endif()
  _torchcompat_temp_suffix(suffix)
  set(file "${work_dir}/${suffix}-meta.part")
  _torchcompat_download("${meta_URL}" "${file}" "${allow_http}" error final)
  if(error STREQUAL "")
    file(SHA256 "${file}" actual)
    if(NOT actual STREQUAL meta_SHA256)
      set(error "${meta_FILE} does not have the SHA-256 the index publishes (${meta_SHA256}, got "
                "${actual})")
      string(JOIN "" error ${error})
    endif()
  endif()
  set(found "")
  if(error STREQUAL "")
    _torchcompat_archive_list(names problem "${file}" tf)
    string(REGEX MATCH "(^|\n)([A-Za-z0-9_.]+-[^/\n]+\\.dist-info/METADATA)(\n|$)" ignored
                 "${names}")
    set(member "${CMAKE_MATCH_2}")
    set(metadata "")
    if(problem STREQUAL "" AND NOT member STREQUAL "")
      _torchcompat_wheel_member_text(metadata "${file}" "${member}" "${work_dir}")
    endif()
    if(metadata STREQUAL "")
      set(error "${meta_FILE} holds no METADATA")
    else()
      _torchcompat_metadata_requires(found error "${metadata}" "${env}" "${extras}")
    endif()
  endif()
  file(REMOVE "${file}")
  set(${out_error} "${error}" PARENT_SCOPE)
  set(${out} "${found}" PARENT_SCOPE)
endfunction()

# The table's requires entries as name|spec|extras, with a known file as |file|url|sha256.
function(_torchcompat_table_requires out json)
  set(found "")
  string(JSON count LENGTH "${json}")
  set(index 0)
  while(index LESS count)
    string(JSON entry GET "${json}" ${index})
    math(EXPR index "${index} + 1")
    _torchcompat_json_get(applies "${entry}" applies)
    if(applies STREQUAL "OFF" OR applies STREQUAL "false")
      continue()
    endif()
    _torchcompat_json_type(nested_type "${entry}" requires)
    if(nested_type STREQUAL "ARRAY")
      # A metapackage brings no library itself: the wheels its extras name do.
      string(JSON nested GET "${entry}" requires)
      _torchcompat_table_requires(inner "${nested}")
      list(APPEND found ${inner})
      continue()
    endif()
    _torchcompat_json_get(requirement "${entry}" requirement)
    _torchcompat_requirement_parts(req "${requirement}")
    set(item "${req_NAME}|${req_SPEC}|")
    _torchcompat_json_type(file_type "${entry}" file)
    if(file_type STREQUAL "OBJECT")
      foreach(field IN ITEMS filename url sha256)
        _torchcompat_json_get(value "${entry}" file ${field})
        string(APPEND item "|${value}")
      endforeach()
    endif()
    list(APPEND found "${item}")
  endwhile()
  set(${out} "${found}" PARENT_SCOPE)
endfunction()

function(
  _torchcompat_wheel_dependencies
  prefix
  requires_json
  metadata
  platform
  python_tag
  glibc
  work_dir
  allow_http)
  foreach(part IN ITEMS PROJECTS FILES URLS KEYS HASHES ERROR)
    set(${prefix}_${part} "" PARENT_SCOPE)
  endforeach()
  _torchcompat_marker_environment(env "${platform}" "${python_tag}")
  _torchcompat_knob_value(mirror TORCHCOMPAT_PYPI_INDEX_URL)
  string(STRIP "${mirror}" mirror)
  if(NOT requires_json STREQUAL "null" AND NOT requires_json STREQUAL "")
    _torchcompat_table_requires(wanted "${requires_json}")
  else()
    _torchcompat_metadata_requires(wanted error "${metadata}" env "")
    if(NOT error STREQUAL "")
      set(${prefix}_ERROR "${error}" PARENT_SCOPE)
      return()
    endif()
  endif()
  set(projects "")
  set(files "")
  set(urls "")
  set(keys "")
  set(hashes "")
  while(wanted)
    list(POP_FRONT wanted item)
    string(REPLACE "|" ";" fields "${item}")
    list(GET fields 0 name)
    list(GET fields 1 spec)
    list(GET fields 2 extras)
    if(name IN_LIST projects)
      continue()
    endif()
    if(NOT extras STREQUAL "")
      string(REPLACE "," ";" extras "${extras}")
      _torchcompat_metapackage_requires(
        inner
        error
        "${name}"
        "${spec}"
        "${extras}"
        "${platform}"
        "${glibc}"
        env
        "${work_dir}"
        "${allow_http}")
      if(NOT error STREQUAL "")
        set(${prefix}_ERROR "${name}[${extras}]${spec}: ${error}" PARENT_SCOPE)
        return()
      endif()
      list(APPEND wanted ${inner})
      continue()
    endif()
    list(LENGTH fields field_count)
    if(field_count GREATER 5)
      list(GET fields 3 file)
      list(GET fields 4 url)
      list(GET fields 5 hash)
      set(key "${url}")
      if(NOT mirror STREQUAL "")
        # The mirror serves the file the table names (PyPI's names are immutable) at its own URL;
        # the table's hash still decides.
        _torchcompat_index_locate(located "${name}" "${file}" "${hash}" "${work_dir}"
                                  "${allow_http}")
        if(NOT located_ERROR STREQUAL "")
          set(${prefix}_ERROR "it needs ${name}${spec} (Requires-Dist), and ${located_ERROR}"
              PARENT_SCOPE)
          return()
        endif()
        set(url "${located_URL}")
      endif()
    else()
      _torchcompat_index_pick(
        pick
        "${name}"
        "${spec}"
        "${platform}"
        "${glibc}"
        "${work_dir}"
        "${allow_http}")
      if(NOT pick_ERROR STREQUAL "")
        set(${prefix}_ERROR "it needs ${name}${spec} (Requires-Dist), and ${pick_ERROR}"
            PARENT_SCOPE)
        return()
      endif()
      set(file "${pick_FILE}")
      set(url "${pick_URL}")
      set(hash "${pick_SHA256}")
      _torchcompat_redact_credentials(key "${url}")
    endif()
    list(APPEND projects "${name}")
    list(APPEND files "${file}")
    list(APPEND urls "${url}")
    list(APPEND keys "${key}")
    list(APPEND hashes "${hash}")
  endwhile()
  set(${prefix}_PROJECTS "${projects}" PARENT_SCOPE)
  set(${prefix}_FILES "${files}" PARENT_SCOPE)
  set(${prefix}_URLS "${urls}" PARENT_SCOPE)
  set(${prefix}_KEYS "${keys}" PARENT_SCOPE)
  set(${prefix}_HASHES "${hashes}" PARENT_SCOPE)
endfunction()

# Where an index serves a file whose name and published hash are known. Sets <prefix>_URL, or
# <prefix>_ERROR when the index does not list it or lists it with another hash.
function(
  _torchcompat_index_locate
  prefix
  project
  file
  published
  work_dir
  allow_http)
  set(${prefix}_URL "" PARENT_SCOPE)
  set(${prefix}_ERROR "" PARENT_SCOPE)
  _torchcompat_index_files(index "${project}" "${work_dir}" "${allow_http}")
  if(NOT index_ERROR STREQUAL "")
    set(${prefix}_ERROR "${index_ERROR}" PARENT_SCOPE)
    return()
  endif()
  _torchcompat_pypi_index(base)
  _torchcompat_redact_credentials(base "${base}")
  list(FIND index_NAMES "${file}" at)
  if(at EQUAL -1)
    set(${prefix}_ERROR "${base}/${project}/ does not list ${file}, the file PyPI publishes"
        PARENT_SCOPE)
    return()
  endif()
  list(GET index_URLS ${at} url)
  list(GET index_HASHES ${at} hash)
  if(NOT hash STREQUAL "-" AND NOT hash STREQUAL published)
    set(${prefix}_ERROR "${base}/${project}/ lists ${file} with SHA-256 ${hash}, PyPI published "
                        "${published}")
    string(JOIN "" ${prefix}_ERROR ${${prefix}_ERROR})
    set(${prefix}_ERROR "${${prefix}_ERROR}" PARENT_SCOPE)
    return()
  endif()
  set(${prefix}_URL "${url}" PARENT_SCOPE)
endfunction()

cmake_policy(POP)
