#[=======================================================================[.rst:
TorchCompatWheelRequires
------------------------

Internal: a wheel's ``Requires-Dist`` lines, their environment markers (PEP
508) evaluated for the target platform rather than for this host, and version
specifiers matched against the versions an index offers.

.. command:: _torchcompat_marker_environment

  ::

    _torchcompat_marker_environment(<prefix> <platform> <python-tag>)

  The marker variables of ``<platform>`` (``linux-x86_64``,
  ``linux-aarch64``, ``windows-x86_64``, ``macos-arm64``) and of the CPython
  the wheel was built for (``cp312`` gives ``python_version`` 3.12), as
  ``<prefix>_<variable>``.

.. command:: _torchcompat_marker_true

  ::

    _torchcompat_marker_true(<out-var> <problem-var> <marker> <env-prefix> <extras>)

  ``TRUE`` or ``FALSE``; a marker that cannot be read (an unknown variable,
  a form outside PEP 508) sets ``<problem-var>`` instead of guessing.

.. command:: _torchcompat_requirement_parts

  ::

    _torchcompat_requirement_parts(<prefix> <requirement>)

  ``<prefix>_NAME`` (normalized, PEP 503), ``_EXTRAS`` (a list), ``_SPEC``
  and ``_MARKER``; ``_PROBLEM`` when the text is not a requirement.

.. command:: _torchcompat_spec_matches

  ::

    _torchcompat_spec_matches(<out-var> <version> <spec>)

  Whether a release (numbers and dots only) satisfies ``==X``, ``==X.*``,
  ``!=``, ``<``, ``<=``, ``>``, ``>=`` and ``~=`` clauses joined by commas.
#]=======================================================================]

include_guard(GLOBAL)
# Functions keep the policies in force where they are defined: these, whatever the caller set.
cmake_policy(PUSH)
cmake_policy(VERSION 3.22...4.4)

function(_torchcompat_marker_environment prefix platform python_tag)
  if(platform MATCHES "^linux-(.*)$")
    set(values linux Linux "${CMAKE_MATCH_1}" posix)
  elseif(platform STREQUAL "windows-x86_64")
    set(values win32 Windows AMD64 nt)
  elseif(platform STREQUAL "macos-arm64")
    set(values darwin Darwin arm64 posix)
  else()
    message(FATAL_ERROR "TorchCompat: no wheel environment is known for ${platform}.")
  endif()
  list(GET values 0 sys_platform)
  list(GET values 1 platform_system)
  list(GET values 2 platform_machine)
  list(GET values 3 os_name)
  set(python "")
  if(python_tag MATCHES "^cp([0-9])([0-9]+)$")
    set(python "${CMAKE_MATCH_1}.${CMAKE_MATCH_2}")
  endif()
  set(${prefix}_sys_platform "${sys_platform}" PARENT_SCOPE)
  set(${prefix}_platform_system "${platform_system}" PARENT_SCOPE)
  set(${prefix}_platform_machine "${platform_machine}" PARENT_SCOPE)
  set(${prefix}_os_name "${os_name}" PARENT_SCOPE)
  set(${prefix}_python_version "${python}" PARENT_SCOPE)
  set(${prefix}_python_full_version "${python}.0" PARENT_SCOPE)
  set(${prefix}_implementation_name cpython PARENT_SCOPE)
  set(${prefix}_platform_python_implementation CPython PARENT_SCOPE)
endfunction()

# PEP 503 normalization: runs of -, _ and . are one -, letters are lower case.
function(_torchcompat_normalize_project out name)
  string(TOLOWER "${name}" name)
  string(REGEX REPLACE "[-_.]+" "-" name "${name}")
  set(${out} "${name}" PARENT_SCOPE)
endfunction()

function(_torchcompat_requirement_parts prefix requirement)
  foreach(part IN ITEMS NAME EXTRAS SPEC MARKER PROBLEM)
    set(${prefix}_${part} "" PARENT_SCOPE)
  endforeach()
  set(marker "")
  string(FIND "${requirement}" ";" semicolon)
  set(head "${requirement}")
  if(semicolon GREATER -1)
    string(SUBSTRING "${requirement}" 0 ${semicolon} head)
    math(EXPR after "${semicolon} + 1")
    string(SUBSTRING "${requirement}" ${after} -1 marker)
  endif()
  string(STRIP "${head}" head)
  string(STRIP "${marker}" marker)
  if(NOT head MATCHES
     "^([A-Za-z0-9][A-Za-z0-9._-]*) *(\\[([A-Za-z0-9._, -]*)\\])? *\\(? *([^()@]*[^()@ ])? *\\)?$")
    set(${prefix}_PROBLEM "\"${requirement}\" is not a requirement this fetch can read"
        PARENT_SCOPE)
    return()
  endif()
  _torchcompat_normalize_project(name "${CMAKE_MATCH_1}")
  string(REPLACE " " "" extras "${CMAKE_MATCH_3}")
  string(REPLACE "," ";" extras "${extras}")
  string(REPLACE " " "" spec "${CMAKE_MATCH_4}")
  set(${prefix}_NAME "${name}" PARENT_SCOPE)
  set(${prefix}_EXTRAS "${extras}" PARENT_SCOPE)
  set(${prefix}_SPEC "${spec}" PARENT_SCOPE)
  set(${prefix}_MARKER "${marker}" PARENT_SCOPE)
