# The guard's answer in words: what failed or could not be verified, the
# machine it was checked against, the ways out; printed at the levels the house
# style gives them, or only returned for a caller that prints it itself.

include_guard(GLOBAL)
# The module's own policies, also when included by a cmake -P script that set none.
cmake_policy(PUSH)
cmake_policy(VERSION 3.22...4.4)

include("${CMAKE_CURRENT_LIST_DIR}/../common/TorchCompatJson.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/../tables/TorchCompatTable.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/../common/TorchCompatText.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatVerdict.cmake")

# The guard's answer. Fails on a problem, and on what cannot be verified unless
# accept is set (then it warns); a CUDA build that would run on the CPU only
# passes with a warning (the caller made it a problem under REQUIRE_GPU).
# Decides first, into the verdict (TorchCompatVerdict: one JSON object), and
# renders the words from that object only. Sets <out>_OK (TRUE or FALSE),
# <out>_VERDICT (the JSON) and <out>_TEXT (the whole explanation) and prints it
# unless quiet (a caller that takes the text prints it itself, e.g. in cmake -P).
function(_torchcompat_conclude out)
  cmake_parse_arguments(
    PARSE_ARGV 1 arg "QUIET;ACCEPT" "MODE;SUBJECT;TORCH;VARIANT;MACHINE_TEXT;MACHINE_JSON;ACTIONS"
    "PROBLEMS;UNKNOWNS;CPU_ONLY;PASSES;NOTES")
  set(ok TRUE)
  if(arg_PROBLEMS OR (arg_UNKNOWNS AND NOT arg_ACCEPT))
    set(ok FALSE)
  endif()
  if(arg_PROBLEMS)
    set(answer problem)
  elseif(arg_UNKNOWNS)
    set(answer unverified)
  elseif(arg_CPU_ONLY)
    set(answer cpu-only)
  else()
    set(answer works)
  endif()
  # Every check with its status, the ones that passed too: a reader of the
  # verdict sees what was checked, not only what went wrong.
  set(checks "[]")
  foreach(status IN ITEMS fails unverified cpu-only passes)
    if(status STREQUAL "fails")
      set(texts "${arg_PROBLEMS}")
    elseif(status STREQUAL "unverified")
      set(texts "${arg_UNKNOWNS}")
    elseif(status STREQUAL "cpu-only")
      set(texts "${arg_CPU_ONLY}")
    else()
      set(texts "${arg_PASSES}")
    endif()
    foreach(text IN LISTS texts)
      _torchcompat_verdict_quote(reason "${text}")
      _torchcompat_verdict_push(checks "{\"status\": \"${status}\", \"reason\": ${reason}}")
    endforeach()
  endforeach()
  set(notes "[]")
  foreach(note IN LISTS arg_NOTES)
    _torchcompat_verdict_push_text(notes "${note}")
  endforeach()
  set(actions "${arg_ACTIONS}")
  if(NOT actions)
    set(actions "[]")
  endif()
  set(machine "${arg_MACHINE_JSON}")
  if(NOT machine)
    set(machine "null")
  endif()
  if(ok)
    set(ok_json true)
  else()
    set(ok_json false)
  endif()
  if(arg_ACCEPT)
    set(accept_json true)
  else()
    set(accept_json false)
  endif()
  foreach(field IN ITEMS SUBJECT TORCH VARIANT MACHINE_TEXT)
    _torchcompat_verdict_quote(${field}_json "${arg_${field}}")
  endforeach()
  # Every verdict says how old the table behind it is (its last PyPI check).
  _torchcompat_table_age(age)
  _torchcompat_verdict_quote(tables_checked_json "${age_DATE}")
  string(
    CONCAT verdict
           "{\"schema_version\": 1, \"answer\": \"${answer}\", \"ok\": ${ok_json}, "
           "\"accept_unverified\": ${accept_json}, \"subject\": ${SUBJECT_json}, "
           "\"torch\": ${TORCH_json}, \"variant\": ${VARIANT_json}, \"checks\": ${checks}, "
           "\"notes\": ${notes}, \"checked_against\": ${MACHINE_TEXT_json}, "
           "\"machine\": ${machine}, \"ways_out\": ${actions}, "
           "\"tables_checked\": ${tables_checked_json}}")
  _torchcompat_render_verdict(rendered "${verdict}")
  if(NOT arg_QUIET)
    foreach(line IN LISTS rendered_STATUS)
      message(STATUS "${line}")
    endforeach()
    if(rendered_WARNING)
      message(WARNING "${rendered_WARNING}")
    endif()
    if(rendered_FAILURE)
      message(${arg_MODE} "${rendered_FAILURE}")
    endif()
  endif()
  set(${out}_OK ${ok} PARENT_SCOPE)
  set(${out}_TEXT "${rendered_TEXT}" PARENT_SCOPE)
  set(${out}_VERDICT "${verdict}" PARENT_SCOPE)
