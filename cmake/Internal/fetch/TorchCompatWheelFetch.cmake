#[=======================================================================[.rst:
TorchCompatWheelFetch
---------------------

Internal: libtorch from PyPI's torch wheel, with the ``nvidia-*`` wheels a
CUDA wheel pins, into the per-user cache. Used by
:command:`torchcompat_fetch_libtorch` with ``SOURCE wheel``.

.. command:: _torchcompat_fetch_wheels

  ::

    _torchcompat_fetch_wheels(
      RELEASE <release> PLATFORM <platform>
      [SHA256 <hex>] [LOCK_FILE <path> [LOCK_FILE_FALLBACK]] [PIN_STORE]
      [CACHE_DIR <dir>] [ARCHIVE <local-wheel>] [ALLOW_HTTP]
      RESULT_DIR_VARIABLE <var> [URL_VARIABLE <var>] [VARIANT_VARIABLE <var>])

  Sets ``<var>`` to ``<cache>/libtorch/<key>/site-packages/torch``: the
  wheels' own layout, ``site-packages/torch`` beside
  ``site-packages/nvidia/<pkg>/lib``, where a CUDA wheel's libraries find
  their CUDA libraries (``$ORIGIN/../../nvidia/<pkg>/lib``).

  * The wheel and its hash: ``data/torch-wheels.json`` for the releases it
    knows (the SHA-256 the index published; PyPI never lets a file name be
    uploaded twice, so nothing is trusted on first use), else the index's
    PEP 691 JSON (or PEP 503 HTML with ``#sha256=``) read now. With
    ``TORCHCOMPAT_PYPI_INDEX_URL`` the files come from that index (a
    mirror), still checked against the table's hash. A ``SHA256``, a lock
    file or a pin store line that disagrees with the published hash is an
    error; the hashes of every wheel used are recorded there like an
    archive's.
  * The CUDA wheels: the table's ``requires`` (with their files and hashes
    where it records them), else the wheel's ``Requires-Dist`` with markers
    evaluated for ``<platform>``; each resolved on the index for the
    platform and the torch wheel's glibc floor. One that cannot be had is an
    error naming it.
  * Only ``torch/{include,lib,share}``, ``torch/version.py`` and
    ``nvidia/*/lib`` are unpacked, after the checks every archive gets
    (:command:`_torchcompat_wheel_model`); the wheel's ``WHEEL`` tags must
    name ``<platform>``. Locking, temporary names, the stamp written last and
    the warm path are those of :command:`_torchcompat_fetch_archive`.
#]=======================================================================]

include_guard(GLOBAL)
# Functions keep the policies in force where they are defined: these, whatever the caller set.
cmake_policy(PUSH)
cmake_policy(VERSION 3.22...4.4)

include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatDownload.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatWheelDeps.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatWheelModel.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/../tables/TorchCompatWheelTable.cmake")

function(_torchcompat_fetch_wheels)
  set(one_value
      RELEASE
      PLATFORM
      SHA256
      LOCK_FILE
      CACHE_DIR
      ARCHIVE
      RESULT_DIR_VARIABLE
      URL_VARIABLE
      VARIANT_VARIABLE)
  cmake_parse_arguments(PARSE_ARGV 0 arg "ALLOW_HTTP;PIN_STORE;LOCK_FILE_FALLBACK" "${one_value}"
                        "")
  if(arg_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "TorchCompat: _torchcompat_fetch_wheels: unknown arguments: "
                        "${arg_UNPARSED_ARGUMENTS}")
  endif()
  set(release "${arg_RELEASE}")
  set(platform "${arg_PLATFORM}")
  set(allow_http ${arg_ALLOW_HTTP})
  if(NOT allow_http)
    _torchcompat_truthy(allow_http TORCHCOMPAT_ALLOW_HTTP)
  endif()
  set(cache_what "CACHE_DIR (TORCHCOMPAT_CACHE_DIR)")
  if("${arg_CACHE_DIR}" STREQUAL "")
    _torchcompat_default_cache_dir(cache_dir cache_what)
  else()
    _torchcompat_fetch_path(cache_dir "${arg_CACHE_DIR}" "${cache_what}")
  endif()
  set(archive "")
  if(NOT "${arg_ARCHIVE}" STREQUAL "")
    _torchcompat_fetch_path(archive "${arg_ARCHIVE}" "ARCHIVE (TORCHCOMPAT_LIBTORCH_ARCHIVE)")
    _torchcompat_require_archive_file("${archive}")
  endif()
  set(store "")
  set(lock_what "LOCK_FILE (TORCHCOMPAT_LOCK_FILE)")
  if(NOT "${arg_LOCK_FILE}" STREQUAL "")
    _torchcompat_fetch_path(store "${arg_LOCK_FILE}" "${lock_what}")
    get_filename_component(store_dir "${store}" DIRECTORY)
    _torchcompat_dir_writable(writable "${store_dir}")
    if(arg_LOCK_FILE_FALLBACK AND NOT EXISTS "${store}" AND NOT writable)
      _torchcompat_pin_store(store)
    endif()
  elseif(arg_PIN_STORE)
    _torchcompat_pin_store(store)
  endif()
  set(private_fix
      "set ${cache_what} to a folder that only you can write (or remove the others' write access)")
  _torchcompat_pypi_index(index)
  _torchcompat_knob_value(mirror_index TORCHCOMPAT_PYPI_INDEX_URL)
  string(STRIP "${mirror_index}" mirror_index)

  # Which wheel, and the hash the index published for it.
  _torchcompat_wheel_record(record "${release}" "${platform}")
  if(record_FOUND)
    set(key "${record_URL}")
    set(published "${record_SHA256}")
    set(published_from "published by PyPI, recorded in data/torch-wheels.json")
    set(entry_name "${key}")
  else()
    # The entry is found again without the index: the stamp vouches for the wheel it verified.
    set(entry_name "torch==${release} ${platform} from ${index}/torch/")
    _torchcompat_redact_credentials(entry_name "${entry_name}")
    set(key "")
    set(published "")
  endif()
  string(SHA256 key_hash "${entry_name}")
  string(SUBSTRING "${key_hash}" 0 20 key_hash)
  set(entry_dir "${cache_dir}/libtorch/${key_hash}")
  if(EXISTS "${entry_dir}" OR IS_SYMLINK "${entry_dir}")
    _torchcompat_require_private_dir("${entry_dir}" "the libtorch cache folder" "${private_fix}")
  endif()
  if(NOT published STREQUAL "")
    _torchcompat_wheel_hash_agrees("${arg_SHA256}" "${store}" "${key}" "${published}")
  endif()

  # Warm path: the stamp is written only after every wheel was verified and unpacked.
  _torchcompat_archive_signature(signature "${archive}")
  _torchcompat_stamp_read("${entry_dir}" stamp_hash stamp_tree stamp_source)
  _torchcompat_stamp_usable(usable "${stamp_hash}" "${stamp_source}" "${published}" "${signature}")
  if(usable AND EXISTS "${entry_dir}/${stamp_tree}/torch/share/cmake/Torch")
    set(result_tree "${entry_dir}/${stamp_tree}/torch")
    _torchcompat_wheel_results(result_tree entry_dir)
    return()
  endif()

  _torchcompat_require_writable_dir("${cache_dir}/libtorch" "${cache_what}")
  _torchcompat_require_private_dir("${entry_dir}" "the libtorch cache folder" "${private_fix}")
  _torchcompat_knob_number(lock_timeout TORCHCOMPAT_LOCK_TIMEOUT 3600)
  # Read again at extraction; a bad value is found now, not after a download.
  _torchcompat_extract_jobs(ignored)
  file(
    LOCK "${entry_dir}.lock"
    GUARD FUNCTION
    TIMEOUT ${lock_timeout}
    RESULT_VARIABLE lock_status)
  if(NOT lock_status STREQUAL "0")
    message(FATAL_ERROR "TorchCompat: could not lock ${entry_dir}.lock within "
                        "${lock_timeout} s (TORCHCOMPAT_LOCK_TIMEOUT): ${lock_status}")
  endif()
  _torchcompat_stamp_read("${entry_dir}" stamp_hash stamp_tree stamp_source)
  _torchcompat_stamp_usable(usable "${stamp_hash}" "${stamp_source}" "${published}" "${signature}")
  if(usable AND EXISTS "${entry_dir}/${stamp_tree}/torch/share/cmake/Torch")
    set(result_tree "${entry_dir}/${stamp_tree}/torch")
    _torchcompat_wheel_results(result_tree entry_dir)
    return()
  endif()
  _torchcompat_remove_leftovers("${entry_dir}")

  # A local copy (ARCHIVE) of a wheel the table names needs no index: the table has its hash.
  if(record_FOUND AND (mirror_index STREQUAL "" OR NOT archive STREQUAL ""))
    set(url "${record_URL}")
    set(file_name "${record_FILENAME}")
  elseif(record_FOUND)
    # A mirror serves the same file (PyPI's names are immutable) at its own URL.
    _torchcompat_index_files(listing torch "${entry_dir}" "${allow_http}")
    if(NOT listing_ERROR STREQUAL "")
      _torchcompat_fetch_failed(index "torch ${release} for ${platform}" "${listing_ERROR}"
                                "Nothing was downloaded.")
    endif()
    list(FIND listing_NAMES "${record_FILENAME}" at)
    if(at EQUAL -1)
      _torchcompat_fetch_failed(
        index "torch ${release} for ${platform}"
        "the index ${index}/torch/ does not list ${record_FILENAME}, the wheel PyPI publishes"
        "Nothing was downloaded.")
    endif()
    list(GET listing_URLS ${at} url)
    list(GET listing_HASHES ${at} mirror_hash)
    if(NOT mirror_hash STREQUAL "-" AND NOT mirror_hash STREQUAL published)
      _torchcompat_fetch_failed(
        index "${record_FILENAME}"
        "${index}/torch/ lists it with SHA-256 ${mirror_hash}, PyPI published ${published}"
        "Nothing was downloaded.")
    endif()
    set(file_name "${record_FILENAME}")
  else()
    _torchcompat_index_pick_torch(pick "${release}" "${platform}" "${entry_dir}" "${allow_http}")
    if(NOT pick_ERROR STREQUAL "")
      _torchcompat_fetch_failed(index "torch ${release} for ${platform}" "${pick_ERROR}"
                                "Nothing was downloaded.")
    endif()
    if(pick_SHA256 STREQUAL "-")
      _torchcompat_fetch_failed(
        index "${pick_FILE}"
        "the index publishes no SHA-256 for it, and a wheel is taken only with its published hash"
        "Nothing was downloaded.")
    endif()
    set(url "${pick_URL}")
    set(file_name "${pick_FILE}")
    set(published "${pick_SHA256}")
    _torchcompat_redact_credentials(key "${url}")
    set(published_from "published by ${index}/torch/")
    set(record_PYTHON_TAG "${pick_PYTHON_TAG}")
    set(record_GLIBC "${pick_GLIBC}")
    _torchcompat_redact_credentials(published_from "${published_from}")
    _torchcompat_wheel_hash_agrees("${arg_SHA256}" "${store}" "${key}" "${published}")
  endif()

  # The hash is computed by a child while the wheel is unpacked (_torchcompat_wheel_unpack), and a
  # mismatch stops before the tree is checked or moved; a wheel refused before that is hashed
  # first, as a wrong hash is the better explanation. A wheel whose METADATA says which wheels to
  # fetch next is hashed while it is listed instead, and compared before that is read.
  set(hash_now "")
  if(record_REQUIRES STREQUAL "null" OR record_REQUIRES STREQUAL "")
    set(hash_now HASH)
  endif()
  _torchcompat_wheel_fetch_one(torch_wheel "${entry_dir}" "${url}" "${archive}" "${allow_http}")
  _torchcompat_wheel_model("${torch_wheel}" torch torch_model ${hash_now})
  _torchcompat_wheel_part(torch_model "${torch_wheel}" "${url}" "${archive}" "${published}"
                          "${published_from}")
  if(hash_now)
    _torchcompat_wheel_hash_verdict(torch_model)
  endif()
  _torchcompat_wheel_refuse_on("${torch_model_ERROR}" torch_model)
  _torchcompat_wheel_platform_check(torch_model "${file_name}" "${platform}" "${entry_dir}")
  set(metadata "")
  if(record_REQUIRES STREQUAL "null" OR record_REQUIRES STREQUAL "")
    _torchcompat_wheel_member_text(metadata "${torch_wheel}" "${torch_model_DIST_INFO}/METADATA"
                                   "${entry_dir}")
  endif()
  _torchcompat_wheel_dependencies(
    deps
    "${record_REQUIRES}"
    "${metadata}"
    "${platform}"
    "${record_PYTHON_TAG}"
    "${record_GLIBC}"
    "${entry_dir}"
    "${allow_http}")
  if(NOT deps_ERROR STREQUAL "")
    file(REMOVE "${torch_wheel}")
    string(
      CONCAT detail "its CUDA libraries come from the nvidia-* wheels it pins, and ${deps_ERROR}. "
             "Mirror those wheels too (TORCHCOMPAT_PYPI_INDEX_URL), or take the libtorch "
             "archive (SOURCE archive)")
    _torchcompat_fetch_failed("CUDA wheels" "${file_name}" "${detail}"
                              "The downloaded torch wheel was deleted.")
  endif()

  foreach(dep_key dep_hash IN ZIP_LISTS deps_KEYS deps_HASHES)
    _torchcompat_wheel_hash_agrees("" "${store}" "${dep_key}" "${dep_hash}")
  endforeach()

  # Each CUDA wheel, verified and checked before anything is unpacked.
  set(parts torch_model)
  set(wheels "${torch_wheel}")
  set(number 0)
  foreach(
    dep_file
    dep_url
    dep_hash
    IN
    ZIP_LISTS
    deps_FILES
    deps_URLS
    deps_HASHES)
    math(EXPR number "${number} + 1")
    if(dep_hash STREQUAL "-" OR dep_hash STREQUAL "")
      _torchcompat_fetch_failed(index "${dep_file}" "its index publishes no SHA-256 for it"
                                "Nothing was unpacked.")
    endif()
    _torchcompat_wheel_fetch_one(dep_wheel "${entry_dir}" "${dep_url}" "" "${allow_http}")
    _torchcompat_wheel_model("${dep_wheel}" nvidia dep${number})
    _torchcompat_wheel_part(dep${number} "${dep_wheel}" "${dep_url}" "" "${dep_hash}"
                            "published by its index")
    _torchcompat_wheel_refuse_on("${dep${number}_ERROR}" dep${number})
    list(APPEND parts dep${number})
    list(APPEND wheels "${dep_wheel}")
  endforeach()

  _torchcompat_wheel_unpack("${entry_dir}" "${parts}")
  foreach(wheel IN LISTS wheels)
    file(REMOVE "${wheel}")
  endforeach()
  _torchcompat_redact_credentials(shown_url "${url}")
  _torchcompat_stamp_write("${entry_dir}" "${published}" site-packages "${signature}"
                           "${shown_url}" error)
  if(NOT error STREQUAL "")
    file(REMOVE_RECURSE "${entry_dir}/site-packages")
    _torchcompat_fetch_failed(stamp "${shown_url}" "${error}"
                              "The unpacked tree ${entry_dir}/site-packages was removed.")
  endif()
  if(NOT store STREQUAL "")
    set(pin_keys "${key}")
    set(pin_hashes "${published}")
    foreach(dep_key dep_hash IN ZIP_LISTS deps_KEYS deps_HASHES)
      list(APPEND pin_keys "${dep_key}")
      list(APPEND pin_hashes "${dep_hash}")
    endforeach()
    foreach(pin_key pin_hash IN ZIP_LISTS pin_keys pin_hashes)
      _torchcompat_pins_lookup("${store}" "${pin_key}" recorded)
      if(recorded STREQUAL "")
        _torchcompat_pins_record("${store}" "${pin_key}" "${pin_hash}" "${cache_dir}" error)
        if(NOT error STREQUAL "")
          message(
            FATAL_ERROR
              "TorchCompat: the wheels of torch ${release} were verified and "
              "unpacked to ${entry_dir}/site-packages, but recording the hash of "
              "${pin_key} failed: ${error}")
        endif()
      endif()
    endforeach()
  endif()
  list(LENGTH deps_FILES dep_count)
  set(with "")
  if(dep_count GREATER 0)
    set(with " and ${dep_count} CUDA wheel(s) it pins")
  endif()
  message(STATUS "TorchCompat: ${shown_url}${with} ready in ${entry_dir}/site-packages")
  set(result_tree "${entry_dir}/site-packages/torch")
  _torchcompat_wheel_results(result_tree entry_dir)
endfunction()

# Sets the caller's result variables from the variables named <tree_var> (the torch tree) and
# <entry_var> (its cache entry). A macro: PARENT_SCOPE reaches the caller's caller. It takes
# names, not values: a macro reads its arguments' backslashes again, and a cache folder's name
# may hold one.
macro(_torchcompat_wheel_results tree_var entry_var)
  set(${arg_RESULT_DIR_VARIABLE} "${${tree_var}}" PARENT_SCOPE)
  if(arg_URL_VARIABLE)
    _torchcompat_stamp_url(_torchcompat_wheel_url "${${entry_var}}")
    set(${arg_URL_VARIABLE} "${_torchcompat_wheel_url}" PARENT_SCOPE)
  endif()
  if(arg_VARIANT_VARIABLE)
    _torchcompat_wheel_variant(_torchcompat_wheel_variant "${${tree_var}}")
    set(${arg_VARIANT_VARIABLE} "${_torchcompat_wheel_variant}" PARENT_SCOPE)
  endif()
endmacro()

function(_torchcompat_stamp_url out entry_dir)
  set(url "")
  if(EXISTS "${entry_dir}/torchcompat-stamp.txt")
    file(STRINGS "${entry_dir}/torchcompat-stamp.txt" lines REGEX "^url=")
    if(lines MATCHES "^url=(.*)$")
      set(url "${CMAKE_MATCH_1}")
    endif()
  endif()
  set(${out} "${url}" PARENT_SCOPE)
endfunction()

# The variant the wheel's torch/version.py states: cuda = 'X.Y' is cuXY, hip = '...' rocm, else
# cpu; "" when the file is not there.
function(_torchcompat_wheel_variant out tree)
  set(variant "")
  if(EXISTS "${tree}/version.py")
    file(STRINGS "${tree}/version.py" lines LIMIT_COUNT 64)
    set(variant cpu)
    foreach(line IN LISTS lines)
      if(line MATCHES "^cuda[ \t]*(:[^=]*)?=[ \t]*['\"]([0-9]+)\\.([0-9]+)")
        set(variant "cu${CMAKE_MATCH_2}${CMAKE_MATCH_3}")
      elseif(line MATCHES "^hip[ \t]*(:[^=]*)?=[ \t]*['\"]([0-9]+)\\.([0-9]+)")
        set(variant "rocm${CMAKE_MATCH_2}.${CMAKE_MATCH_3}")
      endif()
    endforeach()
  endif()
  set(${out} "${variant}" PARENT_SCOPE)
endfunction()

# A SHA256 argument or a recorded pin that disagrees with the hash the index published is someone's
# mistake or a tampered record: it is shown, never overridden.
function(_torchcompat_wheel_hash_agrees given store key published)
  if(NOT given STREQUAL "")
    string(TOLOWER "${given}" given)
    if(NOT given STREQUAL published)
      message(FATAL_ERROR "TorchCompat: SHA256 ${given} is not the hash the index publishes for "
                          "${key} (${published}). Remove SHA256: a wheel's hash is published.")
    endif()
  endif()
  if(NOT store STREQUAL "" AND NOT key STREQUAL "")
    _torchcompat_pins_lookup("${store}" "${key}" recorded)
    if(NOT recorded STREQUAL "" AND NOT recorded STREQUAL published)
      message(
        FATAL_ERROR
          "TorchCompat: ${store} records ${recorded} for ${key}, but the index "
          "publishes ${published}. Remove that line from ${store}: the "
          "published hash is the file's.")
    endif()
  endif()
endfunction()

# What the checks of a wheel's model <part> need to name it and to verify it: its file, URL, local
# copy (ARCHIVE, or empty) and published hash with where that was published. (A macro: they are
# set beside the model, in the caller's scope, which the functions below read.)
macro(
  _torchcompat_wheel_part
  part
  wheel
  url
  archive
  expected
  expected_from)
  set(${part}_WHEEL "${wheel}")
  set(${part}_URL "${url}")
  set(${part}_ARCHIVE "${archive}")
  set(${part}_EXPECTED "${expected}")
  set(${part}_EXPECTED_FROM "${expected_from}")
endmacro()

# Downloads (or privately copies) one wheel into the entry as a .part file. Sets <out> to the file;
# its hash is checked by _torchcompat_wheel_hash_verdict.
function(_torchcompat_wheel_fetch_one out entry_dir url archive allow_http)
  _torchcompat_redact_credentials(shown_url "${url}")
  _torchcompat_temp_suffix(suffix)
  string(REGEX REPLACE "[?#].*$" "" file_name "${url}")
  string(REGEX REPLACE "^.*/" "" file_name "${file_name}")
  string(REGEX REPLACE "[^A-Za-z0-9._+-]" "_" file_name "${file_name}")
  if(archive STREQUAL "")
    _torchcompat_check_url_scheme("${url}" "${allow_http}")
    set(file "${entry_dir}/${suffix}-${file_name}.part")
    _torchcompat_download("${url}" "${file}" "${allow_http}" error final_url)
    if(NOT error STREQUAL "")
      _torchcompat_offline_help(offline_help "${url}")
      _torchcompat_fetch_failed(download "${shown_url}" "${error}"
                                "Nothing was added to the cache.")
    endif()
  else()
    _torchcompat_private_copy(file error "${archive}" "${entry_dir}")
    if(NOT error STREQUAL "")
      _torchcompat_fetch_failed("archive copy" "${archive}" "${error}"
                                "The local wheel was left as it is.")
    endif()
  endif()
  set(${out} "${file}" PARENT_SCOPE)
