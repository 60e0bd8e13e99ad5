#[=======================================================================[.rst:
TorchCompatDownload
-------------------

Internal: fetches an archive into the per-user cache, verifies it and
extracts it atomically. Used by :command:`torchcompat_fetch_libtorch`.

.. command:: _torchcompat_fetch_archive

  ::

    _torchcompat_fetch_archive(
      URL <url>
      [SHA256 <hex>]
      [LOCK_FILE <path>] [LOCK_KEY <string>]
      [CACHE_DIR <dir>]
      [ARCHIVE <local-archive>]
      [ALLOW_HTTP]
      RESULT_DIR_VARIABLE <var>)

  Sets ``<var>`` to the extracted tree: ``<cache>/libtorch/<key>/<top>``,
  where ``<key>`` is a hash of ``LOCK_KEY`` (default: ``URL``) and ``<top>``
  the archive's single top-level directory (``tree`` when it has several).

  * The archive's SHA-256 must equal ``SHA256``, else the hash recorded for
    ``LOCK_KEY`` in ``LOCK_FILE``; with neither, the hash of the first
    successful fetch is recorded in ``LOCK_FILE`` (when given).
  * ``ARCHIVE`` uses a local file in place of downloading ``URL``; it is
    verified the same way and never modified.
  * ``http://`` is refused unless ``ALLOW_HTTP`` or ``TORCHCOMPAT_ALLOW_HTTP``
    is true; TLS certificates are always verified.
  * Work on one cache entry happens under a file lock, in temporary names
    renamed into place, so concurrent configures share one download and an
    interrupted one leaves nothing that is ever used.
  * With the tree in place (its stamp file written last), nothing is
    downloaded, hashed or extracted.

.. command:: _torchcompat_apply_mirror

  ::

    _torchcompat_apply_mirror(<out-var> <url> <mirror-base-url>)

  Replaces the official base ``https://download.pytorch.org/libtorch`` of
  ``<url>`` with ``<mirror-base-url>``; an empty mirror leaves it unchanged.

.. command:: _torchcompat_default_cache_dir

  ::

    _torchcompat_default_cache_dir(<out-var>)

  ``TORCHCOMPAT_CACHE_DIR`` (variable, then environment), else the per-user
  cache directory of the host (``$XDG_CACHE_HOME``/``~/.cache``,
  ``~/Library/Caches``, ``%LOCALAPPDATA%``) plus ``/torchcompat``.

