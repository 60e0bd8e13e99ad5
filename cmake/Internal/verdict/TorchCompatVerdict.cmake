# The verdict as a value: the guard decides into one JSON object (documented
# in docs/cli.md, "The verdict"), and every rendering -- the CMake messages,
# the torchcompat command's text and its JSON -- is made from that object, so
# nothing has to read rendered text back. JSON, not CMake lists: a reason may
# hold ';' or '[', which a CMake list would split or swallow.

include_guard(GLOBAL)
# The module's own policies, also when included by a cmake -P script that set none.
cmake_policy(PUSH)
cmake_policy(VERSION 3.22...4.4)

# A JSON string for a text; "" is null (absent, never an empty answer).
function(_torchcompat_verdict_quote out_var value)
  if("${value}" STREQUAL "")
    set(${out_var} "null" PARENT_SCOPE)
    return()
  endif()
  string(REPLACE "\\" "\\\\" value "${value}")
  string(REPLACE "\"" "\\\"" value "${value}")
  string(REPLACE "\n" "\\n" value "${value}")
  string(REPLACE "\r" "\\r" value "${value}")
  string(REPLACE "\t" "\\t" value "${value}")
  set(${out_var} "\"${value}\"" PARENT_SCOPE)
endfunction()

# _torchcompat_verdict_push(<array-var> <json-value>): appends one value to the
# JSON array held in <array-var> ("" is the empty array).
function(_torchcompat_verdict_push array_var value)
  set(array "${${array_var}}")
  if(array STREQUAL "")
    set(array "[]")
  endif()
  string(JSON count LENGTH "${array}")
  string(JSON array SET "${array}" ${count} "${value}")
  set(${array_var} "${array}" PARENT_SCOPE)
endfunction()

# _torchcompat_verdict_push_text(<array-var> <text>): appends one string.
function(_torchcompat_verdict_push_text array_var text)
  _torchcompat_verdict_quote(quoted "${text}")
  set(array "${${array_var}}")
  _torchcompat_verdict_push(array "${quoted}")
  set(${array_var} "${array}" PARENT_SCOPE)
endfunction()

# _torchcompat_verdict_action(<array-var> KIND <kind> TEXT <text> [CMAKE <argument>]
#                             [COMMAND <command>] [PACKAGE <name>] [VERSION <v>]
#                             [RELEASE <torch>] [VARIANT <v>] [ADDRESSES <status>])
# Appends one way out: what to do (KIND: install, uninstall, reinstall,
# variant, release, driver, python, policy, toolchain, accept), in words (TEXT), as the
# guard's argument or cache setting (CMAKE) and, where one exists, the exact
# command to run (COMMAND); ADDRESSES: the status of check it is the way out of
# (fails, unverified, cpu-only; see _torchcompat_verdict_address).
function(_torchcompat_verdict_action array_var)
  cmake_parse_arguments(PARSE_ARGV 1 arg ""
                        "KIND;TEXT;CMAKE;COMMAND;PACKAGE;VERSION;RELEASE;VARIANT;ADDRESSES" "")
  if(arg_UNPARSED_ARGUMENTS OR NOT arg_KIND OR NOT arg_TEXT)
    message(FATAL_ERROR "TorchCompat: internal: a way out needs KIND and TEXT, and nothing else "
                        "but its fields (${ARGN})")
  endif()
  set(object "{}")
  foreach(
    field IN
    ITEMS KIND
          TEXT
          CMAKE
          COMMAND
          PACKAGE
          VERSION
          RELEASE
          VARIANT
          ADDRESSES)
    string(TOLOWER "${field}" key)
    _torchcompat_verdict_quote(value "${arg_${field}}")
    string(JSON object SET "${object}" "${key}" "${value}")
  endforeach()
  set(array "${${array_var}}")
  _torchcompat_verdict_push(array "${object}")
  set(${array_var} "${array}" PARENT_SCOPE)
endfunction()

# _torchcompat_verdict_address(<array-var> <status>): records, on each way out
# of the array that does not say yet, which status of check it is the way out
# of ("addresses": fails, unverified or cpu-only), so a rendering can tell a
# fix from advice on using the GPU without reading the words.
function(_torchcompat_verdict_address array_var status)
  set(array "${${array_var}}")
  _torchcompat_verdict_indices(index_list "${array}")
  foreach(index IN LISTS index_list)
    string(
      JSON
      current
      ERROR_VARIABLE
      missing
      GET
      "${array}"
      ${index}
      addresses)
    if(missing OR current STREQUAL "" OR current STREQUAL "null")
      string(
        JSON
        array
        SET
        "${array}"
        ${index}
        addresses
        "\"${status}\"")
    endif()
  endforeach()
  set(${array_var} "${array}" PARENT_SCOPE)
