#[=======================================================================[.rst:
TorchCompatFetchExtract
-----------------------

Internal: extracts an archive that :command:`_torchcompat_archive_model`
accepted, checks the result against that model, and moves it into place.

.. command:: _torchcompat_extract

  ::

    _torchcompat_extract(<archive> <entry-dir> <model-prefix> <error-var>)

  (The caller says what is being extracted: ``<archive>`` is its private
  copy.)

  Extracts with ``cmake -E tar xvf`` in a child whose complaints fail the
  extraction (a zip entry whose CRC-32 or size does not match its data, a
  compressed tar whose checksum fails: CMake before 4.x only warns and keeps
  the file); the child names each entry on a pipe this process holds, so a
  configure killed meanwhile leaves no process behind that goes on writing
  past the entry it was at. The staging directory ``<entry-dir>/extract-<random>.tmp`` is removed by
  the next configure that takes the entry's lock. After extraction every
  path on disk must be one of the model's, of its kind, every file of its
  size and every link with its target; a short write or anything unexpected
  fails. A full disk is checked before (the free space ``df`` reports must
  hold the listed sizes in 4 KiB blocks plus 1 MiB) and after (less than
  64 KiB left fails: older CMakes only warn about a failed write, and
  libarchive pads the file to its listed size). Then the top
  directory is renamed to ``<entry-dir>/<top>``, replacing an older one.
  On failure the staging directory is removed and ``<error-var>`` says why.
#]=======================================================================]

include_guard(GLOBAL)
# Functions keep the policies in force where they are defined: these, whatever the caller set.
cmake_policy(PUSH)
cmake_policy(VERSION 3.22...4.4)

include("${CMAKE_CURRENT_LIST_DIR}/../tables/TorchCompatArchiveNames.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatFetchCache.cmake")

function(_torchcompat_extract archive entry_dir model out_error)
  set(${out_error} "" PARENT_SCOPE)
  _torchcompat_temp_suffix(suffix)
  set(staging "${entry_dir}/extract-${suffix}.tmp")
  file(MAKE_DIRECTORY "${staging}")
  _torchcompat_free_kib(free "${staging}")
  # What the tree will take on disk: each file rounded up to 4 KiB blocks, a block for each
  # directory and link, plus 1 MiB to spare. Newer CMakes stop the configure when a write fails
  # during file(ARCHIVE_EXTRACT), before anything here could clean up or explain, so the room is
  # made sure of first.
  set(sizes "${${model}_SIZES}")
  set(kinds "${${model}_KINDS}")
  set(needed_kib 1024)
  foreach(size kind IN ZIP_LISTS sizes kinds)
    if(kind STREQUAL "f")
      math(EXPR needed_kib "${needed_kib} + (${size} + 4095) / 4096 * 4")
    else()
      math(EXPR needed_kib "${needed_kib} + 4")
    endif()
  endforeach()
  if(NOT free STREQUAL "" AND free LESS needed_kib)
    file(REMOVE_RECURSE "${staging}")
    string(
      CONCAT error
             "the tree needs ${needed_kib} KiB but the disk holding ${entry_dir} has ${free} "
             "KiB free. Free some space, or set TORCHCOMPAT_CACHE_DIR to another disk. "
             "Nothing was extracted")
    set(${out_error} "${error}" PARENT_SCOPE)
    return()
  endif()
  # In a child, so that its complaints can be read: libarchive checks each zip entry's CRC-32 and
  # size (and a compressed tar's checksums) as it writes, but CMake before 4.x only warns about a
  # mismatch and keeps the file. Any complaint fails the extraction. The child names each entry on
  # a pipe this process reads: if the configure is killed, the child dies of SIGPIPE at its next
  # entry instead of writing on. The listing ran in the C locale; so does the extraction.
  execute_process(
    COMMAND "${CMAKE_COMMAND}" -E env LC_ALL=C "${CMAKE_COMMAND}" -E tar xvf "${archive}"
    WORKING_DIRECTORY "${staging}"
    RESULT_VARIABLE rc
    OUTPUT_VARIABLE ignored
    ERROR_VARIABLE complaints)
  set(problem "")
  if(NOT rc EQUAL 0 OR NOT complaints STREQUAL "")
    string(STRIP "${complaints}" complaints)
    string(REGEX REPLACE "[ \t\r\n]+" " " complaints "${complaints}")
    _torchcompat_escaped_name(complaints "${complaints}")
    set(problem "CMake's archive reader reported damaged data (exit ${rc}: ${complaints})")
  endif()

  if(problem STREQUAL "")
    _torchcompat_tree_problem(problem "${staging}" ${model})
  endif()
  # libarchive only warns when a write fails, and extends a short file to its full size (a hole of
  # zeros): a file system left with no room is taken as a sign of such a failure.
  _torchcompat_free_kib(free "${staging}")
  if(problem STREQUAL "" AND NOT free STREQUAL "" AND free LESS 64)
    set(problem "the disk ran full while extracting")
  endif()
  if(NOT problem STREQUAL "")
    _torchcompat_disk_note(note "${staging}")
    file(REMOVE_RECURSE "${staging}")
    if(NOT note STREQUAL "")
      set(note " ${note}")
    endif()
    set(${out_error} "${problem}.${note} The partly extracted ${staging} was removed" PARENT_SCOPE)
    return()
  endif()

  set(top "${${model}_TOP}")
  if(EXISTS "${entry_dir}/${top}" OR IS_SYMLINK "${entry_dir}/${top}")
    file(REMOVE_RECURSE "${entry_dir}/${top}")
  endif()
  file(RENAME "${staging}/${top}" "${entry_dir}/${top}")
  file(REMOVE_RECURSE "${staging}")
