#[=======================================================================[.rst:
TorchCompatCliOutput
--------------------

Internal, for the ``torchcompat`` command: what it prints. Lines of output
are gathered in ``_cli_out`` and written, with the exit status, by
``_cli_finish`` (``cmake -P`` before 3.29 cannot choose its own exit
status, so ``bin/torchcompat`` reads them back); one-line diagnostics go to
stderr at once. The JSON pieces every command's ``--format json`` is built
from live here too.
#]=======================================================================]

include_guard(GLOBAL)
# The module's own policies, also when included by a cmake -P script that set none.
cmake_policy(PUSH)
cmake_policy(VERSION 3.22...4.4)

include("${CMAKE_CURRENT_LIST_DIR}/../verdict/TorchCompatVerdict.cmake")

# _cli_print(<piece>...): one line of output. ARGV<n>, not ARGN: a ';' inside a
# piece must survive.
function(_cli_print)
  set(line "")
  if(ARGC GREATER 0)
    math(EXPR last "${ARGC} - 1")
    foreach(index RANGE ${last})
      string(APPEND line "${ARGV${index}}")
    endforeach()
  endif()
  set(_cli_out "${_cli_out}${line}\n" PARENT_SCOPE)
endfunction()

# One line on stderr, now. Also kept (a global property) for the JSON error
# object of a command that ends with nothing on stdout.
function(_cli_say)
  set(line "")
  math(EXPR last "${ARGC} - 1")
  foreach(index RANGE ${last})
    string(APPEND line "${ARGV${index}}")
  endforeach()
  message(NOTICE "torchcompat: ${line}")
  _cli_json_string(quoted "${line}")
  set_property(GLOBAL APPEND_STRING PROPERTY TORCHCOMPAT_CLI_SAID ", ${quoted}")
endfunction()

# _cli_finish(<status>): writes stdout and the exit status. With --format json,
# a command that printed nothing (a usage error, a release the tables do not
# know, a probe that could not run) prints its error object, so every answer
# is one JSON object: {"schema_version": 1, "command": ..., "error": {"status":
# N, "kind": "usage" | "problem", "messages": [...]}}.
function(_cli_finish status)
  if(cli_FORMAT STREQUAL "json" AND "${_cli_out}" STREQUAL "")
    get_property(said GLOBAL PROPERTY TORCHCOMPAT_CLI_SAID)
    string(REGEX REPLACE "^, " "" said "${said}")
    _cli_json_string(command_json "${cli_COMMAND}")
    set(kind problem)
    if(status EQUAL 2)
      set(kind usage)
    endif()
    string(CONCAT _cli_out "{\"schema_version\": 1, \"command\": ${command_json}, \"error\": "
                  "{\"status\": ${status}, \"kind\": \"${kind}\", \"messages\": [${said}]}}\n")
  endif()
  file(WRITE "${TORCHCOMPAT_CLI_OUT}/out" "${_cli_out}")
  if(DEFINED _cli_err)
    # Another program's stderr, passed on as it is (torchcompat probe).
    file(WRITE "${TORCHCOMPAT_CLI_OUT}/err" "${_cli_err}")
  endif()
  file(WRITE "${TORCHCOMPAT_CLI_OUT}/status" "${status}")
endfunction()

function(_cli_json_string out_var value)
  _torchcompat_verdict_quote(quoted "${value}")
  set(${out_var} "${quoted}" PARENT_SCOPE)
endfunction()

# JSON on one line. Safe by regex: a raw newline cannot occur inside a JSON
# string (it would be written \n).
function(_cli_json_compact out_var json)
  string(REGEX REPLACE "\n[ \t]*" " " json "${json}")
  string(STRIP "${json}" json)
  set(${out_var} "${json}" PARENT_SCOPE)
endfunction()

# A JSON array of strings from a CMake list.
function(_cli_json_strings out_var)
  set(items "")
  foreach(item IN LISTS ARGN)
    _cli_json_string(quoted "${item}")
    list(APPEND items "${quoted}")
  endforeach()
  list(JOIN items ", " items)
  set(${out_var} "[${items}]" PARENT_SCOPE)
endfunction()

# _cli_json_concat(<out-var> <json-array>...): one array of the items of each
# ("" counts as the empty array).
function(_cli_json_concat out_var)
  set(items "")
  math(EXPR last "${ARGC} - 1")
  foreach(argument RANGE 1 ${last})
    set(array "${ARGV${argument}}")
    if("${array}" STREQUAL "")
      continue()
    endif()
    string(JSON count LENGTH "${array}")
    if(count GREATER 0)
      math(EXPR last_item "${count} - 1")
      foreach(index RANGE ${last_item})
        string(JSON item GET "${array}" ${index})
        string(JSON type TYPE "${array}" ${index})
        if(type STREQUAL "STRING")
          _cli_json_string(item "${item}")
        endif()
        string(APPEND items ", ${item}")
      endforeach()
    endif()
  endforeach()
  string(REGEX REPLACE "^, " "" items "${items}")
  set(${out_var} "[${items}]" PARENT_SCOPE)
endfunction()

# _cli_json_object(<out-var> <key> <json-value> ...): an object, keys in order.
function(_cli_json_object out_var)
  # ARGV<n>, not a list: a value may hold ';' (a GPU list, a report's text).
  set(members "")
  math(EXPR last "${ARGC} - 1")
  foreach(key_index RANGE 1 ${last} 2)
    math(EXPR value_index "${key_index} + 1")
    if(members)
      string(APPEND members ", ")
    endif()
    string(APPEND members "\"${ARGV${key_index}}\": ${ARGV${value_index}}")
  endforeach()
  set(${out_var} "{${members}}" PARENT_SCOPE)
endfunction()

cmake_policy(POP)
