# Message pieces shared by the guard, the selector and the report: texts kept
# as list items, bulleted lists, aligned report lines.

include_guard(GLOBAL)
# The module's own policies, also when included by a cmake -P script that set none.
cmake_policy(PUSH)
cmake_policy(VERSION 3.22...4.4)

# _torchcompat_add_text(<list-var> <piece>...): appends the pieces, joined, as
# ONE item (a message written over several lines is still one problem).
function(_torchcompat_add_text list_var)
  string(CONCAT text ${ARGN})
  string(REPLACE ";" "," text "${text}")
  set(items "${${list_var}}")
  list(APPEND items "${text}")
  set(${list_var} "${items}" PARENT_SCOPE)
endfunction()

# "\n  - a\n  - b" for a list of texts.
function(_torchcompat_bullets out_var items)
  list(JOIN items "\n  - " text)
  set(${out_var} "\n  - ${text}" PARENT_SCOPE)
endfunction()

# "a, b, c", or <empty_text> for an empty list: no message prints "()".
function(_torchcompat_list_text out_var items empty_text)
  if(items)
    list(JOIN items ", " text)
  else()
    set(text "${empty_text}")
  endif()
  set(${out_var} "${text}" PARENT_SCOPE)
endfunction()

# One aligned "label   value" line.
function(_torchcompat_report_line out_var label value)
  string(LENGTH "${label}" length)
  set(padding "")
  if(length LESS 16)
    math(EXPR spaces "16 - ${length}")
    string(REPEAT " " ${spaces} padding)
  endif()
  set(${out_var} "${${out_var}}  ${label}${padding}${value}\n" PARENT_SCOPE)
endfunction()

cmake_policy(POP)
