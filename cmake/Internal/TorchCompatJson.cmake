# Reading JSON with string(JSON) without its failure modes: a missing member or
# a null reads as "", and a parse error is reported once by the caller.

include_guard(GLOBAL)

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

# _torchcompat_json_list(<out-var> <json> <member>...)
# Turns a JSON array of strings into a CMake list; "" when absent or null.
function(_torchcompat_json_list out_var json)
  set(items "")
  string(
    JSON
    type
    ERROR_VARIABLE
    error
    TYPE
    "${json}"
    ${ARGN})
  if(NOT error AND type STREQUAL "ARRAY")
    string(JSON count LENGTH "${json}" ${ARGN})
    if(count GREATER 0)
      math(EXPR last "${count} - 1")
      foreach(index RANGE ${last})
        string(JSON item GET "${json}" ${ARGN} ${index})
        list(APPEND items "${item}")
      endforeach()
    endif()
  endif()
  set(${out_var} "${items}" PARENT_SCOPE)
endfunction()

# _torchcompat_json_keys(<out-var> <json> <member>...)
# The member names of an object, in string(JSON)'s order (alphabetical, not the
# file's); "" when absent or not an object.
function(_torchcompat_json_keys out_var json)
  set(keys "")
  string(
    JSON
    type
    ERROR_VARIABLE
    error
    TYPE
    "${json}"
    ${ARGN})
  if(NOT error AND type STREQUAL "OBJECT")
    string(JSON count LENGTH "${json}" ${ARGN})
    if(count GREATER 0)
      math(EXPR last "${count} - 1")
      foreach(index RANGE ${last})
        string(JSON key MEMBER "${json}" ${ARGN} ${index})
        list(APPEND keys "${key}")
      endforeach()
    endif()
  endif()
  set(${out_var} "${keys}" PARENT_SCOPE)
endfunction()
