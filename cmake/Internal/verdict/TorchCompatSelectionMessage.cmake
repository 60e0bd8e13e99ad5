# A libtorch selection in words: printed (status line, warning, or failure),
# or only returned for a caller that prints it itself.

include_guard(GLOBAL)
# The module's own policies, also when included by a cmake -P script that set none.
cmake_policy(PUSH)
cmake_policy(VERSION 3.22...4.4)

# Prints a selection's status line and warning (or its failure, as
# failure_mode), unless quiet, and sets out_var to all of it for MESSAGE_VARIABLE.
# Through the dependency provider (_TORCHCOMPAT_VIA_PROVIDER) the warning's one-line
# notice (the optional last argument) stands for it, printed once per build folder
# until it changes: the project did not ask for the details on every configure.
function(
  _torchcompat_selection_report
  out_var
  quiet
  failure_mode
  status
  warning
  failure)
  set(notice "${ARGV6}")
  if(_TORCHCOMPAT_VIA_PROVIDER AND NOT notice STREQUAL "" AND NOT quiet)
    if(NOT "${_TORCHCOMPAT_NOTICE_SHOWN}" STREQUAL notice)
      message(STATUS "${notice}")
      set(_TORCHCOMPAT_NOTICE_SHOWN "${notice}" CACHE INTERNAL "the provider's last notice")
    endif()
    set(warning_shown FALSE)
  else()
    set(warning_shown TRUE)
  endif()
  set(parts "")
  foreach(part IN ITEMS warning status failure)
    if(${part})
      string(REPLACE ";" "," piece "${${part}}")
      list(APPEND parts "${piece}")
    endif()
  endforeach()
  list(JOIN parts "\n" text)
  if(NOT quiet)
    if(warning AND warning_shown)
      message(WARNING "${warning}")
    endif()
    if(status)
      message(STATUS "${status}")
    endif()
    if(failure)
      message(${failure_mode} "${failure}")
    endif()
  endif()
  set(${out_var} "${text}" PARENT_SCOPE)
endfunction()

cmake_policy(POP)