endfunction()

# Stops on a wheel whose SHA-256 (<part>_SHA256, computed beside its listing or its extraction;
# computed here where it is empty) is not the published one. The file is removed.
function(_torchcompat_wheel_hash_verdict part)
  set(file "${${part}_WHEEL}")
  set(actual "${${part}_SHA256}")
  set(expected "${${part}_EXPECTED}")
  set(expected_from "${${part}_EXPECTED_FROM}")
  set(url "${${part}_URL}")
  set(archive "${${part}_ARCHIVE}")
  if(actual STREQUAL "")
    file(SHA256 "${file}" actual)
  endif()
  if(NOT actual STREQUAL expected)
    file(REMOVE "${file}")
    _torchcompat_redact_credentials(shown_url "${url}")
    set(fate "The downloaded file was deleted")
    if(NOT archive STREQUAL "")
      set(fate "The local wheel ${archive} was not used")
    endif()
    _torchcompat_stop_on_mismatch(
      "${shown_url}"
      "${expected}"
      "${expected_from}"
      "${actual}"
      "${fate}"
      "The index's published hash is the file's: the download was damaged or tampered with, or a mirror serves another file under this name."
    )
  endif()
endfunction()

# Refuses the wheel of <part> for <problem>, if any; a wheel that is not the published file is
# refused for that first.
function(_torchcompat_wheel_refuse_on problem part)
  if(NOT problem STREQUAL "")
    _torchcompat_wheel_hash_verdict(${part})
    set(wheel "${${part}_WHEEL}")
    set(url "${${part}_URL}")
    set(archive "${${part}_ARCHIVE}")
    file(REMOVE "${wheel}")
    set(what "${archive}")
    if(what STREQUAL "")
      _torchcompat_redact_credentials(what "${url}")
    endif()
    _torchcompat_fetch_failed("archive check" "${what}" "refusing wheel ${what}: ${problem}"
                              "Nothing was unpacked.")
  endif()
