#[=======================================================================[.rst:
TorchCompatDownload
-------------------

Internal: fetches an archive into the per-user cache, verifies it and
extracts it atomically. Used by :command:`torchcompat_fetch_libtorch`. The
steps live in their own modules: ``TorchCompatFetchTransfer`` (download),
``TorchCompatFetchPins`` (lock file and pin store),
``TorchCompatFetchValidate`` (the archive's listing against a model of the
tree, with ``TorchCompatFetchZipIndex`` for a zip's central directory),
``TorchCompatFetchExtract`` (extraction and its check),
``TorchCompatFetchCache`` (the cache's layout and stamp) and
``TorchCompatFetchKnobs`` (knob values and paths).

.. command:: _torchcompat_fetch_archive

  ::

    _torchcompat_fetch_archive(
      URL <url>
      [SHA256 <hex>]
      [LOCK_FILE <path> [LOCK_FILE_FALLBACK]] [PIN_STORE]
      [LOCK_KEY <string>]
      [CACHE_DIR <dir>]
      [ARCHIVE <local-archive>]
      [ALLOW_HTTP]
      RESULT_DIR_VARIABLE <var>)

  Sets ``<var>`` to the extracted tree: ``<cache>/libtorch/<key>/<top>``,
  where ``<key>`` is a hash of ``LOCK_KEY`` (default: ``URL``) and ``<top>``
  the archive's single top-level directory.

  * The archive's SHA-256 must equal ``SHA256``, else the hash recorded for
    ``LOCK_KEY`` in the store: ``LOCK_FILE``, or with ``PIN_STORE`` and no
    ``LOCK_FILE`` the per-user pin store (``_torchcompat_pin_store``). With
    ``LOCK_FILE_FALLBACK``, a ``LOCK_FILE`` in a directory that cannot be
    written and that lacks the line gives way to the pin store. With no
    recorded hash, the hash of the first fully verified fetch is recorded.
  * ``ARCHIVE`` uses a local regular file in place of downloading ``URL``;
    it is first hard-linked (else copied) into the entry's private folder,
    and that is what is hashed, checked and extracted (a file renamed over
    the user's path meanwhile changes nothing); the user's file is never
    modified.
  * ``http://`` is refused unless ``ALLOW_HTTP`` or ``TORCHCOMPAT_ALLOW_HTTP``
    is true, also as a redirect's target; TLS certificates are always
    verified.
  * Relative ``CACHE_DIR``, ``LOCK_FILE`` and ``ARCHIVE`` are taken relative
    to the build directory.
  * The verdict (the stamp, then the recorded hash) is written only after the
    transfer, the hash, the archive's listing, the extraction and the
    extracted tree were all verified. A failure names the step, removes what
    this run wrote, and leaves the entry to be fetched afresh next time.
  * Work on one cache entry happens under a file lock, in temporary names
    renamed into place, so concurrent configures share one download and an
    interrupted one leaves nothing that is ever used.
  * With the tree in place (its stamp file written last), nothing is
    downloaded, hashed or extracted.

Knobs read (variable, else environment variable): ``TORCHCOMPAT_CACHE_DIR``,
``TORCHCOMPAT_ALLOW_HTTP``, ``TORCHCOMPAT_LOCK_TIMEOUT`` (seconds to wait for
another configure's fetch, default 3600), ``TORCHCOMPAT_DOWNLOAD_TIMEOUT``,
``TORCHCOMPAT_INACTIVITY_TIMEOUT``, ``TORCHCOMPAT_MAX_ENTRIES``,
``TORCHCOMPAT_MAX_UNPACKED_SIZE``.
#]=======================================================================]

include_guard(GLOBAL)
# Functions keep the policies in force where they are defined: these, whatever the caller set.
cmake_policy(PUSH)
cmake_policy(VERSION 3.22...4.4)

include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatFetchKnobs.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatFetchCache.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatFetchTransfer.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatFetchPins.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatFetchValidate.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatFetchExtract.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/../common/TorchCompatPrivateDir.cmake")

function(_torchcompat_fetch_archive)
  set(one_value
      URL
      SHA256
      LOCK_FILE
      LOCK_KEY
      CACHE_DIR
      ARCHIVE
      RESULT_DIR_VARIABLE)
  cmake_parse_arguments(PARSE_ARGV 0 arg "ALLOW_HTTP;PIN_STORE;LOCK_FILE_FALLBACK" "${one_value}"
                        "")
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
    # The key is shown, locked on and recorded in pins: never with a mirror's credentials.
    _torchcompat_redact_credentials(key "${url}")
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

  set(allow_http ${arg_ALLOW_HTTP})
  if(NOT allow_http)
    _torchcompat_truthy(allow_http TORCHCOMPAT_ALLOW_HTTP)
  endif()
  set(archive "")
  if(NOT "${arg_ARCHIVE}" STREQUAL "")
    _torchcompat_fetch_path(archive "${arg_ARCHIVE}" "ARCHIVE (TORCHCOMPAT_LIBTORCH_ARCHIVE)")
    _torchcompat_require_archive_file("${archive}")
  else()
    _torchcompat_check_url_scheme("${url}" "${allow_http}")
  endif()

  set(cache_what "CACHE_DIR (TORCHCOMPAT_CACHE_DIR)")
  if("${arg_CACHE_DIR}" STREQUAL "")
    _torchcompat_default_cache_dir(cache_dir cache_what)
  else()
    _torchcompat_fetch_path(cache_dir "${arg_CACHE_DIR}" "${cache_what}")
  endif()
  string(SHA256 key_hash "${key}")
  string(SUBSTRING "${key_hash}" 0 20 key_hash)
  set(entry_dir "${cache_dir}/libtorch/${key_hash}")

  set(lock_what "LOCK_FILE (TORCHCOMPAT_LOCK_FILE)")
  set(store "")
  set(lock_file_path "")
  if(NOT "${arg_LOCK_FILE}" STREQUAL "")
    _torchcompat_fetch_path(store "${arg_LOCK_FILE}" "${lock_what}")
    set(lock_file_path "${store}")
  elseif(arg_PIN_STORE)
    _torchcompat_pin_store(store)
  endif()

  # A stamp (and the tree it vouches for) is trusted only in a folder no other user could have
  # prepared: checked before it is read, also on the warm path, and before a fetch fills it.
  set(private_fix
      "set ${cache_what} to a folder that only you can write (or remove the others' write access)")
  if(EXISTS "${entry_dir}" OR IS_SYMLINK "${entry_dir}")
    _torchcompat_require_private_dir("${entry_dir}" "the libtorch cache folder" "${private_fix}")
  endif()

  # Warm path: reads two small files, takes no lock, touches no network.
  _torchcompat_expected_hash(
    expected
    expected_from
    store
    "${pinned}"
    "${store}"
    "${key}"
    "${arg_LOCK_FILE_FALLBACK}"
    "${cache_dir}")
  _torchcompat_archive_signature(signature "${archive}")
  _torchcompat_stamp_read("${entry_dir}" stamp_hash stamp_tree stamp_source)
  _torchcompat_stamp_usable(usable "${stamp_hash}" "${stamp_source}" "${expected}" "${signature}")
  if(usable AND (store STREQUAL "" OR NOT expected STREQUAL ""))
    set(${arg_RESULT_DIR_VARIABLE} "${entry_dir}/${stamp_tree}" PARENT_SCOPE)
    return()
  endif()

  _torchcompat_require_writable_dir("${cache_dir}/libtorch" "${cache_what}")
  if(expected STREQUAL "" AND NOT store STREQUAL "")
    # Found out now, not after a download of gigabytes.
    get_filename_component(store_dir "${store}" DIRECTORY)
    get_filename_component(store_name "${store}" NAME)
    if(store_name STREQUAL "pins.txt" AND NOT store STREQUAL lock_file_path)
      set(store_what "TORCHCOMPAT_STATE_DIR")
    else()
      set(store_what "${lock_what}")
    endif()
    _torchcompat_require_writable_dir("${store_dir}" "${store_what}")
  endif()
  _torchcompat_knob_number(lock_timeout TORCHCOMPAT_LOCK_TIMEOUT 3600)
  # Read again at extraction; a bad value is found now, not after a download.
  _torchcompat_extract_jobs(ignored)
  _torchcompat_require_private_dir("${entry_dir}" "the libtorch cache folder" "${private_fix}")
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
  _torchcompat_expected_hash(
    expected
    expected_from
    store
    "${pinned}"
    "${store}"
    "${key}"
    "${arg_LOCK_FILE_FALLBACK}"
    "${cache_dir}")
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
      "${allow_http}"
      stamp_hash
      stamp_tree)
  endif()
  if(NOT store STREQUAL "" AND expected STREQUAL "")
    _torchcompat_pins_record("${store}" "${key}" "${stamp_hash}" "${cache_dir}" error)
    if(NOT error STREQUAL "")
      _torchcompat_redact_credentials(shown_url "${url}")
      message(FATAL_ERROR "TorchCompat: the archive ${shown_url} was verified and extracted to "
                          "${entry_dir}/${stamp_tree}, but recording its hash failed: ${error}")
    endif()
  endif()
  set(${arg_RESULT_DIR_VARIABLE} "${entry_dir}/${stamp_tree}" PARENT_SCOPE)
endfunction()

# Special files (/dev/zero, a FIFO) report size 0 and would make hashing hang: only a non-empty
# file is taken. CMake has no test for a regular file; a size of zero covers the special ones.
function(_torchcompat_require_archive_file archive)
  set(problem "")
  if(NOT EXISTS "${archive}")
    set(problem "does not exist")
  elseif(IS_DIRECTORY "${archive}")
    set(problem "is a directory")
  else()
    file(SIZE "${archive}" size)
    if(size EQUAL 0)
      set(problem "is empty or not a regular file (a device or a pipe)")
    endif()
  endif()
  if(NOT problem STREQUAL "")
    message(FATAL_ERROR "TorchCompat: ARCHIVE ${archive} ${problem}; "
                        "TORCHCOMPAT_LIBTORCH_ARCHIVE must name a libtorch archive file.")
  endif()
endfunction()

# The hash to enforce, and where it came from. A lock file that lacks the line and cannot be written
# gives way, with LOCK_FILE_FALLBACK, to the pin store (out_store says which one is in force).
function(
  _torchcompat_expected_hash
  out_hash
  out_from
  out_store
  pinned
  store
  key
  fallback
  cache_dir)
  set(hash "${pinned}")
  set(from "SHA256 argument")
  if(hash STREQUAL "" AND NOT store STREQUAL "")
    _torchcompat_pins_lookup("${store}" "${key}" hash)
    set(from "recorded in ${store}")
    if(hash STREQUAL "" AND fallback)
      get_filename_component(store_dir "${store}" DIRECTORY)
      _torchcompat_dir_writable(writable "${store_dir}")
      if(NOT writable)
        _torchcompat_pin_store(store)
        _torchcompat_pins_lookup("${store}" "${key}" hash)
        set(from "recorded in ${store}")
        if(hash STREQUAL "")
          message(STATUS "TorchCompat: ${store_dir} is not writable; the archive's hash goes to "
                         "the per-user pin store ${store}")
        endif()
      endif()
    endif()
  endif()
  set(${out_hash} "${hash}" PARENT_SCOPE)
  set(${out_from} "${from}" PARENT_SCOPE)
  set(${out_store} "${store}" PARENT_SCOPE)
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

# Stops with the step that failed and what was removed; the cache entry keeps no stamp, so the next
# configure starts over.
function(_torchcompat_fetch_failed step what detail removed)
  string(REGEX REPLACE "\\.$" "" detail "${detail}")
  message(FATAL_ERROR "TorchCompat: fetching ${what} failed at the ${step} step: ${detail}.\n"
                      "${removed} Nothing was recorded; the next configure starts over.")
endfunction()

# Links the local archive into the entry folder (private, under the entry's lock) as a .part file,
# which the next configure removes if this one dies: a file renamed over the user's path later is
# another file, and this link keeps the one that was there. Across file systems (or where the
# kernel refuses to link another user's file) it is copied instead. A child process reports a
# failed copy (a full disk) as a result code instead of stopping with CMake's own text.
function(_torchcompat_private_copy out_file out_error archive entry_dir)
  _torchcompat_temp_suffix(suffix)
  get_filename_component(name "${archive}" NAME)
  string(REGEX REPLACE "[^A-Za-z0-9._+-]" "_" name "${name}")
  set(copy "${entry_dir}/${suffix}-${name}.part")
  file(CREATE_LINK "${archive}" "${copy}" RESULT rc)
  if(NOT rc EQUAL 0)
    execute_process(COMMAND "${CMAKE_COMMAND}" -E copy "${archive}" "${copy}" RESULT_VARIABLE rc
                    OUTPUT_QUIET ERROR_QUIET)
  endif()
  set(error "")
  set(size 0)
  if(EXISTS "${copy}")
    file(SIZE "${copy}" size)
  endif()
  if(NOT rc EQUAL 0 OR size EQUAL 0)
    _torchcompat_disk_note(note "${entry_dir}")
    file(REMOVE "${copy}")
    set(error "it could not be copied into the cache folder ${entry_dir} first. ${note}")
  endif()
  set(${out_file} "${copy}" PARENT_SCOPE)
  set(${out_error} "${error}" PARENT_SCOPE)
endfunction()

# Stops on a hash that is not the expected one (none expected: any passes), with both hashes; the
# private copy is removed and nothing was recorded or replaced.
function(
  _torchcompat_hash_verdict
  actual
  expected
  expected_from
  source_file
  shown_url
  archive)
  if(expected STREQUAL "" OR actual STREQUAL expected)
    return()
  endif()
  file(REMOVE "${source_file}")
  if(archive STREQUAL "")
    set(fate "The downloaded file was deleted")
  else()
    set(fate "The local archive ${archive} was not used")
  endif()
  _torchcompat_stop_on_mismatch(
    "${shown_url}"
    "${expected}"
    "${expected_from}"
    "${actual}"
    "${fate}"
    "If the archive really changed upstream, remove its line (or update SHA256) and configure again."
  )
endfunction()

# The one message for a file whose SHA-256 is not the expected one, archive or wheel: both
# hashes, what became of the file (<fate>), and what to do (<advice>).
function(
  _torchcompat_stop_on_mismatch
  shown_url
  expected
  expected_from
  actual
  fate
  advice)
  message(
    FATAL_ERROR
      "TorchCompat: SHA-256 mismatch for ${shown_url} (the hash check step failed)\n"
      "  expected: ${expected} (${expected_from})\n" "  actual:   ${actual}\n"
      "${fate}. Nothing was recorded and the cache is unchanged. ${advice}")
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
  allow_http
  out_hash
  out_tree)
  _torchcompat_remove_leftovers("${entry_dir}")
  # A mirror's credentials stay in the URL that is fetched, never in what is shown or stamped.
  _torchcompat_redact_credentials(shown_url "${url}")

  # The format comes from the name (the download's, or the local archive's when it has a known
  # extension), before any byte is fetched.
  string(REGEX REPLACE "[?#].*$" "" file_name "${url}")
  string(REGEX REPLACE "^.*/" "" file_name "${file_name}")
  set(format "")
  if(NOT archive STREQUAL "")
    _torchcompat_archive_format(format "${archive}")
  endif()
  if(format STREQUAL "")
    _torchcompat_archive_format(format "${file_name}")
  endif()
  if(archive STREQUAL "")
    set(what "${shown_url}")
    set(removed "The download was deleted.")
  else()
    set(what "${archive}")
    set(removed "The local archive was left as it is.")
  endif()
  if(format STREQUAL "")
    _torchcompat_fetch_failed(
      "archive check" "${what}"
      "its name ends in none of .zip, .tar, .tar.gz, .tgz, .tar.bz2, .tar.xz, .tar.zst"
      "Nothing was downloaded or extracted.")
  endif()

  if(archive STREQUAL "")
    _torchcompat_temp_suffix(suffix)
    string(REGEX REPLACE "[^A-Za-z0-9._+-]" "_" safe_name "${file_name}")
    set(source_file "${entry_dir}/${suffix}-${safe_name}.part")
    _torchcompat_download("${url}" "${source_file}" "${allow_http}" error final_url)
    if(NOT error STREQUAL "")
      _torchcompat_offline_help(offline_help "${url}")
      _torchcompat_fetch_failed(download "${shown_url}" "${error}"
                                "Nothing was added to the cache.\n${offline_help}\n")
    endif()
    if(NOT final_url STREQUAL url)
      _torchcompat_redact_credentials(final_url "${final_url}")
      message(STATUS "TorchCompat: ${shown_url} was served by ${final_url}")
    endif()
  else()
    # Every later step (hash, listings, checks, extraction) reads a private copy: the user's file
    # may be replaced between two of them, and each would then see another archive.
    _torchcompat_private_copy(source_file error "${archive}" "${entry_dir}")
    if(NOT error STREQUAL "")
      _torchcompat_fetch_failed("archive copy" "${what}" "${error}" "${removed}")
    endif()
  endif()

  # The listing is read and checked first; the hash is computed while the archive is extracted
  # (see _torchcompat_extract), and a mismatch stops before the tree is checked or moved. An archive
  # refused before that is hashed here: a wrong hash is the better explanation of a wrong archive.
  _torchcompat_archive_model("${source_file}" "${format}" model)
  if(NOT model_ERROR STREQUAL "")
    if(NOT expected STREQUAL "")
      file(SHA256 "${source_file}" actual)
      _torchcompat_hash_verdict("${actual}" "${expected}" "${expected_from}" "${source_file}"
                                "${shown_url}" "${archive}")
    endif()
    file(REMOVE "${source_file}")
    _torchcompat_fetch_failed("archive check" "${what}" "refusing archive ${what}: ${model_ERROR}"
                              "Nothing was extracted. ${removed}")
  endif()

  # Named as the user knows it (the URL, or their ARCHIVE), not by its private copy.
  message(STATUS "TorchCompat: extracting ${what}")
  _torchcompat_extract("${source_file}" "${entry_dir}" model error actual "${expected}")
  if(actual STREQUAL "")
    # Stopped before extracting (no room on the disk): nothing was hashed yet.
    file(SHA256 "${source_file}" actual)
  endif()
  _torchcompat_hash_verdict("${actual}" "${expected}" "${expected_from}" "${source_file}"
                            "${shown_url}" "${archive}")
  file(REMOVE "${source_file}")
  if(NOT error STREQUAL "")
    _torchcompat_fetch_failed(extraction "${what}" "${error}" "${removed}")
  endif()

  _torchcompat_stamp_write("${entry_dir}" "${actual}" "${model_TOP}" "${signature}" "${shown_url}"
                           error)
  if(NOT error STREQUAL "")
    file(REMOVE_RECURSE "${entry_dir}/${model_TOP}")
    _torchcompat_fetch_failed(stamp "${what}" "${error}"
                              "The extracted tree ${entry_dir}/${model_TOP} was removed.")
  endif()
  message(STATUS "TorchCompat: ${shown_url} ready in ${entry_dir}/${model_TOP}")
  set(${out_hash} "${actual}" PARENT_SCOPE)
  set(${out_tree} "${model_TOP}" PARENT_SCOPE)
endfunction()

cmake_policy(POP)
