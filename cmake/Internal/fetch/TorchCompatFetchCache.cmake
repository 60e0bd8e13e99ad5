#[=======================================================================[.rst:
TorchCompatFetchCache
---------------------

Internal: the layout of the per-user cache the fetch keeps its trees in.

::

  <cache>/libtorch/<key>.lock            file lock: one configure fills an entry
  <cache>/libtorch/<key>/<top>/          the extracted tree
  <cache>/libtorch/<key>/torchcompat-stamp.txt   written last: the verdict
  <cache>/libtorch/<key>/*.part, *.tmp   work in progress; removed under the lock

``<key>`` is the first 20 hex digits of the SHA-256 of the archive's
official URL.

.. command:: _torchcompat_default_cache_dir

  ::

    _torchcompat_default_cache_dir(<out-var> <what-var>)

  ``TORCHCOMPAT_CACHE_DIR`` (variable, then environment), else the per-user
  cache directory of the host (``$XDG_CACHE_HOME``/``~/.cache``,
  ``~/Library/Caches``, ``%LOCALAPPDATA%``) plus ``/torchcompat``. Sets
  ``<what-var>`` to the name of the knob that chose it, for errors.

.. command:: _torchcompat_stamp_read

  ::

    _torchcompat_stamp_read(<entry-dir> <hash-var> <tree-var> <source-var>)

.. command:: _torchcompat_stamp_write

  ::

    _torchcompat_stamp_write(<entry-dir> <hash> <tree> <source> <url> <error-var>)

.. command:: _torchcompat_require_writable_dir

  ::

    _torchcompat_require_writable_dir(<dir> <knob-text>)

  Creates ``<dir>`` if needed; stops with one line naming ``<knob-text>``
  when it cannot be created or written.

.. command:: _torchcompat_free_kib

  ::

    _torchcompat_free_kib(<out-var> <dir>)

  Free KiB on the file system holding ``<dir>`` (POSIX ``df``), or empty.

.. command:: _torchcompat_disk_note

  ::

    _torchcompat_disk_note(<out-var> <dir>)

  A sentence saying that the file system holding ``<dir>`` is full, when
  ``df`` reports less than 1 MiB free there; else empty.
#]=======================================================================]

include_guard(GLOBAL)
# Functions keep the policies in force where they are defined: these, whatever the caller set.
cmake_policy(PUSH)
cmake_policy(VERSION 3.22...4.4)

include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatFetchKnobs.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/../common/TorchCompatHostCache.cmake")

function(_torchcompat_default_cache_dir out out_what)
  _torchcompat_knob_value(dir TORCHCOMPAT_CACHE_DIR)
  set(what "TORCHCOMPAT_CACHE_DIR")
  if(dir STREQUAL "")
    set(what "the per-user cache directory (set TORCHCOMPAT_CACHE_DIR to choose another)")
    _torchcompat_host_cache_dir(dir)
    if(dir STREQUAL "")
      message(FATAL_ERROR "TorchCompat: no cache directory: set TORCHCOMPAT_CACHE_DIR "
                          "(neither HOME nor XDG_CACHE_HOME is set)")
    endif()
  endif()
  _torchcompat_fetch_path(dir "${dir}" "${what}")
  set(${out} "${dir}" PARENT_SCOPE)
  set(${out_what} "${what}" PARENT_SCOPE)
endfunction()

# A random suffix keeps temporary names of concurrent configures apart.
function(_torchcompat_temp_suffix out)
  string(RANDOM LENGTH 12 ALPHABET "0123456789abcdefghijklmnopqrstuvwxyz" suffix)
  set(${out} "${suffix}" PARENT_SCOPE)
endfunction()

# file(MAKE_DIRECTORY) and file(WRITE) stop with a raw "file problem" message; a child process
# reports failure as a result code instead.
function(_torchcompat_require_writable_dir dir what)
  _torchcompat_temp_suffix(suffix)
  execute_process(COMMAND "${CMAKE_COMMAND}" -E make_directory "${dir}" RESULT_VARIABLE rc
                  OUTPUT_QUIET ERROR_QUIET)
  if(rc EQUAL 0)
    execute_process(COMMAND "${CMAKE_COMMAND}" -E touch "${dir}/writable-${suffix}.tmp"
                    RESULT_VARIABLE rc OUTPUT_QUIET ERROR_QUIET)
    file(REMOVE "${dir}/writable-${suffix}.tmp")
  endif()
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "TorchCompat: cannot write to ${dir}; set ${what} to a writable "
                        "directory.")
  endif()
endfunction()

function(_torchcompat_dir_writable out dir)
  _torchcompat_temp_suffix(suffix)
  set(writable FALSE)
  if(IS_DIRECTORY "${dir}")
    execute_process(COMMAND "${CMAKE_COMMAND}" -E touch "${dir}/.torchcompat-${suffix}.tmp"
                    RESULT_VARIABLE rc OUTPUT_QUIET ERROR_QUIET)
    if(rc EQUAL 0)
      set(writable TRUE)
      file(REMOVE "${dir}/.torchcompat-${suffix}.tmp")
    endif()
  endif()
  set(${out} ${writable} PARENT_SCOPE)
endfunction()

# Writes through a temporary name, reads it back and renames: a full disk yields a short file that
# file(WRITE) does not report, and a reader must never see half a file.
function(_torchcompat_write_verified file content out_error)
  _torchcompat_temp_suffix(suffix)
  set(temporary "${file}.${suffix}.tmp")
  file(WRITE "${temporary}" "${content}")
  set(back "")
  if(EXISTS "${temporary}")
    file(READ "${temporary}" back)
  endif()
  if(NOT back STREQUAL content)
    file(REMOVE "${temporary}")
    get_filename_component(dir "${file}" DIRECTORY)
    _torchcompat_disk_note(note "${dir}")
    set(${out_error} "writing ${file} failed. ${note}" PARENT_SCOPE)
    return()
  endif()
  file(RENAME "${temporary}" "${file}")
  set(${out_error} "" PARENT_SCOPE)
endfunction()

# Free space in KiB of the file system holding dir, from POSIX df; empty where unknown (no df, as
# on Windows).
function(_torchcompat_free_kib out dir)
  set(free "")
  find_program(_TORCHCOMPAT_DF df)
  mark_as_advanced(_TORCHCOMPAT_DF)
  if(_TORCHCOMPAT_DF AND EXISTS "${dir}")
    execute_process(
      COMMAND "${_TORCHCOMPAT_DF}" -Pk "${dir}"
      RESULT_VARIABLE rc
      OUTPUT_VARIABLE df_out
      ERROR_QUIET)
    # POSIX format: a header, then "<fs> <blocks> <used> <available> <capacity> <mount>".
    if(rc EQUAL 0 AND df_out MATCHES "\n[^\n]* +[0-9]+ +[0-9]+ +([0-9]+) +[0-9]+%")
      set(free "${CMAKE_MATCH_1}")
    endif()
  endif()
  set(${out} "${free}" PARENT_SCOPE)
endfunction()

function(_torchcompat_disk_note out dir)
  set(note "")
  _torchcompat_free_kib(free "${dir}")
  if(NOT free STREQUAL "" AND free LESS 1024)
    string(
      CONCAT note
             "The disk is full: the file system holding ${dir} has ${free} KiB free. Free some "
             "space, or set TORCHCOMPAT_CACHE_DIR to another disk.")
  endif()
  set(${out} "${note}" PARENT_SCOPE)
endfunction()

# ---------------------------------------------------------------------------
# Stamp: written last, after the tree is in place; its presence is the verdict and it carries the
# verified hash, so a warm configure never re-hashes the archive.

function(_torchcompat_stamp_read entry_dir out_hash out_tree out_source)
  set(hash "")
  set(tree "")
  set(source "")
  if(EXISTS "${entry_dir}/torchcompat-stamp.txt")
    file(STRINGS "${entry_dir}/torchcompat-stamp.txt" lines)
    set(complete FALSE)
    foreach(line IN LISTS lines)
      if(line MATCHES "^sha256=([0-9a-f]+)$")
        set(hash "${CMAKE_MATCH_1}")
      elseif(line MATCHES "^tree=([^/]+)$")
        set(tree "${CMAKE_MATCH_1}")
      elseif(line MATCHES "^source=(.*)$")
        set(source "${CMAKE_MATCH_1}")
      elseif(line STREQUAL "end")
        set(complete TRUE)
      endif()
    endforeach()
    if(NOT complete
       OR tree STREQUAL ""
       OR NOT IS_DIRECTORY "${entry_dir}/${tree}"
       OR IS_SYMLINK "${entry_dir}/${tree}")
      set(hash "")
    endif()
  endif()
  set(${out_hash} "${hash}" PARENT_SCOPE)
  set(${out_tree} "${tree}" PARENT_SCOPE)
  set(${out_source} "${source}" PARENT_SCOPE)
endfunction()

function(
  _torchcompat_stamp_write
  entry_dir
  hash
  tree
  source
  url
  out_error)
  _torchcompat_write_verified(
    "${entry_dir}/torchcompat-stamp.txt"
    "sha256=${hash}\ntree=${tree}\nsource=${source}\nurl=${url}\nend\n" error)
  set(${out_error} "${error}" PARENT_SCOPE)
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

# Runs under the entry's lock, so no live configure owns them: leftovers of interrupted runs.
# Relative names: a cache path may hold ";", which a list of absolute paths would split.
function(_torchcompat_remove_leftovers entry_dir)
  file(GLOB leftovers RELATIVE "${entry_dir}" "${entry_dir}/*.tmp" "${entry_dir}/*.part")
  foreach(leftover IN LISTS leftovers)
    file(REMOVE_RECURSE "${entry_dir}/${leftover}")
  endforeach()
endfunction()

cmake_policy(POP)
