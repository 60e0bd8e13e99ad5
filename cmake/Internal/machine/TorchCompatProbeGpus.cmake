# The GPUs of a probe answer as CMake lists, in time linear in their number.
#
# string(JSON) parses its whole input on every call, so asking a 10000-GPU
# answer for each GPU's members one index at a time is quadratic. Instead the
# GPU array is read once, cut into one small JSON object per GPU with one
# regular expression, and each small object is read on its own. Text headed
# for a CMake list loses the characters that would break one.

include_guard(GLOBAL)
cmake_policy(PUSH)
cmake_policy(VERSION 3.22...4.4)

# One JSON object (text) per item of the JSON array `array_json`, whose items
# are objects without arrays or objects inside (a probe answer's "gpus").
# Characters that would break a CMake list (';', '[', ']') are written as the
# JSON escapes that mean the same, so each object still reads as before. With
# LIST_SAFE they are replaced instead in the strings' text, ';' by ',', '[' ']'
# by '(' ')', and a backslash (which could escape a list separator) by '/':
# one pass over the whole text rather than one per GPU.
function(_torchcompat_json_flat_objects out_var array_json)
  string(FIND "${array_json}" "[" open)
  string(FIND "${array_json}" "]" close REVERSE)
  if(open LESS 0 OR close LESS open)
    set(${out_var} "" PARENT_SCOPE)
    return()
  endif()
  math(EXPR start "${open} + 1")
  math(EXPR length "${close} - ${start}")
  string(SUBSTRING "${array_json}" ${start} ${length} inner)
  # Within the array's items ';' '[' ']' and '\' can only sit inside strings.
  if(ARGV2 STREQUAL "LIST_SAFE")
    # A literal backslash is the escape "\\" in JSON text; "\u005c" and the
    # like can spell the others.
    string(REPLACE "\\\\" "/" inner "${inner}")
    foreach(
      pair IN
      ITEMS "u003b|,"
            "u003B|,"
            "u005b|("
            "u005B|("
            "u005d|)"
            "u005D|)"
            "u005c|/"
            "u005C|/")
      string(REPLACE "|" ";" pair "${pair}")
      list(GET pair 0 escape)
      list(GET pair 1 safe)
      string(REPLACE "\\${escape}" "${safe}" inner "${inner}")
    endforeach()
    string(REPLACE ";" "," inner "${inner}")
    string(REPLACE "[" "(" inner "${inner}")
    string(REPLACE "]" ")" inner "${inner}")
  else()
    string(REPLACE ";" "\\u003b" inner "${inner}")
    string(REPLACE "[" "\\u005b" inner "${inner}")
    string(REPLACE "]" "\\u005d" inner "${inner}")
  endif()
  # An object: braces around strings (with their escapes) and other characters.
  string(REGEX MATCHALL [=[{("([^"\]|\\.)*"|[^"{}])*}]=] objects "${inner}")
  set(${out_var} "${objects}" PARENT_SCOPE)
endfunction()

# One entry per GPU of a probe answer whose compute capability is known, in
# index order: the capability, a description for messages ("GPU 1 (NVIDIA A100,
# sm 8.0)") and its name (list-safe); the three lists stay aligned. An optional
# fifth argument names a variable for the number of GPUs whose capability the
# driver reported as nonsense (they can't be checked). Lists are built in
# chunks: appending to one ever longer list copies it each time.
function(_torchcompat_probe_gpus json archs_var descs_var names_var)
  string(
    JSON
    gpus
    ERROR_VARIABLE
    error
    GET
    "${json}"
    gpus)
  if(error)
    set(gpus "[]")
  endif()
  _torchcompat_json_flat_objects(objects "${gpus}" LIST_SAFE)
  foreach(list IN ITEMS archs descs names)
    set(${list} "")
    set(${list}_chunk "")
  endforeach()
  set(in_chunk 0)
  set(unknown 0)
  foreach(object IN LISTS objects)
    string(
      JSON
      arch
      ERROR_VARIABLE
      error
      GET
      "${object}"
      compute_capability)
    if(error OR NOT arch MATCHES "^[0-9]+\\.[0-9]$")
      set(arch "")
    endif()
    if(NOT arch)
      math(EXPR unknown "${unknown} + 1")
      continue()
    endif()
    string(
      JSON
      name
      ERROR_VARIABLE
      error
      GET
      "${object}"
      name)
    if(error OR name STREQUAL "null")
      set(name "")
    endif()
    string(
      JSON
      index
      ERROR_VARIABLE
      error
      GET
      "${object}"
      index)
    list(APPEND archs_chunk "${arch}")
    # An empty item would vanish from the list and misalign it.
    if(name)
      list(APPEND names_chunk "${name}")
      list(APPEND descs_chunk "GPU ${index} (${name}, sm ${arch})")
    else()
      list(APPEND names_chunk "GPU ${index}")
      list(APPEND descs_chunk "GPU ${index} (sm ${arch})")
    endif()
    math(EXPR in_chunk "${in_chunk} + 1")
    if(in_chunk EQUAL 256)
      foreach(list IN ITEMS archs descs names)
        list(APPEND ${list} "${${list}_chunk}")
        set(${list}_chunk "")
      endforeach()
      set(in_chunk 0)
    endif()
  endforeach()
  if(in_chunk GREATER 0)
    foreach(list IN ITEMS archs descs names)
      list(APPEND ${list} "${${list}_chunk}")
    endforeach()
  endif()
  set(${archs_var} "${archs}" PARENT_SCOPE)
  set(${descs_var} "${descs}" PARENT_SCOPE)
  set(${names_var} "${names}" PARENT_SCOPE)
  if(ARGC GREATER 4)
    set(${ARGV4} "${unknown}" PARENT_SCOPE)
  endif()
endfunction()

cmake_policy(POP)