endfunction()

# The wheel's own WHEEL file names the platforms it was built for; a wheel of another platform
# (renamed, or served under another's name) would fail only at link or load time.
function(_torchcompat_wheel_platform_check part file_name platform work_dir)
  set(wheel "${${part}_WHEEL}")
  set(dist_info "${${part}_DIST_INFO}")
  set(text "")
  if(NOT dist_info STREQUAL "")
    _torchcompat_wheel_member_text(text "${wheel}" "${dist_info}/WHEEL" "${work_dir}")
  endif()
  string(REGEX MATCHALL "(^|\n)Tag:[ \t]*[^\n]+" tags "${text}")
  set(fits FALSE)
  set(seen "")
  foreach(tag IN LISTS tags)
    string(REGEX REPLACE "^\n?Tag:[ \t]*" "" tag "${tag}")
    string(STRIP "${tag}" tag)
    list(APPEND seen "${tag}")
    _torchcompat_wheel_fits(floor "x-${tag}.whl" "${platform}" "")
    if(NOT floor STREQUAL "")
      set(fits TRUE)
    endif()
  endforeach()
  if(NOT fits)
    list(JOIN seen ", " seen)
    if(seen STREQUAL "")
      set(seen "none")
    endif()
    set(problem "it is not a wheel for ${platform}: its WHEEL file's tags are ${seen}")
    _torchcompat_wheel_refuse_on("${problem}" ${part})
  endif()