endfunction()

# One comparison: <variable> <op> "<value>", as PEP 508 defines it for the variables a wheel's
# requirements use. The version variables compare as versions, the others as strings.
function(
  _torchcompat_marker_compare
  out
  out_problem
  variable
  op
  value
  env
  extras)
  set(${out_problem} "" PARENT_SCOPE)
  set(result FALSE)
  if(variable STREQUAL "extra")
    _torchcompat_normalize_project(value "${value}")
    set(normalized "")
    foreach(extra IN LISTS extras)
      _torchcompat_normalize_project(extra "${extra}")
      list(APPEND normalized "${extra}")
    endforeach()
    if(value IN_LIST normalized)
      set(result TRUE)
    endif()
    if(op STREQUAL "!=")
      if(result)
        set(result FALSE)
      else()
        set(result TRUE)
      endif()
    elseif(NOT op STREQUAL "==")
      set(${out_problem} "extra ${op} is not a PEP 508 comparison" PARENT_SCOPE)
    endif()
    set(${out} ${result} PARENT_SCOPE)
    return()
  endif()
  if(NOT DEFINED ${env}_${variable})
    set(${out_problem} "the variable ${variable} is not known for the target platform" PARENT_SCOPE)
    return()
  endif()
  set(actual "${${env}_${variable}}")
  if(op STREQUAL "in" OR op STREQUAL "not in")
    string(FIND "${value}" "${actual}" at)
    if(at GREATER -1)
      set(result TRUE)
    endif()
    if(op STREQUAL "not in")
      if(result)
        set(result FALSE)
      else()
        set(result TRUE)
      endif()
    endif()
  elseif(variable MATCHES "^python_(full_)?version$")
    _torchcompat_spec_matches(result "${actual}" "${op}${value}")
  elseif(op STREQUAL "==" OR op STREQUAL "===")
    if(actual STREQUAL value)
      set(result TRUE)
    endif()
  elseif(op STREQUAL "!=")
    if(NOT actual STREQUAL value)
      set(result TRUE)
    endif()
  else()
    set(${out_problem} "${variable} ${op} \"${value}\" compares a string as a version" PARENT_SCOPE)
  endif()
  set(${out} ${result} PARENT_SCOPE)
endfunction()

# A marker with its comparisons replaced by T and F: "and" binds tighter than "or", parentheses
# group. Innermost groups first.
function(_torchcompat_marker_reduce out out_problem text)
  set(problem "")
  while(TRUE)
    if(text MATCHES "\\(([^()]*)\\)")
      set(group "${CMAKE_MATCH_0}")
      _torchcompat_marker_flat(value problem "${CMAKE_MATCH_1}")
      if(NOT problem STREQUAL "")
        break()
      endif()
      string(REPLACE "${group}" " ${value} " text "${text}")
    else()
      _torchcompat_marker_flat(value problem "${text}")
      break()
    endif()
  endwhile()
  set(${out} "${value}" PARENT_SCOPE)
  set(${out_problem} "${problem}" PARENT_SCOPE)
endfunction()

function(_torchcompat_marker_flat out out_problem text)
  string(REGEX REPLACE "[ \t]+" " " text " ${text} ")
  string(REPLACE " or " ";" alternatives "${text}")
  set(result F)
  set(problem "")
  foreach(alternative IN LISTS alternatives)
    string(REPLACE " and " ";" atoms "${alternative}")
    set(all T)
    foreach(atom IN LISTS atoms)
      string(STRIP "${atom}" atom)
      if(atom STREQUAL "F")
        set(all F)
      elseif(NOT atom STREQUAL "T")
        set(problem "it is not a PEP 508 marker")
      endif()
    endforeach()
    if(all STREQUAL "T")
      set(result T)
    endif()
  endforeach()
  set(${out} "${result}" PARENT_SCOPE)
  set(${out_problem} "${problem}" PARENT_SCOPE)
