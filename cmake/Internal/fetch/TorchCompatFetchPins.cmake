#[=======================================================================[.rst:
TorchCompatFetchPins
--------------------

Internal: where the SHA-256 of each archive is remembered: a project's lock
file (``torchcompat.lock``, committed with its sources), or the per-user pin
store ``pins.txt`` (like SSH's ``known_hosts``) for projects that do not call
the fetch themselves. The pin store lives in a per-user state folder, not in
the cache, so that clearing the cache does not reset trust. Both have one line per archive,
``<sha256>  <official-url>``, sorted, like ``sha256sum`` output.

.. command:: _torchcompat_pin_store

  ::

    _torchcompat_pin_store(<out-var>)

  The pin store's path: ``pins.txt`` in ``TORCHCOMPAT_STATE_DIR`` (variable,
  else environment), else ``$XDG_STATE_HOME/torchcompat``,
  ``~/.local/state/torchcompat``, ``~/Library/Application Support/torchcompat``
  or ``%LOCALAPPDATA%/torchcompat-state``. The folder must be this user's
  alone (created private when missing); one another user owns or may write is
  refused.

.. command:: _torchcompat_pins_lookup

  ::

    _torchcompat_pins_lookup(<file> <key> <out-var>)

  The hash recorded for ``<key>``, or empty. A malformed line is an error.

.. command:: _torchcompat_pins_record

  ::

    _torchcompat_pins_record(<file> <key> <hash> <cache-dir> <error-var>)

  Adds the line under a file lock kept in ``<cache-dir>/locks/`` (not beside
  ``<file>``, which may sit in a source tree): read, modify and write happen
  under that lock, so concurrent configures never lose each other's lines.
  Written through a temporary file that is read back before it is renamed
  over ``<file>``. A line recorded meanwhile with another hash for the same
  key is an error, not overwritten.
#]=======================================================================]

include_guard(GLOBAL)
# Functions keep the policies in force where they are defined: these, whatever the caller set.
cmake_policy(PUSH)
cmake_policy(VERSION 3.22...4.4)

include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatFetchKnobs.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatFetchCache.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/../common/TorchCompatPrivateDir.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/../common/TorchCompatHostCache.cmake")

function(_torchcompat_pin_store out_var)
  _torchcompat_knob_value(dir TORCHCOMPAT_STATE_DIR)
  set(what "TORCHCOMPAT_STATE_DIR")
  if(dir STREQUAL "")
    set(what "the per-user state folder (set TORCHCOMPAT_STATE_DIR to choose another)")
    _torchcompat_host_user_dir(dir state)
    if(dir STREQUAL "")
      message(FATAL_ERROR "TorchCompat: no folder for the pin store: set TORCHCOMPAT_STATE_DIR "
                          "(neither HOME nor XDG_STATE_HOME is set)")
    endif()
  endif()
  _torchcompat_fetch_path(dir "${dir}" "${what}")
  _torchcompat_require_private_dir("${dir}" "the pin store's folder"
                                   "set TORCHCOMPAT_STATE_DIR to a folder of your own")
  set(${out_var} "${dir}/pins.txt" PARENT_SCOPE)
endfunction()

function(_torchcompat_pins_read file out_keys out_hashes)
  set(keys "")
  set(hashes "")
  string(REPEAT "[0-9a-f]" 64 hex64)
  if(EXISTS "${file}")
    file(STRINGS "${file}" lines)
    foreach(line IN LISTS lines)
      if(line MATCHES "^[ \t]*(#|$)")
        continue()
      endif()
      if(NOT line MATCHES "^(${hex64})  ([^ ].*)$")
        message(FATAL_ERROR "TorchCompat: malformed line in lock file ${file}: \"${line}\" "
                            "(expected \"<sha256>  <url>\"); fix or delete that line.")
      endif()
      list(APPEND hashes "${CMAKE_MATCH_1}")
      list(APPEND keys "${CMAKE_MATCH_2}")
    endforeach()
  endif()
  set(${out_keys} "${keys}" PARENT_SCOPE)
  set(${out_hashes} "${hashes}" PARENT_SCOPE)
