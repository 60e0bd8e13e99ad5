#[=======================================================================[.rst:
TorchCompatFetchGroups
----------------------

Internal: divides the extraction of an archive that
:command:`_torchcompat_archive_model` accepted among several ``cmake -E tar``
children that run at once. A libtorch's extraction time goes to a few large
shared objects and to thousands of headers; unpacked side by side they take
about as long as the largest part instead of the sum of all.

.. command:: _torchcompat_extract_jobs

  ::

    _torchcompat_extract_jobs(<out-var>)

  How many children may extract at once: ``TORCHCOMPAT_EXTRACT_JOBS`` (a
  CMake or environment variable; 0 or 1 extracts in one child, at most 64),
  else the host's logical cores, at most 4.

.. command:: _torchcompat_extract_groups

  ::

    _torchcompat_extract_groups(<out-prefix> <model> <jobs>)

  For the model ``<model>_{TOP,NAMES,SIZES,LITERAL,FORMAT}``, sets
  ``<out-prefix>_COUNT`` to the number of groups, at most ``<jobs>``, and
  ``<out-prefix>_<i>`` (``<i>`` from 1) to the members of each, as
  ``cmake -E tar`` patterns: ``^<path>`` stands for the path and everything
  below it. The members are the large files (each its own), and the other
  entries beside them, folder by folder, so that every entry is below
  exactly one member except the folders that hold large files, which the
  children make as they need them (as implied folders are made). The
  members are shared out largest first, each to the group with the least
  work so far (a file's work is its size, with each entry counting as
  12 KiB of data). ``<out-prefix>_COUNT`` is 0 (extract in one child) for
  one job, one member, more than 256 members beside the large files, an
  archive that is not a zip, a name that ends in ``$`` (a pattern's end
  anchor), or a model whose names are not the archive's own
  (``<model>_LITERAL`` false: a name with ``./`` or ``//``, which a pattern
  would not match as written). For a wheel's model, which holds only the
  part unpacked below the roots ``<model>_MEMBERS``, every member is one of
  those roots or below one, never a folder above them; else, and for a path
  too deep to match in one expression or names too many to count, also 0.
#]=======================================================================]

include_guard(GLOBAL)
# Functions keep the policies in force where they are defined: these, whatever the caller set.
cmake_policy(PUSH)
cmake_policy(VERSION 3.22...4.4)

include("${CMAKE_CURRENT_LIST_DIR}/../common/TorchCompatRegex.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatFetchKnobs.cmake")

function(_torchcompat_extract_jobs out)
  _torchcompat_knob_value(value TORCHCOMPAT_EXTRACT_JOBS)
  string(STRIP "${value}" value)
  if(value STREQUAL "")
    cmake_host_system_information(RESULT jobs QUERY NUMBER_OF_LOGICAL_CORES)
    if(NOT jobs MATCHES "^[1-9][0-9]*$")
      set(jobs 1)
    elseif(jobs GREATER 4)
      set(jobs 4)
    endif()
  else()
    _torchcompat_knob_number(jobs TORCHCOMPAT_EXTRACT_JOBS 1)
    if(jobs GREATER 64)
      message(FATAL_ERROR "TorchCompat: TORCHCOMPAT_EXTRACT_JOBS must be at most 64; got "
                          "\"${jobs}\". Set it to the number of cores to use, or unset it.")
    endif()
  endif()
  set(${out} ${jobs} PARENT_SCOPE)
endfunction()

# The files of 10 MB or more (8 digits), at most 128 of them (more are left in their folders'
# members), and their sizes. Found on a text of one mark per entry ("+" for such a file), so that the
# whole lists are read a few times, not once for each file.
function(_torchcompat_large_files out_names out_sizes sizes names)
  string(REPEAT "[0-9]?" 6 up_to_six)
  list(TRANSFORM sizes REPLACE "^[0-9]${up_to_six}$" "-" OUTPUT_VARIABLE marks)
  list(TRANSFORM marks REPLACE "^[0-9]+$" "+")
  list(JOIN marks "" marks)
  set(indices "")
  set(from 0)
  foreach(ignored RANGE 1 128)
    string(SUBSTRING "${marks}" ${from} -1 rest)
    string(FIND "${rest}" "+" at)
    if(at EQUAL -1)
      break()
    endif()
    math(EXPR at "${from} + ${at}")
    list(APPEND indices ${at})
    math(EXPR from "${at} + 1")
  endforeach()
  set(large "")
  set(large_sizes "")
  if(NOT indices STREQUAL "")
    list(GET names ${indices} large)
    list(GET sizes ${indices} large_sizes)
  endif()
  set(${out_names} "${large}" PARENT_SCOPE)
  set(${out_sizes} "${large_sizes}" PARENT_SCOPE)
endfunction()

# The folders above <path> up to (not with) <top>, appended to the list <list-var>.
function(_torchcompat_append_folders_above list_var path top)
  set(folders "${${list_var}}")
  string(REGEX REPLACE "/[^/]+$" "" parent "${path}")
  while(NOT parent STREQUAL top AND parent MATCHES "/")
    list(APPEND folders "${parent}")
    string(REGEX REPLACE "/[^/]+$" "" parent "${parent}")
  endwhile()
  set(${list_var} "${folders}" PARENT_SCOPE)