endfunction()

# Unpacks every wheel's checked part into one staging folder, checks the tree against the union of
# their models (a file two wheels both hold is refused: one would silently replace the other) and
# renames it to <entry>/site-packages. A wheel not hashed yet is hashed by a child while it is
# extracted, and compared before anything else: a mismatch removes the staging folder and stops.
function(_torchcompat_wheel_unpack entry_dir parts)
  _torchcompat_temp_suffix(suffix)
  set(staging "${entry_dir}/extract-${suffix}.tmp")
  file(MAKE_DIRECTORY "${staging}")
  list(GET parts 0 first)
  set(url "${${first}_URL}")
  set(archive "${${first}_ARCHIVE}")
  set(wheels "")
  foreach(part IN LISTS parts)
    list(APPEND wheels "${${part}_WHEEL}")
  endforeach()
  foreach(list IN ITEMS NAMES KINDS SIZES TARGETS TREE)
    set(union_${list} "")
  endforeach()
  set(problem "")
  foreach(part IN LISTS parts)
    _torchcompat_wheel_union_add(problem union ${part})
    if(NOT problem STREQUAL "")
      break()
    endif()
    set(hash_var "")
    if("${${part}_SHA256}" STREQUAL "")
      set(hash_var ${part}_SHA256)
    endif()
    _torchcompat_wheel_extract("${${part}_WHEEL}" "${staging}" ${part} problem ${hash_var})
    if(NOT "${${part}_SHA256}" STREQUAL "${${part}_EXPECTED}")
      file(REMOVE_RECURSE "${staging}")
      foreach(wheel IN LISTS wheels)
        file(REMOVE "${wheel}")
      endforeach()
      _torchcompat_wheel_hash_verdict(${part})
    endif()
    if(NOT problem STREQUAL "")
      break()
    endif()
  endforeach()
  if(problem STREQUAL "")
    _torchcompat_tree_problem(problem "${staging}" union)
  endif()
  if(NOT problem STREQUAL "")
    file(REMOVE_RECURSE "${staging}")
    foreach(wheel IN LISTS wheels)
      file(REMOVE "${wheel}")
    endforeach()
    set(what "${archive}")
    if(what STREQUAL "")
      _torchcompat_redact_credentials(what "${url}")
    endif()
    _torchcompat_fetch_failed(extraction "${what}" "${problem}"
                              "The partly unpacked ${staging} was removed.")
  endif()
  file(REMOVE "${entry_dir}/torchcompat-stamp.txt")
  if(EXISTS "${entry_dir}/site-packages" OR IS_SYMLINK "${entry_dir}/site-packages")
    file(REMOVE_RECURSE "${entry_dir}/site-packages")
  endif()
  file(RENAME "${staging}" "${entry_dir}/site-packages")