endfunction()

function(_torchcompat_pins_lookup file key out)
  _torchcompat_pins_read("${file}" keys hashes)
  list(FIND keys "${key}" index)
  set(hash "")
  if(index GREATER -1)
    list(GET hashes ${index} hash)
  endif()
  set(${out} "${hash}" PARENT_SCOPE)
endfunction()

function(_torchcompat_pins_record file key hash cache_dir out_error)
  set(${out_error} "" PARENT_SCOPE)
  string(SHA256 file_key "${file}")
  string(SUBSTRING "${file_key}" 0 20 file_key)
  _torchcompat_knob_number(lock_timeout TORCHCOMPAT_LOCK_TIMEOUT 3600)
  file(MAKE_DIRECTORY "${cache_dir}/locks")
  file(
    LOCK "${cache_dir}/locks/pins-${file_key}.lock"
    GUARD FUNCTION
    TIMEOUT ${lock_timeout}
    RESULT_VARIABLE lock_status)
  if(NOT lock_status STREQUAL "0")
    set(${out_error} "could not lock ${file} for writing within ${lock_timeout} s "
                     "(TORCHCOMPAT_LOCK_TIMEOUT): ${lock_status}" PARENT_SCOPE)
    return()
  endif()

  # Under the lock no live configure is writing this file: temporaries beside it are leftovers of
  # a killed one.
  get_filename_component(dir "${file}" DIRECTORY)
  get_filename_component(name "${file}" NAME)
  file(GLOB leftovers RELATIVE "${dir}" "${dir}/${name}.*.tmp")
  foreach(leftover IN LISTS leftovers)
    if(leftover MATCHES "^.+\\.[0-9a-z]+\\.tmp$")
      file(REMOVE "${dir}/${leftover}")
    endif()
  endforeach()

  _torchcompat_pins_read("${file}" keys hashes)
  list(FIND keys "${key}" index)
  if(index GREATER -1)
    list(GET hashes ${index} recorded)
    if(NOT recorded STREQUAL hash)
      string(CONCAT error "${file} meanwhile records ${recorded} for ${key}, not ${hash}: "
                    "check which is right, fix the line and configure again")
      set(${out_error} "${error}" PARENT_SCOPE)
    endif()
    return()
  endif()
  list(APPEND keys "${key}")
  list(APPEND hashes "${hash}")
  set(entries "")
  foreach(k h IN ZIP_LISTS keys hashes)
    list(APPEND entries "${k}  ${h}")
  endforeach()
  list(SORT entries)
  get_filename_component(name "${file}" NAME)
  if(name STREQUAL "pins.txt")
    string(
      CONCAT content
             "# TorchCompat pin store: the SHA-256 of each libtorch archive, recorded on first\n"
             "# download and enforced on every later fetch for this user. To forget one (the\n"
             "# archive at that URL was really replaced), delete its line.\n")
  else()
    string(
      CONCAT content
             "# TorchCompat lock file: the SHA-256 of each libtorch archive, recorded on first\n"
             "# download and enforced on every later fetch. Commit it with your sources.\n")
  endif()
  foreach(entry IN LISTS entries)
    string(REGEX MATCH "^(.+)  ([0-9a-f]+)$" _ "${entry}")
    string(APPEND content "${CMAKE_MATCH_2}  ${CMAKE_MATCH_1}\n")
  endforeach()
  _torchcompat_write_verified("${file}" "${content}" error)
  if(NOT error STREQUAL "")
    set(${out_error} "${error}" PARENT_SCOPE)
    return()
  endif()
  message(STATUS "TorchCompat: recorded SHA-256 ${hash} of ${key} in ${file}")
endfunction()

cmake_policy(POP)