endfunction()

# Compares the extracted tree with the model the listing gave, both ways: everything promised is
# there as promised, and nothing else is.
function(_torchcompat_tree_problem out staging model)
  set(names "${${model}_NAMES}")
  set(kinds "${${model}_KINDS}")
  set(sizes "${${model}_SIZES}")
  set(targets "${${model}_TARGETS}")
  file(
    GLOB_RECURSE found
    LIST_DIRECTORIES true
    RELATIVE "${staging}"
    "${staging}/*")
  list(LENGTH found found_count)
  list(LENGTH names expected_count)
  set(problem "")
  foreach(
    name
    kind
    size
    target
    IN
    ZIP_LISTS
    names
    kinds
    sizes
    targets)
    set(path "${staging}/${name}")
    if(kind STREQUAL "l")
      if(NOT IS_SYMLINK "${path}")
        set(problem "the link ${name} is missing")
        break()
      endif()
      file(READ_SYMLINK "${path}" actual)
      string(SUBSTRING "${target}" 1 -1 target)
      if(NOT actual STREQUAL target)
        set(problem "the link ${name} points to ${actual}, not ${target}")
        break()
      endif()
    elseif(IS_SYMLINK "${path}" OR NOT EXISTS "${path}")
      set(problem "${name} is missing")
      break()
    elseif(kind STREQUAL "d")
      if(NOT IS_DIRECTORY "${path}")
        set(problem "${name} is not a directory")
        break()
      endif()
    else()
      if(IS_DIRECTORY "${path}")
        set(problem "${name} is a directory, not a file")
        break()
      endif()
      file(SIZE "${path}" actual)
      if(NOT actual EQUAL size)
        set(problem "${name} has ${actual} of its ${size} bytes")
        break()
      endif()
    endif()
  endforeach()
  if(problem STREQUAL "" AND NOT found_count EQUAL expected_count)
    set(problem "the tree holds ${found_count} paths, the archive listed ${expected_count}")
  endif()
  set(${out} "${problem}" PARENT_SCOPE)
endfunction()

cmake_policy(POP)
