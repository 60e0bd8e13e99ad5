# The guard's answer in words: what failed or could not be verified, the
# machine it was checked against, the ways out; printed at the levels the house
# style gives them, or only returned for a caller that prints it itself.

include_guard(GLOBAL)
# The module's own policies, also when included by a cmake -P script that set none.
cmake_policy(PUSH)
cmake_policy(VERSION 3.22...4.4)

include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatText.cmake")

# The guard's answer. Fails on a problem, and on what cannot be verified unless
# accept is set (then it warns); a CUDA build that would run on the CPU only is
# a warning (the caller made it a problem under REQUIRE_GPU). Sets <out>_OK
# (TRUE or FALSE) and <out>_TEXT (the whole explanation) and prints it unless
# quiet (a caller that takes the text prints it itself, e.g. in cmake -P).
function(_torchcompat_conclude out)
  cmake_parse_arguments(PARSE_ARGV 1 arg "QUIET;ACCEPT" "MODE;SUBJECT;MACHINE_TEXT"
                        "PROBLEMS;UNKNOWNS;WARNINGS;NOTES;WAYS")
  set(subject "${arg_SUBJECT}")
  set(ok TRUE)
  if(arg_PROBLEMS OR (arg_UNKNOWNS AND NOT arg_ACCEPT))
    set(ok FALSE)
  endif()
  set(status_lines "")
  foreach(note IN LISTS arg_NOTES)
    list(APPEND status_lines "TorchCompat: ${note}")
  endforeach()
  set(warning "")
  if(ok)
    if(arg_UNKNOWNS OR arg_WARNINGS)
      set(pieces "")
      foreach(text IN LISTS arg_WARNINGS)
        list(APPEND pieces "TorchCompat: ${subject}: ${text}")
      endforeach()
      if(arg_UNKNOWNS)
        _torchcompat_bullets(unknown_text "${arg_UNKNOWNS}")
        list(
          APPEND
          pieces
          "TorchCompat: ${subject}: accepted without verification (ACCEPT_UNVERIFIED):${unknown_text}"
        )
      endif()
      list(JOIN pieces "\n" warning)
      if(arg_WAYS)
        _torchcompat_bullets(ways_text "${arg_WAYS}")
        string(APPEND warning "\nWays out:${ways_text}")
      endif()
      list(APPEND status_lines "TorchCompat: ${subject}: every check that could be verified passed")
    else()
      list(APPEND status_lines "TorchCompat: ${subject}: every check passed")
    endif()
    set(failure "")
  else()
    if(arg_PROBLEMS)
      _torchcompat_bullets(problem_text "${arg_PROBLEMS}")
      set(failure "TorchCompat: ${subject} will not work here:${problem_text}")
      if(arg_UNKNOWNS)
        _torchcompat_bullets(unknown_text "${arg_UNKNOWNS}")
        string(APPEND failure "\nCannot be verified:${unknown_text}")
      endif()
    else()
      _torchcompat_bullets(unknown_text "${arg_UNKNOWNS}")
      string(CONCAT failure "TorchCompat: ${subject} cannot be verified here, and the guard "
                    "does not count that as a pass:${unknown_text}")
    endif()
    foreach(text IN LISTS arg_WARNINGS)
      string(APPEND failure "\nAlso: ${text}")
    endforeach()
    if(arg_MACHINE_TEXT)
      string(APPEND failure "\nChecked against: ${arg_MACHINE_TEXT}")
    endif()
    if(arg_WAYS)
      _torchcompat_bullets(ways_text "${arg_WAYS}")
      string(APPEND failure "\nWays out:${ways_text}")
    endif()
  endif()

  set(parts ${status_lines})
  if(warning)
    list(PREPEND parts "${warning}")
  endif()
  if(failure)
    list(PREPEND parts "${failure}")
  endif()
  list(JOIN parts "\n" text)
  if(NOT arg_QUIET)
    foreach(line IN LISTS status_lines)
      message(STATUS "${line}")
    endforeach()
    if(warning)
      message(WARNING "${warning}")
    endif()
    if(failure)
      message(${arg_MODE} "${failure}")
    endif()
  endif()
  set(${out}_OK ${ok} PARENT_SCOPE)
  set(${out}_TEXT "${text}" PARENT_SCOPE)
endfunction()

cmake_policy(POP)