endfunction()

# Adds a wheel's model to the union of those before it, in the caller's <union>_{NAMES,KINDS,SIZES,
# TARGETS}; a path both hold is refused unless both hold it as a directory (nvidia/ is in every
# nvidia-* wheel), and is listed once. Models that share no path (torch/ and nvidia/) are joined as
# a whole; only a model that shares some is walked, each of its names looked up in the union.
function(_torchcompat_wheel_union_add out_problem union part)
  set(${out_problem} "" PARENT_SCOPE)
  foreach(list IN ITEMS NAMES KINDS SIZES TARGETS)
    set(${list} "${${union}_${list}}")
  endforeach()
  set(both ${NAMES} ${${part}_NAMES})
  list(LENGTH both both_count)
  list(REMOVE_DUPLICATES both)
  list(LENGTH both distinct_count)
  # The tree _torchcompat_tree_same compares with, while each model read it off its listing and
  # they share no path; else empty (it is then made from the lists).
  set(TREE "")
  set(union_tree "${${union}_TREE}")
  set(part_tree "${${part}_TREE}")
  if(NOT part_tree STREQUAL "" AND (NAMES STREQUAL "" OR NOT union_tree STREQUAL ""))
    set(TREE "${union_tree}${part_tree}")
  endif()
  if(distinct_count EQUAL both_count)
    foreach(list IN ITEMS NAMES KINDS SIZES TARGETS)
      list(APPEND ${list} ${${part}_${list}})
    endforeach()
  else()
    set(TREE "")
    # Gathered as text, then split once: appending to a list copies it.
    foreach(list IN ITEMS names kinds sizes targets)
      set(more_${list} "")
    endforeach()
    foreach(
      name
      kind
      size
      target
      IN
      ZIP_LISTS
      ${part}_NAMES
      ${part}_KINDS
      ${part}_SIZES
      ${part}_TARGETS)
      list(FIND NAMES "${name}" at)
      if(at GREATER -1)
        list(GET KINDS ${at} held)
        if(NOT kind STREQUAL "d" OR NOT held STREQUAL "d")
          set(${out_problem} "two wheels both hold ${name}" PARENT_SCOPE)
          return()
        endif()
        continue()
      endif()
      foreach(list IN ITEMS name kind size target)
        string(APPEND more_${list}s "${${list}};")
      endforeach()
    endforeach()
    foreach(list IN ITEMS names kinds sizes targets)
      string(REGEX REPLACE ";$" "" more_${list} "${more_${list}}")
      string(TOUPPER "${list}" upper)
      list(APPEND ${upper} ${more_${list}})
    endforeach()
  endif()
  foreach(list IN ITEMS NAMES KINDS SIZES TARGETS TREE)
    set(${union}_${list} "${${list}}" PARENT_SCOPE)
  endforeach()
endfunction()

cmake_policy(POP)
