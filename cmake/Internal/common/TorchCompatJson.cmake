# Reading JSON with string(JSON) without its failure modes: a missing member or
# a null reads as "", and a parse error is reported once by the caller.

include_guard(GLOBAL)
# The module's own policies, also when included by a cmake -P script that set none.
cmake_policy(PUSH)
cmake_policy(VERSION 3.22...4.4)

# _torchcompat_json_get(<out-var> <json> <member-or-index>...)
# Sets <out-var> to the value (objects and arrays as JSON text), or "" when the
# member is absent or null.
function(_torchcompat_json_get out_var json)
  string(
    JSON
    value
    ERROR_VARIABLE
    error
    GET
    "${json}"
    ${ARGN})
  if(error OR value STREQUAL "null")
    set(value "")
  endif()
  set(${out_var} "${value}" PARENT_SCOPE)
endfunction()

# The items of a JSON array (mode GET, type ARRAY) or the member names of a
# JSON object (mode MEMBER, type OBJECT), as a CMake list; "" when the value is
# absent, null or of the other type.
function(_torchcompat_json_items out_var mode type json)
  set(items "")
  string(
    JSON
    actual_type
    ERROR_VARIABLE
    error
    TYPE
    "${json}"
    ${ARGN})
  if(NOT error AND actual_type STREQUAL type)
    string(JSON count LENGTH "${json}" ${ARGN})
    if(count GREATER 0)
      math(EXPR last "${count} - 1")
      foreach(index RANGE ${last})
        string(JSON item ${mode} "${json}" ${ARGN} ${index})
        list(APPEND items "${item}")
      endforeach()
    endif()
  endif()
  set(${out_var} "${items}" PARENT_SCOPE)
endfunction()

# _torchcompat_json_type(<out-var> <json> <member>...)
# NULL, NUMBER, STRING, BOOLEAN, ARRAY or OBJECT; "" when the member is absent.
# Tells a null (unknown) from an empty list (known: none).
function(_torchcompat_json_type out_var json)
  string(
    JSON
    type
    ERROR_VARIABLE
    error
    TYPE
    "${json}"
    ${ARGN})
  if(error)
    set(type "")
  endif()
  set(${out_var} "${type}" PARENT_SCOPE)
endfunction()

# _torchcompat_json_list(<out-var> <json> <member>...)
# Turns a JSON array of strings into a CMake list; "" when absent or null.
function(_torchcompat_json_list out_var json)
  _torchcompat_json_items(items GET ARRAY "${json}" ${ARGN})
  set(${out_var} "${items}" PARENT_SCOPE)
endfunction()

# _torchcompat_json_keys(<out-var> <json> <member>...)
# The member names of an object, in string(JSON)'s order (alphabetical, not the
# file's); "" when absent or not an object.
function(_torchcompat_json_keys out_var json)
  _torchcompat_json_items(keys MEMBER OBJECT "${json}" ${ARGN})
  set(${out_var} "${keys}" PARENT_SCOPE)
endfunction()

cmake_policy(POP)
