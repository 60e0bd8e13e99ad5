#[=======================================================================[.rst:
TorchCompatFetchExtract
-----------------------

Internal: extracts an archive that :command:`_torchcompat_archive_model`
accepted, checks the result against that model, and moves it into place.

.. command:: _torchcompat_extract

  ::

    _torchcompat_extract(<archive> <entry-dir> <model-prefix> <error-var>
                         [<sha256-var> [<expected-sha256>]])

  (The caller says what is being extracted: ``<archive>`` is its private
  copy.)

  With ``<sha256-var>``, the archive's SHA-256 is computed by a second child
  while the first extracts (a 1 GB archive's hash would otherwise add half
  the extraction's time), and set in ``<sha256-var>``. With
  ``<expected-sha256>`` (empty: none), a different hash stops before the
  tree is checked or moved: the staging directory is removed, an older tree
  and its stamp stay as they were, and ``<error-var>`` says so; the caller
  compares the hash first and reports the mismatch. The archive was checked
  (the model) before, so nothing is written outside the private staging
  directory meanwhile.

  Extracts with ``cmake -E tar xvf`` in a child, or in several side by side
  (a zip, where a POSIX shell starts them: ``TorchCompatFetchGroups``),
  whose complaints fail the extraction (a zip entry whose CRC-32 or size
  does not match its data, a compressed tar whose checksum fails: CMake
  before 4.x only warns and keeps the file); each child names each entry on
  a pipe this process holds, so a configure killed meanwhile leaves no
  process behind that goes on writing past the entry it was at. The staging
  directory ``<entry-dir>/extract-<random>.tmp`` is removed by the next
  configure that takes the entry's lock. After extraction every
  path on disk must be one of the model's (one ``file(GLOB_RECURSE)``
  compared with the model as a whole), of its kind, every file of its size
  and every link with its target (where GNU find is there, one ``find``
  listing of kinds, sizes and targets compared with the model as text
  settles all of that; a difference is then looked at path by path); a
  short write or anything unexpected fails. A full disk is checked before (the free space ``df`` reports must
  hold the listed sizes in 4 KiB blocks plus 1 MiB) and after (less than
  64 KiB left fails: older CMakes only warn about a failed write, and
  libarchive pads the file to its listed size). Then the stamp
  (``torchcompat-stamp.txt``) of an older tree is removed, and the top
  directory is renamed to ``<entry-dir>/<top>``, replacing that tree.
  On failure the staging directory is removed and ``<error-var>`` says why.
#]=======================================================================]

include_guard(GLOBAL)
# Functions keep the policies in force where they are defined: these, whatever the caller set.
cmake_policy(PUSH)
cmake_policy(VERSION 3.22...4.4)

include("${CMAKE_CURRENT_LIST_DIR}/../tables/TorchCompatArchiveNames.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatFetchCache.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatFetchGroups.cmake")

# _torchcompat_hasher_answer(<out-var> <file> <hash-file>): the SHA-256 of <file> that a hashing
# child run beside a listing or an extraction wrote to <hash-file> (removed here), else, when the
# child failed, the hash computed here.
function(_torchcompat_hasher_answer out_var file hash_file)
  set(actual "")
  if(EXISTS "${hash_file}")
    file(READ "${hash_file}" actual)
    file(REMOVE "${hash_file}")
  endif()
  if(NOT actual MATCHES "^[0-9a-f]+$")
    file(SHA256 "${file}" actual)
  endif()
  set(${out_var} "${actual}" PARENT_SCOPE)
endfunction()

