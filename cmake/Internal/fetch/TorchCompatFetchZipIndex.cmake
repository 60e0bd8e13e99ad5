#[=======================================================================[.rst:
TorchCompatFetchZipIndex
------------------------

Internal: reads a zip's end-of-central-directory record (and its zip64
form), for :command:`_torchcompat_archive_model`: a zip cut short, or served
with a ``Content-Length`` shorter than its body, has none, or one that points
past its end.

.. command:: _torchcompat_zip_directory

  ::

    _torchcompat_zip_directory(<entries-var> <problem-var> <archive>)

  Sets ``<entries-var>`` to the number of entries the central directory
  announces, or ``<problem-var>`` to why it cannot be read.
#]=======================================================================]

include_guard(GLOBAL)
# Functions keep the policies in force where they are defined: these, whatever the caller set.
cmake_policy(PUSH)
cmake_policy(VERSION 3.22...4.4)

# Little-endian hex bytes to a number; refuses values that would not fit math()'s signed 64 bits.
function(_torchcompat_le_number out hex)
  string(LENGTH "${hex}" length)
  set(big "")
  while(length GREATER 0)
    math(EXPR length "${length} - 2")
    string(SUBSTRING "${hex}" ${length} 2 byte)
    string(APPEND big "${byte}")
  endwhile()
  if(big MATCHES "^[89a-f]")
    set(${out} "" PARENT_SCOPE)
    return()
  endif()
  math(EXPR value "0x${big}" OUTPUT_FORMAT DECIMAL)
  set(${out} "${value}" PARENT_SCOPE)
endfunction()

# The zip's end-of-central-directory record: present at the end (a file cut short has none, or one
# that points past its end), and the number of entries it announces. The last record whose comment
# reaches exactly the end of the file is the real one, as libarchive decides.
function(_torchcompat_zip_directory out_entries out_problem archive)
  set(${out_entries} "" PARENT_SCOPE)
  file(SIZE "${archive}" size)
  set(window 65557)
  if(size LESS window)
    set(window ${size})
  endif()
  math(EXPR start "${size} - ${window}")
  file(READ "${archive}" tail OFFSET ${start} HEX)
  set(search "${tail}")
  set(found -1)
  while(TRUE)
    string(FIND "${search}" "504b0506" at REVERSE)
    if(at EQUAL -1)
      break()
    endif()
    string(SUBSTRING "${search}" 0 ${at} search)
    math(EXPR odd "${at} % 2")
    if(odd)
      continue()
    endif()
    string(SUBSTRING "${tail}" ${at} 44 record)
    string(LENGTH "${record}" record_length)
    if(NOT record_length EQUAL 44)
      continue()
    endif()
    string(SUBSTRING "${record}" 40 4 comment_hex)
    _torchcompat_le_number(comment "${comment_hex}")
    math(EXPR end "${start} + ${at} / 2 + 22 + ${comment}")
    if(end EQUAL size)
      set(found ${at})
      break()
    endif()
  endwhile()
  if(found EQUAL -1)
    set(${out_problem} "it has no zip central directory (truncated, or not a zip archive)"
        PARENT_SCOPE)
    return()
  endif()
  math(EXPR eocd "${start} + ${found} / 2")
  string(SUBSTRING "${tail}" ${found} 44 record)
  string(SUBSTRING "${record}" 20 4 entries_hex)
  string(SUBSTRING "${record}" 24 8 cd_size_hex)
  string(SUBSTRING "${record}" 32 8 cd_offset_hex)
  if(entries_hex STREQUAL "ffff" OR cd_size_hex STREQUAL "ffffffff" OR cd_offset_hex STREQUAL
                                                                       "ffffffff")
    _torchcompat_zip64_directory(entries cd_size cd_offset problem "${archive}" ${eocd})
    if(NOT problem STREQUAL "")
      set(${out_problem} "${problem}" PARENT_SCOPE)
      return()
    endif()
  else()
    _torchcompat_le_number(entries "${entries_hex}")
    _torchcompat_le_number(cd_size "${cd_size_hex}")
    _torchcompat_le_number(cd_offset "${cd_offset_hex}")
  endif()
  math(EXPR cd_end "${cd_offset} + ${cd_size}")
  if(cd_end GREATER eocd)
    set(${out_problem}
        "its zip central directory points past the end of the data (truncated transfer?)"
        PARENT_SCOPE)
    return()
  endif()
  set(${out_entries} ${entries} PARENT_SCOPE)
  set(${out_problem} "" PARENT_SCOPE)
endfunction()

function(
  _torchcompat_zip64_directory
  out_entries
  out_size
  out_offset
  out_problem
  archive
  eocd)
  set(${out_problem} "its zip64 end of central directory is missing or damaged" PARENT_SCOPE)
  if(eocd LESS 20)
    return()
  endif()
  math(EXPR locator "${eocd} - 20")
  file(
    READ "${archive}" locator_hex
    OFFSET ${locator}
    LIMIT 20
    HEX)
  if(NOT locator_hex MATCHES "^504b0607")
    return()
  endif()
  string(SUBSTRING "${locator_hex}" 16 16 record_offset_hex)
  _torchcompat_le_number(record_offset "${record_offset_hex}")
  if(record_offset STREQUAL "" OR NOT record_offset LESS locator)
    return()
  endif()
  file(
    READ "${archive}" record
    OFFSET ${record_offset}
    LIMIT 56
    HEX)
  if(NOT record MATCHES "^504b0606")
    return()
  endif()
  string(SUBSTRING "${record}" 64 16 entries_hex)
  string(SUBSTRING "${record}" 80 16 size_hex)
  string(SUBSTRING "${record}" 96 16 offset_hex)
  foreach(field IN ITEMS entries size offset)
    _torchcompat_le_number(${field} "${${field}_hex}")
    if("${${field}}" STREQUAL "")
      return()
    endif()
    set(${out_${field}} "${${field}}" PARENT_SCOPE)
  endforeach()
  set(${out_problem} "" PARENT_SCOPE)
endfunction()

cmake_policy(POP)