endfunction()

function(_torchcompat_marker_true out out_problem marker env extras)
  set(${out} FALSE PARENT_SCOPE)
  set(${out_problem} "" PARENT_SCOPE)
  string(STRIP "${marker}" text)
  if(text STREQUAL "")
    set(${out} TRUE PARENT_SCOPE)
    return()
  endif()
  set(comparison
      "([A-Za-z_]+)[ \t]*(===|==|!=|<=|>=|~=|<|>|not[ \t]+in|in)[ \t]*(\"[^\"]*\"|'[^']*')")
  set(problem "")
  while(text MATCHES "${comparison}")
    set(whole "${CMAKE_MATCH_0}")
    set(variable "${CMAKE_MATCH_1}")
    set(op "${CMAKE_MATCH_2}")
    set(quoted "${CMAKE_MATCH_3}")
    string(REGEX REPLACE "[ \t]+" " " op "${op}")
    string(REGEX REPLACE "^.(.*).$" "\\1" value "${quoted}")
    _torchcompat_marker_compare(
      result
      problem
      "${variable}"
      "${op}"
      "${value}"
      "${env}"
      "${extras}")
    if(NOT problem STREQUAL "")
      break()
    endif()
    set(atom F)
    if(result)
      set(atom T)
    endif()
    string(REPLACE "${whole}" " ${atom} " text "${text}")
  endwhile()
  if(problem STREQUAL "" AND NOT text MATCHES "^[TF() \t]*((and|or)[TF() \t]+)*$")
    set(problem "it holds a comparison this fetch cannot read")
  endif()
  if(problem STREQUAL "")
    _torchcompat_marker_reduce(value problem "${text}")
  endif()
  if(NOT problem STREQUAL "")
    set(${out_problem} "cannot evaluate the marker \"${marker}\": ${problem}" PARENT_SCOPE)
    return()
  endif()
  if(value STREQUAL "T")
    set(${out} TRUE PARENT_SCOPE)
  endif()
endfunction()

function(_torchcompat_spec_matches out version spec)
  set(result TRUE)
  string(REPLACE " " "" spec "${spec}")
  string(REPLACE "," ";" clauses "${spec}")
  foreach(clause IN LISTS clauses)
    if(NOT clause MATCHES "^(===|==|!=|<=|>=|~=|<|>)(.+)$")
      set(result FALSE)
      break()
    endif()
    set(op "${CMAKE_MATCH_1}")
    set(want "${CMAKE_MATCH_2}")
    set(ok FALSE)
    if(want MATCHES "^(.*)\\.\\*$")
      # A prefix match on whole components: 13.2.* takes 13.2 and 13.2.86, not 13.20.
      set(stem "${CMAKE_MATCH_1}")
      string(REPLACE "." "\\." stem_regex "${stem}")
      if(version STREQUAL stem OR version MATCHES "^${stem_regex}\\.")
        set(ok TRUE)
      else()
        set(ok FALSE)
      endif()
      if(op STREQUAL "!=")
        if(ok)
          set(ok FALSE)
        else()
          set(ok TRUE)
        endif()
      endif()
    elseif(op STREQUAL "==" OR op STREQUAL "===")
      if(version VERSION_EQUAL want)
        set(ok TRUE)
      endif()
    elseif(op STREQUAL "!=")
      if(NOT version VERSION_EQUAL want)
        set(ok TRUE)
      endif()
    elseif(op STREQUAL "<")
      if(version VERSION_LESS want)
        set(ok TRUE)
      endif()
    elseif(op STREQUAL "<=")
      if(version VERSION_LESS_EQUAL want)
        set(ok TRUE)
      endif()
    elseif(op STREQUAL ">")
      if(version VERSION_GREATER want)
        set(ok TRUE)
      endif()
    elseif(op STREQUAL ">=")
      if(version VERSION_GREATER_EQUAL want)
        set(ok TRUE)
      endif()
    elseif(op STREQUAL "~=")
      # ~=X.Y.Z is >=X.Y.Z together with ==X.Y.*.
      string(REGEX REPLACE "\\.[0-9]+$" "" stem "${want}")
      string(REPLACE "." "\\." stem_regex "${stem}")
      if(version VERSION_GREATER_EQUAL want AND version MATCHES "^${stem_regex}(\\.|$)")
        set(ok TRUE)
      endif()
    endif()
    if(NOT ok)
      set(result FALSE)
      break()
    endif()
  endforeach()
  set(${out} ${result} PARENT_SCOPE)
endfunction()

cmake_policy(POP)