Knobs read: ``TORCHCOMPAT_CACHE_DIR``, ``TORCHCOMPAT_ALLOW_HTTP`` (each as
variable or environment variable), ``TORCHCOMPAT_LOCK_TIMEOUT`` (seconds to
wait for another configure's fetch, default 3600).
#]=======================================================================]

include_guard(GLOBAL)

set(_TORCHCOMPAT_OFFICIAL_LIBTORCH_BASE "https://download.pytorch.org/libtorch")
string(
  CONCAT _TORCHCOMPAT_OFFLINE_HELP
         "To work without this server, use one of:\n"
         "  MIRROR <base-url> (or -DTORCHCOMPAT_MIRROR=...): a base URL that replaces "
         "${_TORCHCOMPAT_OFFICIAL_LIBTORCH_BASE}\n"
         "  ARCHIVE <path> (or -DTORCHCOMPAT_LIBTORCH_ARCHIVE=...): a local copy of the archive\n"
         "  TORCHCOMPAT_CACHE_DIR: a cache directory that already holds it")

function(_torchcompat_apply_mirror out url mirror)
  set(result "${url}")
  if(NOT mirror STREQUAL "")
    string(REGEX REPLACE "/+$" "" mirror "${mirror}")
    string(LENGTH "${_TORCHCOMPAT_OFFICIAL_LIBTORCH_BASE}" base_length)
    string(SUBSTRING "${url}" 0 ${base_length} url_base)
    if(NOT url_base STREQUAL _TORCHCOMPAT_OFFICIAL_LIBTORCH_BASE)
      message(FATAL_ERROR "TorchCompat: MIRROR applies to URLs under "
                          "${_TORCHCOMPAT_OFFICIAL_LIBTORCH_BASE}; got ${url}")
    endif()
    string(SUBSTRING "${url}" ${base_length} -1 url_tail)
    set(result "${mirror}${url_tail}")
  endif()
  set(${out} "${result}" PARENT_SCOPE)
endfunction()

function(_torchcompat_default_cache_dir out)
  if(NOT "${TORCHCOMPAT_CACHE_DIR}" STREQUAL "")
    set(dir "${TORCHCOMPAT_CACHE_DIR}")
  elseif(NOT "$ENV{TORCHCOMPAT_CACHE_DIR}" STREQUAL "")
    set(dir "$ENV{TORCHCOMPAT_CACHE_DIR}")
  elseif(CMAKE_HOST_WIN32 AND NOT "$ENV{LOCALAPPDATA}" STREQUAL "")
    set(dir "$ENV{LOCALAPPDATA}/torchcompat")
  elseif(CMAKE_HOST_APPLE AND NOT "$ENV{HOME}" STREQUAL "")
    set(dir "$ENV{HOME}/Library/Caches/torchcompat")
  elseif(NOT "$ENV{XDG_CACHE_HOME}" STREQUAL "")
    set(dir "$ENV{XDG_CACHE_HOME}/torchcompat")
  elseif(NOT "$ENV{HOME}" STREQUAL "")
    set(dir "$ENV{HOME}/.cache/torchcompat")
  else()
    message(FATAL_ERROR "TorchCompat: no cache directory: set TORCHCOMPAT_CACHE_DIR "
                        "(neither HOME nor XDG_CACHE_HOME is set)")
  endif()
  file(TO_CMAKE_PATH "${dir}" dir)
  set(${out} "${dir}" PARENT_SCOPE)
endfunction()

# A random suffix keeps temporary names of concurrent configures apart.
function(_torchcompat_temp_suffix out)
  string(RANDOM LENGTH 12 ALPHABET "0123456789abcdefghijklmnopqrstuvwxyz" suffix)
  set(${out} "${suffix}" PARENT_SCOPE)
endfunction()

function(_torchcompat_truthy out name)
  set(value FALSE)
  if(DEFINED ${name})
    if(${name})
      set(value TRUE)
    endif()
  elseif(DEFINED ENV{${name}})
    if("$ENV{${name}}")
      set(value TRUE)
    endif()
  endif()
  set(${out} ${value} PARENT_SCOPE)
endfunction()

function(_torchcompat_check_url_scheme url allow_http)
  if(url MATCHES "^[Hh][Tt][Tt][Pp][Ss]://" OR url MATCHES "^[Ff][Ii][Ll][Ee]://")
    return()
  endif()
  if(url MATCHES "^[Hh][Tt][Tt][Pp]://")
    if(NOT allow_http)
      message(
        FATAL_ERROR
          "TorchCompat: refusing plain http:// URL ${url}: it is not protected in transit. Use "
          "https://, or allow it explicitly with ALLOW_HTTP (or -DTORCHCOMPAT_ALLOW_HTTP=ON).")
    endif()
    return()
  endif()
  message(FATAL_ERROR "TorchCompat: unsupported URL ${url}: expected https:// (or file://)")
endfunction()

# ---------------------------------------------------------------------------
# Lock file: one line per archive, "<sha256>  <key>", sorted by key, so that it reads like sha256sum
# output and diffs one line per change.

function(_torchcompat_lock_read lock_file out_keys out_hashes)
  set(keys "")
  set(hashes "")
  string(REPEAT "[0-9a-f]" 64 hex64)
  if(EXISTS "${lock_file}")
    file(STRINGS "${lock_file}" lines)
    foreach(line IN LISTS lines)
      if(line MATCHES "^[ \t]*(#|$)")
        continue()
      endif()
      if(NOT line MATCHES "^(${hex64})  ([^ ].*)$")
        message(FATAL_ERROR "TorchCompat: malformed line in lock file ${lock_file}: \"${line}\" "
                            "(expected \"<sha256>  <url>\")")
      endif()
      list(APPEND hashes "${CMAKE_MATCH_1}")
      list(APPEND keys "${CMAKE_MATCH_2}")
    endforeach()
  endif()
  set(${out_keys} "${keys}" PARENT_SCOPE)
  set(${out_hashes} "${hashes}" PARENT_SCOPE)
endfunction()

function(_torchcompat_lock_lookup lock_file key out)
  _torchcompat_lock_read("${lock_file}" keys hashes)
  list(FIND keys "${key}" index)
  set(hash "")
  if(index GREATER -1)
    list(GET hashes ${index} hash)
  endif()
  set(${out} "${hash}" PARENT_SCOPE)
endfunction()

# Written to a temporary name and renamed, so a reader never sees half a file.
function(_torchcompat_lock_record lock_file key hash)
  _torchcompat_lock_read("${lock_file}" keys hashes)
  list(FIND keys "${key}" index)
  if(index GREATER -1)
    list(REMOVE_AT keys ${index})
    list(REMOVE_AT hashes ${index})
  endif()
  list(APPEND keys "${key}")
  list(APPEND hashes "${hash}")
  set(entries "")
  foreach(k h IN ZIP_LISTS keys hashes)
    list(APPEND entries "${k}  ${h}")
  endforeach()
  list(SORT entries)
  set(content "# TorchCompat lock file: the SHA-256 of each libtorch archive, recorded on first\n"
              "# download and enforced on every later fetch. Commit it with your sources.\n")
  string(JOIN "" content ${content})
  foreach(entry IN LISTS entries)
    string(REGEX MATCH "^([^ ]+)  (.+)$" _ "${entry}")
    string(APPEND content "${CMAKE_MATCH_2}  ${CMAKE_MATCH_1}\n")
  endforeach()
  _torchcompat_temp_suffix(suffix)
  get_filename_component(lock_dir "${lock_file}" DIRECTORY)
  file(MAKE_DIRECTORY "${lock_dir}")
  file(WRITE "${lock_file}.${suffix}.tmp" "${content}")
  file(RENAME "${lock_file}.${suffix}.tmp" "${lock_file}")
  message(STATUS "TorchCompat: recorded SHA-256 ${hash} of ${key} in ${lock_file}")
endfunction()

# ---------------------------------------------------------------------------
# Stamp: written last, after the tree is in place; its presence is the completion marker and it
# carries the verified hash, so a warm configure never re-hashes the archive.

function(_torchcompat_stamp_read entry_dir out_hash out_tree out_source)
  set(hash "")
  set(tree "")
  set(source "")
  if(EXISTS "${entry_dir}/torchcompat-stamp.txt")
    file(STRINGS "${entry_dir}/torchcompat-stamp.txt" lines)
    foreach(line IN LISTS lines)
      if(line MATCHES "^sha256=([0-9a-f]+)$")
        set(hash "${CMAKE_MATCH_1}")
      elseif(line MATCHES "^tree=(.+)$")
        set(tree "${CMAKE_MATCH_1}")
      elseif(line MATCHES "^source=(.*)$")
        set(source "${CMAKE_MATCH_1}")
      endif()
    endforeach()
    if(tree STREQUAL "" OR NOT IS_DIRECTORY "${entry_dir}/${tree}")
      set(hash "")
    endif()
  endif()
  set(${out_hash} "${hash}" PARENT_SCOPE)
  set(${out_tree} "${tree}" PARENT_SCOPE)
  set(${out_source} "${source}" PARENT_SCOPE)
endfunction()

function(_torchcompat_stamp_write entry_dir hash tree source url)
  _torchcompat_temp_suffix(suffix)
  file(WRITE "${entry_dir}/stamp-${suffix}.tmp"
       "sha256=${hash}\ntree=${tree}\nsource=${source}\nurl=${url}\n")
  file(RENAME "${entry_dir}/stamp-${suffix}.tmp" "${entry_dir}/torchcompat-stamp.txt")
endfunction()

# Identifies a local archive without hashing it: a warm configure must not read gigabytes.
function(_torchcompat_archive_signature out archive)
  if(archive STREQUAL "")
    set(${out} "download" PARENT_SCOPE)
    return()
  endif()
  file(SIZE "${archive}" size)
  file(TIMESTAMP "${archive}" mtime "%Y-%m-%dT%H:%M:%S" UTC)
  set(${out} "archive:${archive}:${size}:${mtime}" PARENT_SCOPE)
endfunction()

# ---------------------------------------------------------------------------

function(_torchcompat_download url destination)
  message(STATUS "TorchCompat: downloading ${url}")
  file(
    DOWNLOAD "${url}" "${destination}"
    SHOW_PROGRESS
    TLS_VERIFY ON
    INACTIVITY_TIMEOUT 120
    STATUS status)
  list(GET status 0 code)
  list(GET status 1 reason)
  if(NOT code EQUAL 0)
    file(REMOVE "${destination}")
    message(FATAL_ERROR "TorchCompat: download of ${url} failed: ${reason} (curl error ${code}). "
                        "Nothing was added to the cache.\n${_TORCHCOMPAT_OFFLINE_HELP}")
  endif()
endfunction()

function(
  _torchcompat_verify_hash
  file
  actual
  expected
  expected_from
  url
  is_download)
  if(expected STREQUAL "" OR actual STREQUAL expected)
    return()
  endif()
  if(is_download)
    file(REMOVE "${file}")
    set(fate "The downloaded file was deleted")
  else()
    set(fate "The local archive ${file} was not used")
  endif()
  message(
    FATAL_ERROR
      "TorchCompat: SHA-256 mismatch for ${url}\n"
      "  expected: ${expected} (${expected_from})\n"
      "  actual:   ${actual}\n"
      "${fate}; the cache is unchanged. If the archive really changed, remove its line from the "
      "lock file (or update SHA256) and configure again.")
endfunction()

# Refuses entries that would land outside the extraction directory, before anything is written:
# `cmake -E tar` itself extracts "../x" and "/x" as is.
function(_torchcompat_check_archive_entries archive what out_error)
  set(${out_error} "" PARENT_SCOPE)
  execute_process(
    COMMAND "${CMAKE_COMMAND}" -E tar tvf "${archive}"
    RESULT_VARIABLE rc
    OUTPUT_VARIABLE listing
    ERROR_VARIABLE errors)
  if(NOT rc EQUAL 0)
    set(${out_error} "TorchCompat: cannot read archive ${archive}: ${errors}" PARENT_SCOPE)
    return()
  endif()
  string(REPLACE ";" "\\;" listing "${listing}")
  string(REPLACE "\n" ";" lines "${listing}")
  set(bad "")
  foreach(line IN LISTS lines)
    if(line STREQUAL "")
      continue()
    endif()
    # perms links uid gid size <3 date fields> name [-> target]
    if(NOT line MATCHES "^([^ ]+) +[^ ]+ +[^ ]+ +[^ ]+ +[^ ]+ +[^ ]+ +[^ ]+ +[^ ]+ (.+)$")
      set(${out_error} "TorchCompat: cannot read the listing of ${archive}: \"${line}\""
          PARENT_SCOPE)
      return()
    endif()
    set(mode "${CMAKE_MATCH_1}")
    set(name "${CMAKE_MATCH_2}")
    set(target "")
    if(mode MATCHES "^[lh]" AND name MATCHES "^(.+) (->|link to) (.+)$")
      set(name "${CMAKE_MATCH_1}")
      set(target "${CMAKE_MATCH_3}")
    endif()
    if(name MATCHES "^[/\\\\]" OR name MATCHES "^[A-Za-z]:" OR name MATCHES
                                                               "(^|[/\\\\])\\.\\.([/\\\\]|$)")
      list(APPEND bad "${name}")
    elseif(NOT target STREQUAL "")
      get_filename_component(link_dir "${name}" DIRECTORY)
      set(resolved "${link_dir}/${target}")
      if(target MATCHES "^[/\\\\]" OR target MATCHES "^[A-Za-z]:")
        list(APPEND bad "${name} -> ${target}")
      else()
        cmake_path(NORMAL_PATH resolved)
        if(resolved MATCHES "^\\.\\.([/\\\\]|$)" OR resolved MATCHES "^[/\\\\]")
          list(APPEND bad "${name} -> ${target}")
        endif()
      endif()
    endif()
  endforeach()
  if(bad)
    list(LENGTH bad count)
    list(SUBLIST bad 0 5 shown)
    list(JOIN shown "\n  " shown)
    set(${out_error}
        "TorchCompat: refusing archive ${what}: ${count} entries point outside the extraction "
        "directory (absolute paths or \"..\"), e.g.\n  ${shown}\nNothing was extracted.")
    string(JOIN "" ${out_error} ${${out_error}})
    set(${out_error} "${${out_error}}" PARENT_SCOPE)
  endif()
endfunction()

# Extracts into a temporary sibling, then renames into place; returns the tree's name relative to
# entry_dir.
function(_torchcompat_extract archive entry_dir out_tree out_error)
  set(${out_error} "" PARENT_SCOPE)
  _torchcompat_temp_suffix(suffix)
  set(staging "${entry_dir}/extract-${suffix}.tmp")
  file(MAKE_DIRECTORY "${staging}")
  message(STATUS "TorchCompat: extracting ${archive}")
  execute_process(
    COMMAND "${CMAKE_COMMAND}" -E tar xf "${archive}"
    WORKING_DIRECTORY "${staging}"
    RESULT_VARIABLE rc
    ERROR_VARIABLE errors)
  if(NOT rc EQUAL 0)
    file(REMOVE_RECURSE "${staging}")
    set(${out_error} "TorchCompat: extracting ${archive} failed: ${errors}" PARENT_SCOPE)
    return()
  endif()
  file(GLOB top RELATIVE "${staging}" "${staging}/*" "${staging}/.*")
  list(LENGTH top top_count)
  if(top_count EQUAL 1
     AND IS_DIRECTORY "${staging}/${top}"
     AND NOT top MATCHES "\\.tmp$"
     AND NOT top STREQUAL "torchcompat-stamp.txt")
    set(tree "${top}")
    set(from "${staging}/${top}")
  else()
    set(tree "tree")
    set(from "${staging}")
  endif()
  if(EXISTS "${entry_dir}/${tree}")
    file(REMOVE_RECURSE "${entry_dir}/${tree}")
  endif()
  file(RENAME "${from}" "${entry_dir}/${tree}")
  file(REMOVE_RECURSE "${staging}")
  set(${out_tree} "${tree}" PARENT_SCOPE)
endfunction()

function(_torchcompat_fetch_archive)
  cmake_parse_arguments(PARSE_ARGV 0 arg "ALLOW_HTTP"
                        "URL;SHA256;LOCK_FILE;LOCK_KEY;CACHE_DIR;ARCHIVE;RESULT_DIR_VARIABLE" "")
  if(arg_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "TorchCompat: _torchcompat_fetch_archive: unknown arguments: "
                        "${arg_UNPARSED_ARGUMENTS}")
  endif()
  foreach(required IN ITEMS URL RESULT_DIR_VARIABLE)
    if("${arg_${required}}" STREQUAL "")
      message(FATAL_ERROR "TorchCompat: _torchcompat_fetch_archive: ${required} is required")
    endif()
  endforeach()

  set(url "${arg_URL}")
  set(key "${arg_LOCK_KEY}")
  if(key STREQUAL "")
    set(key "${url}")
  endif()

  set(pinned "")
  if(NOT "${arg_SHA256}" STREQUAL "")
    string(TOLOWER "${arg_SHA256}" pinned)
    string(REPEAT "[0-9a-f]" 64 hex64)
    if(NOT pinned MATCHES "^${hex64}$")
      message(
        FATAL_ERROR "TorchCompat: SHA256 must be 64 hexadecimal digits; got \"${arg_SHA256}\"")
    endif()
  endif()

  set(archive "")
  if(NOT "${arg_ARCHIVE}" STREQUAL "")
    get_filename_component(archive "${arg_ARCHIVE}" ABSOLUTE)
    if(NOT EXISTS "${archive}" OR IS_DIRECTORY "${archive}")
      message(FATAL_ERROR "TorchCompat: ARCHIVE ${arg_ARCHIVE} is not a file")
    endif()
  else()
    set(allow_http ${arg_ALLOW_HTTP})
    if(NOT allow_http)
      _torchcompat_truthy(allow_http TORCHCOMPAT_ALLOW_HTTP)
    endif()
    _torchcompat_check_url_scheme("${url}" "${allow_http}")
  endif()

  set(cache_dir "${arg_CACHE_DIR}")
  if(cache_dir STREQUAL "")
    _torchcompat_default_cache_dir(cache_dir)
  endif()
  get_filename_component(cache_dir "${cache_dir}" ABSOLUTE)
  string(SHA256 key_hash "${key}")
  string(SUBSTRING "${key_hash}" 0 20 key_hash)
  set(entry_dir "${cache_dir}/libtorch/${key_hash}")

  set(lock_file "")
  if(NOT "${arg_LOCK_FILE}" STREQUAL "")
    get_filename_component(lock_file "${arg_LOCK_FILE}" ABSOLUTE)
  endif()

  # Warm path: reads two small files, takes no lock, touches no network.
  _torchcompat_expected_hash(expected expected_from "${pinned}" "${lock_file}" "${key}")
  _torchcompat_archive_signature(signature "${archive}")
  _torchcompat_stamp_read("${entry_dir}" stamp_hash stamp_tree stamp_source)
  _torchcompat_stamp_usable(usable "${stamp_hash}" "${stamp_source}" "${expected}" "${signature}")
  if(usable AND (lock_file STREQUAL "" OR NOT expected STREQUAL ""))
    set(${arg_RESULT_DIR_VARIABLE} "${entry_dir}/${stamp_tree}" PARENT_SCOPE)
    return()
  endif()

  file(MAKE_DIRECTORY "${entry_dir}")
  set(lock_timeout 3600)
  if(NOT "${TORCHCOMPAT_LOCK_TIMEOUT}" STREQUAL "")
    set(lock_timeout "${TORCHCOMPAT_LOCK_TIMEOUT}")
  endif()
  file(
    LOCK "${entry_dir}.lock"
    GUARD FUNCTION
    TIMEOUT 0
    RESULT_VARIABLE lock_status)
  if(NOT lock_status STREQUAL "0")
    message(STATUS "TorchCompat: waiting for another configure that is fetching ${key}")
    file(
      LOCK "${entry_dir}.lock"
      GUARD FUNCTION
      TIMEOUT ${lock_timeout}
      RESULT_VARIABLE lock_status)
    if(NOT lock_status STREQUAL "0")
      message(FATAL_ERROR "TorchCompat: could not lock ${entry_dir}.lock within "
                          "${lock_timeout} s (TORCHCOMPAT_LOCK_TIMEOUT): ${lock_status}")
    endif()
  endif()

  # Another configure may have finished while this one waited.
  _torchcompat_expected_hash(expected expected_from "${pinned}" "${lock_file}" "${key}")
  _torchcompat_stamp_read("${entry_dir}" stamp_hash stamp_tree stamp_source)
  _torchcompat_stamp_usable(usable "${stamp_hash}" "${stamp_source}" "${expected}" "${signature}")
  if(NOT usable)
    _torchcompat_fill_entry(
      "${entry_dir}"
      "${url}"
      "${archive}"
      "${expected}"
      "${expected_from}"
      "${signature}"
      stamp_hash
      stamp_tree)
  endif()
  if(NOT lock_file STREQUAL "" AND expected STREQUAL "")
    _torchcompat_lock_record("${lock_file}" "${key}" "${stamp_hash}")
  endif()
  set(${arg_RESULT_DIR_VARIABLE} "${entry_dir}/${stamp_tree}" PARENT_SCOPE)
endfunction()

function(_torchcompat_expected_hash out_hash out_from pinned lock_file key)
  set(hash "${pinned}")
  set(from "SHA256 argument")
  if(hash STREQUAL "" AND NOT lock_file STREQUAL "")
    _torchcompat_lock_lookup("${lock_file}" "${key}" hash)
    set(from "recorded in ${lock_file}")
  endif()
  set(${out_hash} "${hash}" PARENT_SCOPE)
  set(${out_from} "${from}" PARENT_SCOPE)
endfunction()

function(_torchcompat_stamp_usable out stamp_hash stamp_source expected signature)
  set(usable FALSE)
  if(NOT stamp_hash STREQUAL "")
    if(NOT expected STREQUAL "")
      # The hash identifies the content, wherever it came from.
      if(stamp_hash STREQUAL expected)
        set(usable TRUE)
      endif()
    elseif(signature STREQUAL "download" OR signature STREQUAL stamp_source)
      set(usable TRUE)
    endif()
  endif()
  set(${out} ${usable} PARENT_SCOPE)
endfunction()

# Runs under the entry's lock: leftovers of interrupted runs are garbage.
function(
  _torchcompat_fill_entry
  entry_dir
  url
  archive
  expected
  expected_from
  signature
  out_hash
  out_tree)
  file(GLOB leftovers "${entry_dir}/*.tmp" "${entry_dir}/*.part")
  if(leftovers)
    file(REMOVE_RECURSE ${leftovers})
  endif()

  if(archive STREQUAL "")
    _torchcompat_temp_suffix(suffix)
    string(REGEX REPLACE "^.*/" "" file_name "${url}")
    string(REGEX REPLACE "[?#].*$" "" file_name "${file_name}")
    string(REGEX REPLACE "[^A-Za-z0-9._+-]" "_" file_name "${file_name}")
    set(source_file "${entry_dir}/${suffix}-${file_name}.part")
    set(is_download TRUE)
    set(what "${url}")
    _torchcompat_download("${url}" "${source_file}")
  else()
    set(source_file "${archive}")
    set(is_download FALSE)
    set(what "${archive}")
  endif()

  file(SHA256 "${source_file}" actual)
  _torchcompat_verify_hash("${source_file}" "${actual}" "${expected}" "${expected_from}" "${url}"
                           ${is_download})
  # A corrupt or hostile archive fails here or in extraction; a download must not stay behind then.
  _torchcompat_check_archive_entries("${source_file}" "${what}" error)
  if(error STREQUAL "")
    # The old tree, if any, is about to be replaced: unmark it first.
    file(REMOVE "${entry_dir}/torchcompat-stamp.txt")
    _torchcompat_extract("${source_file}" "${entry_dir}" tree error)
  endif()
  if(NOT error STREQUAL "")
    if(is_download)
      file(REMOVE "${source_file}")
      string(APPEND error "\nThe downloaded file was deleted.")
    endif()
    message(FATAL_ERROR "${error}")
  endif()
  _torchcompat_stamp_write("${entry_dir}" "${actual}" "${tree}" "${signature}" "${url}")
  if(is_download)
    file(REMOVE "${source_file}")
  endif()
  message(STATUS "TorchCompat: ${url} ready in ${entry_dir}/${tree}")
  set(${out_hash} "${actual}" PARENT_SCOPE)
  set(${out_tree} "${tree}" PARENT_SCOPE)
endfunction()