# _torchcompat_run_beside_hash(<prefix> <file> <dir> <hash-var> <command-var>): runs the command
# held in <command-var> (a list; a ";" inside an argument escaped as "\;") in <dir>, and sets
# <prefix>_RC, <prefix>_OUTPUT and <prefix>_ERRORS. With a <hash-var> (not ""), a second child
# computes <file>'s SHA-256 meanwhile, first in the pipeline (its empty output the command's input),
# and <hash-var> is set to it: it only reads, and writes its answer to a *.tmp beside the file (in
# the private entry folder, whose leftovers the next configure removes); when it fails, the hash is
# computed here.
function(_torchcompat_run_beside_hash prefix file dir hash_var command_var)
  if(hash_var STREQUAL "")
    execute_process(
      COMMAND ${${command_var}}
      WORKING_DIRECTORY "${dir}" RESULTS_VARIABLE codes
      OUTPUT_VARIABLE output
      ERROR_VARIABLE errors)
  else()
    _torchcompat_temp_suffix(suffix)
    get_filename_component(folder "${file}" DIRECTORY)
    set(hash_file "${folder}/sha256-${suffix}.tmp")
    # Paths stay single quoted arguments here (a list variable would split one holding ";").
    execute_process(
      COMMAND "${CMAKE_COMMAND}" "-D_TORCHCOMPAT_SHA256_OF=${file}"
              "-D_TORCHCOMPAT_SHA256_TO=${hash_file}" -P "${CMAKE_CURRENT_FUNCTION_LIST_FILE}"
      COMMAND ${${command_var}}
      WORKING_DIRECTORY "${dir}" RESULTS_VARIABLE codes
      OUTPUT_VARIABLE output
      ERROR_VARIABLE errors)
    _torchcompat_hasher_answer(actual "${file}" "${hash_file}")
    set(${hash_var} "${actual}" PARENT_SCOPE)
  endif()
  list(GET codes -1 rc)
  set(${prefix}_RC "${rc}" PARENT_SCOPE)
  set(${prefix}_OUTPUT "${output}" PARENT_SCOPE)
  set(${prefix}_ERRORS "${errors}" PARENT_SCOPE)
endfunction()

# _torchcompat_run_tar(<prefix> <mode> <file> <dir> <hash-var> [<member>...]): runs
# `cmake -E tar <mode> <file> [<member>...]` in <dir>, in the C locale, as
# _torchcompat_run_beside_hash does.
function(_torchcompat_run_tar prefix mode file dir hash_var)
  string(REPLACE ";" "\\;" escaped "${file}")
  set(command "${CMAKE_COMMAND}" -E env LC_ALL=C)
  list(
    APPEND
    command
    "${CMAKE_COMMAND}"
    -E
    tar
    ${mode}
    "${escaped}"
    ${ARGN})
  _torchcompat_run_beside_hash(run "${file}" "${dir}" "${hash_var}" command)
  if(NOT hash_var STREQUAL "")
    set(${hash_var} "${${hash_var}}" PARENT_SCOPE)
  endif()
  foreach(part IN ITEMS RC OUTPUT ERRORS)
    set(${prefix}_${part} "${run_${part}}" PARENT_SCOPE)
  endforeach()
endfunction()