endfunction()

# The way out of a guard that failed only because something could not be
# verified.
function(_torchcompat_verdict_accept_action array_var)
  set(array "${${array_var}}")
  _torchcompat_verdict_action(
    array
    KIND
    accept
    TEXT
    "accept what cannot be verified as a warning: ACCEPT_UNVERIFIED (or -DTORCHCOMPAT_ACCEPT_UNVERIFIED=ON)"
    CMAKE
    "ACCEPT_UNVERIFIED")
  set(${array_var} "${array}" PARENT_SCOPE)
endfunction()

# _torchcompat_verdict_texts(<out-var> <json> <member>...): the strings of a
# JSON array as a CMake list, each ';' written ',' so an item stays one item
# (for a caller that must have a list; renderings read the JSON instead).
function(_torchcompat_verdict_texts out_var json)
  set(items "")
  string(JSON count ERROR_VARIABLE error LENGTH "${json}" ${ARGN})
  if(NOT error AND count GREATER 0)
    math(EXPR last "${count} - 1")
    foreach(index RANGE ${last})
      string(JSON item GET "${json}" ${ARGN} ${index})
      string(REPLACE ";" "," item "${item}")
      list(APPEND items "${item}")
    endforeach()
  endif()
  set(${out_var} "${items}" PARENT_SCOPE)
endfunction()

# _torchcompat_verdict_reasons(<prefix> <verdict>): the reasons of the
# verdict's checks by status, each a JSON array of strings: <prefix>_FAILS,
# <prefix>_UNVERIFIED, <prefix>_CPU_ONLY and <prefix>_PASSES.
function(_torchcompat_verdict_reasons prefix verdict)
  foreach(status IN ITEMS FAILS UNVERIFIED CPU_ONLY PASSES)
    set(${status} "[]")
  endforeach()
  _torchcompat_verdict_indices(index_list "${verdict}" checks)
  foreach(index IN LISTS index_list)
    string(JSON check GET "${verdict}" checks ${index})
    string(JSON status GET "${check}" status)
    string(JSON reason GET "${check}" reason)
    string(TOUPPER "${status}" status)
    string(REPLACE "-" "_" status "${status}")
    _torchcompat_verdict_push_text(${status} "${reason}")
  endforeach()
  foreach(status IN ITEMS FAILS UNVERIFIED CPU_ONLY PASSES)
    set(${prefix}_${status} "${${status}}" PARENT_SCOPE)
  endforeach()
endfunction()

# _torchcompat_verdict_indices(<out-var> <json> <member>...): the indices of
# an array member, 0;1;..., or "" when it is empty, absent or null: loop over
# them (the items themselves may hold ';' and so never make a CMake list).
function(_torchcompat_verdict_indices out_var json)
  _torchcompat_verdict_count(count "${json}" ${ARGN})
  set(indices "")
  if(count GREATER 0)
    math(EXPR last "${count} - 1")
    foreach(index RANGE ${last})
      list(APPEND indices ${index})
    endforeach()
  endif()
  set(${out_var} "${indices}" PARENT_SCOPE)
endfunction()

# _torchcompat_verdict_count(<out-var> <json> <member>...): how many items an
# array member has (0 when absent or null).
function(_torchcompat_verdict_count out_var json)
  string(JSON count ERROR_VARIABLE error LENGTH "${json}" ${ARGN})
  if(error)
    set(count 0)
  endif()
  set(${out_var} ${count} PARENT_SCOPE)
endfunction()

# _torchcompat_selection_verdict(<out-var> <ok> <variant> <url> <reason> <warning>
#                                <notice> <failure> [<ways-out>]): the selector's answer as
# one JSON value (torchcompat_select_libtorch's VERDICT_VARIABLE); <ways-out> is a
# JSON array of actions (_torchcompat_verdict_action), [] when not given.
function(
  _torchcompat_selection_verdict
  out_var
  ok
  variant
  url
  reason
  warning
  notice
  failure)
  if(ok)
    set(verdict "{\"schema_version\": 1, \"ok\": true}")
  else()
    set(verdict "{\"schema_version\": 1, \"ok\": false}")
  endif()
  foreach(field IN ITEMS variant url reason warning notice failure)
    _torchcompat_verdict_quote(value "${${field}}")
    string(JSON verdict SET "${verdict}" ${field} "${value}")
  endforeach()
  set(ways "${ARGV8}")
  if(ways STREQUAL "")
    set(ways "[]")
  endif()
  string(JSON verdict SET "${verdict}" ways_out "${ways}")
  set(${out_var} "${verdict}" PARENT_SCOPE)
endfunction()

cmake_policy(POP)