endfunction()

function(_torchcompat_extract_groups out model jobs)
  set(${out}_COUNT 0 PARENT_SCOPE)
  set(names "${${model}_NAMES}")
  # A zip's entries are found through its central directory: a child skips the others' without
  # reading them, where each would read a compressed tar's whole stream. A name that ends in "$"
  # would be read as the pattern's end anchor.
  if(jobs LESS 2
     OR NOT ${model}_FORMAT STREQUAL "zip"
     OR NOT ${model}_LITERAL
     OR names MATCHES "\\$(;|$)")
    return()
  endif()
  set(sizes "${${model}_SIZES}")
  set(top "${${model}_TOP}")
  _torchcompat_large_files(large large_sizes "${sizes}" "${names}")

  # The folders that hold a large file, at any depth, and the top: their other children are the
  # remaining members. A wheel's model holds only the part unpacked (<model>_MEMBERS, such as
  # nvidia/<package>/lib): the folders above those are split too, so that no member lies above
  # them and takes what the model never checked.
  set(split "${top}")
  foreach(path IN LISTS large ${model}_MEMBERS)
    _torchcompat_append_folders_above(split "${path}" "${top}")
  endforeach()
  list(REMOVE_DUPLICATES split)
  _torchcompat_regex_alternatives(alternatives ${split})
  # A deep path makes a long expression (CMake compiles one of a few KiB at most): such an archive
  # is extracted in one child.
  string(LENGTH "${alternatives}" expression_length)
  if(expression_length GREATER 4000)
    return()
  endif()
  set(others "${names}")
  list(FILTER others INCLUDE REGEX "^${alternatives}/[^/]+$")
  list(REMOVE_ITEM others ${split} ${large})
  # Every member is one of the roots the model unpacks, or below one (checked, not assumed).
  if(NOT "${${model}_MEMBERS}" STREQUAL "")
    _torchcompat_regex_alternatives(roots ${${model}_MEMBERS})
    set(outside ${others} ${large})
    list(FILTER outside EXCLUDE REGEX "^${roots}(/|$)")
    if(NOT outside STREQUAL "")
      return()
    endif()
  endif()
  # Each folder's entries are counted in the names as text, once per member: a few hundred members
  # beside the large files, or a text of many megabytes, are extracted in one child.
  list(LENGTH others other_count)
  list(JOIN names "\n" text)
  set(text "\n${text}\n")
  string(LENGTH "${text}" length)
  math(EXPR scanned "${length} / 1024 * ${other_count}")
  if(other_count GREATER 256 OR scanned GREATER 262144)
    return()
  endif()

  # Each member's work, zero-padded to sort as text: "<work>|<member>". A folder's is its entries
  # (counted in the names as text: how much shorter "<folder>/" taken out leaves it); a smaller
  # file's, or a link's, one entry's.
  set(entry_work 12288)
  set(work_list "")
  foreach(name size IN ZIP_LISTS large large_sizes)
    math(EXPR work "${size} + ${entry_work}")
    list(APPEND work_list "${work}|${name}")
  endforeach()
  foreach(name IN LISTS others)
    string(FIND "${text}" "\n${name}/" at)
    set(work ${entry_work})
    if(at GREATER -1)
      string(REPLACE "\n${name}/" "" rest "${text}")
      string(LENGTH "${rest}" rest_length)
      string(LENGTH "\n${name}/" prefix_length)
      math(EXPR work "((${length} - ${rest_length}) / ${prefix_length} + 1) * ${entry_work}")
    endif()
    list(APPEND work_list "${work}|${name}")
  endforeach()
  list(LENGTH work_list member_count)
  if(member_count LESS 2)
    return()
  endif()
  string(REPEAT "0" 20 zeros)
  string(REPEAT "[0-9]" 20 twenty_digits)
  list(TRANSFORM work_list PREPEND "${zeros}")
  list(TRANSFORM work_list REPLACE "^0*(${twenty_digits}\\|)" "\\1")
  list(SORT work_list ORDER DESCENDING)

  # Largest first, each to the group with the least work so far.
  if(jobs GREATER member_count)
    set(jobs ${member_count})
  endif()
  foreach(group RANGE 1 ${jobs})
    set(load_${group} 0)
    set(group_${group} "")
  endforeach()
  foreach(entry IN LISTS work_list)
    string(REGEX REPLACE "^0*([0-9]+)\\|.*$" "\\1" work "${entry}")
    string(REGEX REPLACE "^[0-9]+\\|" "" name "${entry}")
    set(least 1)
    foreach(group RANGE 2 ${jobs})
      if(load_${group} LESS load_${least})
        set(least ${group})
      endif()
    endforeach()
    math(EXPR load_${least} "${load_${least}} + ${work}")
    list(APPEND group_${least} "^${name}")
  endforeach()
  foreach(group RANGE 1 ${jobs})
    set(${out}_${group} "${group_${group}}" PARENT_SCOPE)
  endforeach()
  set(${out}_COUNT ${jobs} PARENT_SCOPE)
endfunction()

cmake_policy(POP)