# _torchcompat_run_extraction(<problem-var> <archive> <dir> <hash-var> <model>): extracts what the
# model <model> keeps of <archive> (<model>_MEMBERS, where the model has them, else all of it) into
# <dir> with `cmake -E tar xvf`, as _torchcompat_run_tar does, divided among several children side
# by side where the model allows it (_torchcompat_extract_groups) and a POSIX shell is there to
# start them. Each child writes the names it extracts to this process's pipe, as a lone child
# would, so that each dies at its next entry when this process is killed. The group lists are *.tmp
# files beside <archive>, in the private entry folder. Sets <problem-var> to what the children
# complained of (libarchive checks each zip entry's CRC-32 and size, and a compressed tar's
# checksums, as it writes, but CMake before 4.x only warns and keeps the file), else "".
function(_torchcompat_run_extraction out_problem archive dir hash_var model)
  set(count 0)
  if(NOT CMAKE_HOST_WIN32 AND EXISTS "/bin/sh")
    _torchcompat_extract_jobs(jobs)
    _torchcompat_extract_groups(groups ${model} ${jobs})
    set(count ${groups_COUNT})
  endif()
  if(count LESS 2)
    _torchcompat_run_tar(run xvf "${archive}" "${dir}" "${hash_var}" ${${model}_MEMBERS})
  else()
    _torchcompat_temp_suffix(suffix)
    get_filename_component(folder "${archive}" DIRECTORY)
    set(lists "${folder}/members-${suffix}")
    foreach(group RANGE 1 ${count})
      list(JOIN groups_${group} "\n" text)
      file(WRITE "${lists}-${group}.tmp" "${text}\n")
    endforeach()
    # $1 cmake, $2 the archive, $3 the group lists' common path, $4 their number. Every child but
    # the last is started in the background; each names the entries it extracts on the standard
    # output they share (this process's pipe).
    set(script
        [=[
i=1
pids=
while [ "$i" -lt "$4" ]; do
  LC_ALL=C "$1" -E tar xvf "$2" "--files-from=$3-$i.tmp" </dev/null &
  pids="$pids $!"
  i=$((i + 1))
done
LC_ALL=C "$1" -E tar xvf "$2" "--files-from=$3-$i.tmp"
rc=$?
for pid in $pids; do
  wait "$pid" || rc=1
done
exit "$rc"
]=])
    string(REPLACE ";" "\\;" script "${script}")
    set(command /bin/sh -c "${script}" sh)
    foreach(argument IN ITEMS "${CMAKE_COMMAND}" "${archive}" "${lists}")
      string(REPLACE ";" "\\;" argument "${argument}")
      list(APPEND command "${argument}")
    endforeach()
    list(APPEND command ${count})
    _torchcompat_run_beside_hash(run "${archive}" "${dir}" "${hash_var}" command)
    foreach(group RANGE 1 ${count})
      file(REMOVE "${lists}-${group}.tmp")
    endforeach()
  endif()
  if(NOT hash_var STREQUAL "")
    set(${hash_var} "${${hash_var}}" PARENT_SCOPE)
  endif()
  set(problem "")
  if(NOT run_RC EQUAL 0 OR NOT run_ERRORS STREQUAL "")
    string(STRIP "${run_ERRORS}" complaints)
    string(REGEX REPLACE "[ \t\r\n]+" " " complaints "${complaints}")
    _torchcompat_escaped_name(complaints "${complaints}")
    set(problem "CMake's archive reader reported damaged data (exit ${run_RC}: ${complaints})")
  endif()
  set(${out_problem} "${problem}" PARENT_SCOPE)
endfunction()

function(_torchcompat_extract archive entry_dir model out_error)
  set(${out_error} "" PARENT_SCOPE)
  set(hash_var "")
  set(expected "")
  if(ARGC GREATER 4)
    set(hash_var "${ARGV4}")
    set(${hash_var} "" PARENT_SCOPE)
  endif()
  if(ARGC GREATER 5)
    set(expected "${ARGV5}")
  endif()
  _torchcompat_temp_suffix(suffix)
  set(staging "${entry_dir}/extract-${suffix}.tmp")
  file(MAKE_DIRECTORY "${staging}")
  _torchcompat_free_kib(free "${staging}")
  # What the tree will take on disk: each file rounded up to 4 KiB blocks, a block for each
  # directory and link, plus 1 MiB to spare. Newer CMakes stop the configure when a write fails
  # during file(ARCHIVE_EXTRACT), before anything here could clean up or explain, so the room is
  # made sure of first.
  _torchcompat_needed_kib(needed_kib ${model})
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
  # In children whose complaints fail the extraction, and which die at their next entry if the
  # configure is killed (_torchcompat_run_extraction). The listing ran in the C locale; so does the
  # extraction (and the hash beside it).
  set(hash_into "")
  if(NOT hash_var STREQUAL "")
    set(hash_into extracted_hash)
  endif()
  _torchcompat_run_extraction(problem "${archive}" "${staging}" "${hash_into}" ${model})
  if(NOT hash_var STREQUAL "")
    set(actual "${extracted_hash}")
    set(${hash_var} "${actual}" PARENT_SCOPE)
    if(NOT expected STREQUAL "" AND NOT actual STREQUAL expected)
      file(REMOVE_RECURSE "${staging}")
      set(${out_error} "its SHA-256 is ${actual}, not ${expected}" PARENT_SCOPE)
      return()
    endif()
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

  # The old tree, if any, is about to be replaced: unmark it first.
  file(REMOVE "${entry_dir}/torchcompat-stamp.txt")
  set(top "${${model}_TOP}")
  if(EXISTS "${entry_dir}/${top}" OR IS_SYMLINK "${entry_dir}/${top}")
    file(REMOVE_RECURSE "${entry_dir}/${top}")
  endif()
  file(RENAME "${staging}/${top}" "${entry_dir}/${top}")
  file(REMOVE_RECURSE "${staging}")
