# Regular expressions made from text that is not one: names of files, folders and packages that
# may hold ".", "+" or brackets.

include_guard(GLOBAL)
# The module's own policies, also when included by a cmake -P script that set none.
cmake_policy(PUSH)
cmake_policy(VERSION 3.22...4.4)

# _torchcompat_regex_literal(<out-var> <text>): <text> with every character that CMake's regular
# expressions read specially escaped, so that the expression matches exactly <text>.
function(_torchcompat_regex_literal out text)
  string(REGEX REPLACE "([][+.*()^$?|\\\\{}])" "\\\\\\1" text "${text}")
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

# _torchcompat_regex_alternatives(<out-var> <text>...): one expression that matches any of the
# texts exactly, "(<a>|<b>|...)"; "" for none.
function(_torchcompat_regex_alternatives out)
  set(alternatives "")
  foreach(text IN LISTS ARGN)
    _torchcompat_regex_literal(text "${text}")
    list(APPEND alternatives "${text}")
  endforeach()
  set(result "")
  if(NOT alternatives STREQUAL "")
    list(JOIN alternatives "|" result)
    set(result "(${result})")
  endif()
  set(${out} "${result}" PARENT_SCOPE)
endfunction()

cmake_policy(POP)