endfunction()

# The guard's verdict in words, for CMake's messages: <out>_FAILURE (the
# FATAL_ERROR or WARNING of a failed guard), <out>_WARNING (a guard that passed
# with something to say), <out>_STATUS (status lines, a list) and <out>_TEXT
# (all of it, failure first). Reads the verdict only. The checks that passed
# are the verdict's (and the torchcompat command's "passed:" lines), not the
# configure's: a message says what to act on.
function(_torchcompat_render_verdict out verdict)
  string(JSON subject GET "${verdict}" subject)
  string(JSON ok GET "${verdict}" ok)
  _torchcompat_verdict_texts(notes "${verdict}" notes)
  _torchcompat_verdict_reasons(reasons "${verdict}")
  _torchcompat_verdict_texts(problems "${reasons_FAILS}")
  _torchcompat_verdict_texts(unknowns "${reasons_UNVERIFIED}")
  _torchcompat_verdict_texts(cpu_only "${reasons_CPU_ONLY}")
  set(ways "")
  _torchcompat_verdict_indices(index_list "${verdict}" ways_out)
  foreach(index IN LISTS index_list)
    string(
      JSON
      way
      GET
      "${verdict}"
      ways_out
      ${index}
      text)
    string(REPLACE ";" "," way "${way}")
    list(APPEND ways "${way}")
  endforeach()
  _torchcompat_json_get(machine_text "${verdict}" checked_against)

  set(status_lines "")
  foreach(note IN LISTS notes)
    list(APPEND status_lines "TorchCompat: ${note}")
  endforeach()
  set(warning "")
  set(failure "")
  if(ok)
    if(unknowns OR cpu_only)
      set(pieces "")
      foreach(text IN LISTS cpu_only)
        list(APPEND pieces "TorchCompat: ${subject}: ${text}")
      endforeach()
      if(unknowns)
        _torchcompat_bullets(unknown_text "${unknowns}")
        list(
          APPEND
          pieces
          "TorchCompat: ${subject}: accepted without verification (ACCEPT_UNVERIFIED):${unknown_text}"
        )
      endif()
      list(JOIN pieces "\n" warning)
      if(ways)
        _torchcompat_bullets(ways_text "${ways}")
        string(APPEND warning "\nWays out:${ways_text}")
      endif()
      list(APPEND status_lines "TorchCompat: ${subject}: every check that could be verified passed")
    else()
      list(APPEND status_lines "TorchCompat: ${subject}: every check passed")
    endif()
  else()
    if(problems)
      _torchcompat_bullets(problem_text "${problems}")
      set(failure "TorchCompat: ${subject} will not work here:${problem_text}")
      if(unknowns)
        _torchcompat_bullets(unknown_text "${unknowns}")
        string(APPEND failure "\nCannot be verified:${unknown_text}")
      endif()
    else()
      _torchcompat_bullets(unknown_text "${unknowns}")
      string(CONCAT failure "TorchCompat: ${subject} cannot be verified here, and the guard "
                    "does not count that as a pass:${unknown_text}")
    endif()
    foreach(text IN LISTS cpu_only)
      string(APPEND failure "\nAlso: ${text}")
    endforeach()
    if(machine_text)
      string(APPEND failure "\nChecked against: ${machine_text}")
    endif()
    if(ways)
      _torchcompat_bullets(ways_text "${ways}")
      string(APPEND failure "\nWays out:${ways_text}")
    endif()
  endif()
  # Concatenated, not a list: the machine's text may hold a ';'.
  set(text "")
  foreach(part IN ITEMS failure warning)
    if(NOT "${${part}}" STREQUAL "")
      string(APPEND text "${${part}}\n")
    endif()
  endforeach()
  list(JOIN status_lines "\n" status_text)
  string(APPEND text "${status_text}")
  string(REGEX REPLACE "\n$" "" text "${text}")
  set(${out}_FAILURE "${failure}" PARENT_SCOPE)
  set(${out}_WARNING "${warning}" PARENT_SCOPE)
  set(${out}_STATUS "${status_lines}" PARENT_SCOPE)
  set(${out}_TEXT "${text}" PARENT_SCOPE)
endfunction()

cmake_policy(POP)