endfunction()

# KiB the model's tree takes: each file rounded up to 4 KiB blocks (a directory's or link's size is
# 0 in the model, so it adds nothing there), 4 KiB for each directory and link, 1 MiB to spare.
# Summed in one math() per 256 entries, not one per entry.
function(_torchcompat_needed_kib out model)
  set(sizes "${${model}_SIZES}")
  set(others "${${model}_KINDS}")
  list(FILTER others INCLUDE REGEX "^[dl]$")
  list(LENGTH others other_count)
  math(EXPR needed "1024 + ${other_count} * 4")
  list(LENGTH sizes count)
  set(at 0)
  while(at LESS count)
    list(SUBLIST sizes ${at} 256 chunk)
    string(REPLACE ";" "+4095)/4096*4+(" sum "(${chunk}+4095)/4096*4")
    math(EXPR needed "${needed}+${sum}")
    math(EXPR at "${at} + 256")
  endwhile()
  set(${out} ${needed} PARENT_SCOPE)
endfunction()

# Compares the extracted tree with the model the listing gave, both ways: everything promised is
# there as promised, and nothing else is. One file(GLOB_RECURSE) against the model's names (both
# sorted) settles that every path is there and nothing else; then each entry is checked for its
# kind (a directory, not a link to one; a file, neither a link nor a directory), each file for its
# size and each link for its target.
function(_torchcompat_tree_problem out staging model)
  _torchcompat_tree_same(same "${staging}" ${model})
  if(same)
    set(${out} "" PARENT_SCOPE)
    return()
  endif()
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
  set(expected "${names}")
  list(SORT expected)
  list(SORT found)
  if(NOT found STREQUAL expected)
    # Which one, for the message: the first promised path that is missing, else the count.
    foreach(name IN LISTS names)
      if(NOT EXISTS "${staging}/${name}" AND NOT IS_SYMLINK "${staging}/${name}")
        set(problem "${name} is missing")
        break()
      endif()
    endforeach()
    if(problem STREQUAL "")
      set(problem "the tree holds ${found_count} paths, the archive listed ${expected_count}")
    endif()
  endif()
  if(NOT problem STREQUAL "")
    set(${out} "${problem}" PARENT_SCOPE)
    return()
  endif()
  # One test for a file that is what it should be (nearly all of a libtorch's entries): one
  # command before its size is read. Anything else (a directory, a link, a file that is not one)
  # is looked at closer.
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
    if(kind STREQUAL "f" AND NOT IS_SYMLINK "${staging}/${name}" AND NOT IS_DIRECTORY
                                                                     "${staging}/${name}")
      file(SIZE "${staging}/${name}" actual)
      if(NOT actual EQUAL size)
        set(problem "${name} has ${actual} of its ${size} bytes")
        break()
      endif()
    else()
      _torchcompat_tree_entry_problem(problem "${staging}/${name}" "${name}" "${kind}" "${target}")
      if(NOT problem STREQUAL "")
        break()
      endif()
    endif()
  endforeach()
  set(${out} "${problem}" PARENT_SCOPE)
endfunction()

# The same comparison in one process where GNU find is there (Linux): the tree as find sees it
# without following links, a "<kind> <size> <name> ><target>" line for each path (f: a regular
# file and its size, d: a directory, l: a link and its target, ?: anything else), against the model
# written the same way, both sorted. Sets <out> true only when the two are the same text; anything
# else (a difference, no GNU find: macOS, Windows) leaves the answer to the checks above, which
# name what differs. About 0.1 s for a libtorch where those take 0.5 s.
function(_torchcompat_tree_same out staging model)
  set(${out} FALSE PARENT_SCOPE)
  if(CMAKE_HOST_WIN32)
    return()
  endif()
  execute_process(
    COMMAND
      find "${staging}" -mindepth 1 "(" -type f -printf "f %s %P >\\n" ")" -o "(" -type d -printf
      "d 0 %P >\\n" ")" -o "(" -type l -printf "l 0 %P >%l\\n" ")" -o -printf "? %P\\n"
    RESULT_VARIABLE rc
    OUTPUT_VARIABLE found
    ERROR_QUIET)
  if(NOT rc EQUAL 0)
    return()
  endif()
  # The model's own text where its listing gave one (TorchCompatFetchBulkModel); else one append
  # per entry, to a short text: appending to a long one copies it, so the entries are gathered 512
  # at a time.
  set(expected "${${model}_TREE}")
  set(count 0)
  if(expected STREQUAL "")
    list(LENGTH ${model}_NAMES count)
  endif()
  set(at 0)
  while(at LESS count)
    foreach(part IN ITEMS NAMES KINDS SIZES TARGETS)
      list(SUBLIST ${model}_${part} ${at} 512 chunk_${part})
    endforeach()
    set(chunk "")
    foreach(
      name
      kind
      size
      target
      IN
      ZIP_LISTS
      chunk_NAMES
      chunk_KINDS
      chunk_SIZES
      chunk_TARGETS)
      string(APPEND chunk "${kind} ${size} ${name} ${target}\n")
    endforeach()
    string(APPEND expected "${chunk}")
    math(EXPR at "${at} + 512")
  endwhile()
  foreach(text IN ITEMS found expected)
    string(REPLACE "\n" ";" ${text} "${${text}}")
    list(SORT ${text})
  endforeach()
  if(found STREQUAL expected)
    set(${out} TRUE PARENT_SCOPE)
  endif()
endfunction()

# A directory, a link, or a file found to be a link or a directory: what is wrong with it, if
# anything.
function(_torchcompat_tree_entry_problem out path name kind target)
  set(problem "")
  if(kind STREQUAL "l")
    if(NOT IS_SYMLINK "${path}")
      set(problem "the link ${name} is missing")
    else()
      file(READ_SYMLINK "${path}" actual)
      string(SUBSTRING "${target}" 1 -1 target)
      if(NOT actual STREQUAL target)
        set(problem "the link ${name} points to ${actual}, not ${target}")
      endif()
    endif()
  elseif(IS_SYMLINK "${path}")
    set(problem "${name} is missing")
  elseif(kind STREQUAL "f")
    set(problem "${name} is a directory, not a file")
  elseif(NOT IS_DIRECTORY "${path}")
    set(problem "${name} is not a directory")
  endif()
  set(${out} "${problem}" PARENT_SCOPE)
endfunction()

# Run as a script by _torchcompat_extract: the hashing child's side.
if(CMAKE_SCRIPT_MODE_FILE STREQUAL CMAKE_CURRENT_LIST_FILE AND DEFINED _TORCHCOMPAT_SHA256_OF)
  file(SHA256 "${_TORCHCOMPAT_SHA256_OF}" hash)
  file(WRITE "${_TORCHCOMPAT_SHA256_TO}" "${hash}")
endif()

cmake_policy(POP)
