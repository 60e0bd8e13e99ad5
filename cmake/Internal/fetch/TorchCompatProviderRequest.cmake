# What a project's find_package(Torch ...) call asked for, as the dependency provider receives it
# (the arguments after the package name), and whether a torch release satisfies it the way
# libtorch's own TorchConfigVersion.cmake and CMake's version ranges decide.

include_guard(GLOBAL)
# The module's own policies, also when included by a cmake -P script that set none.
cmake_policy(PUSH)
cmake_policy(VERSION 3.22...4.4)

# _torchcompat_find_request(<prefix> <find_package arguments...>) Sets <prefix>_VERSION (the
# version or range as written, "" for none), <prefix>_MIN, <prefix>_MAX ("" without a range),
# <prefix>_MAX_INCLUDED, <prefix>_EXACT, <prefix>_REQUIRED and <prefix>_QUIET. REQUIRED also
# follows CMAKE_REQUIRE_FIND_PACKAGE_Torch, as find_package() itself does.
function(_torchcompat_find_request prefix)
  set(flags
      EXACT
      QUIET
      REQUIRED
      CONFIG
      NO_MODULE
      MODULE
      GLOBAL
      NO_POLICY_SCOPE
      BYPASS_PROVIDER)
  cmake_parse_arguments(PARSE_ARGV 1 arg "${flags}" "" "")
  set(version "")
  if(arg_UNPARSED_ARGUMENTS)
    list(GET arg_UNPARSED_ARGUMENTS 0 first)
    if(first MATCHES "^[0-9]")
      set(version "${first}")
    endif()
  endif()
  set(min "${version}")
  set(max "")
  set(max_included TRUE)
  if(version MATCHES "^([0-9.]+)\\.\\.\\.(<?)([0-9.]+)$")
    set(min "${CMAKE_MATCH_1}")
    set(max "${CMAKE_MATCH_3}")
    if(CMAKE_MATCH_2)
      set(max_included FALSE)
    endif()
  endif()
  set(required ${arg_REQUIRED})
  if(CMAKE_REQUIRE_FIND_PACKAGE_Torch)
    set(required TRUE)
  endif()
  foreach(name IN ITEMS version min max max_included required)
    string(TOUPPER "${name}" upper)
    set(${prefix}_${upper} "${${name}}" PARENT_SCOPE)
  endforeach()
  set(${prefix}_EXACT ${arg_EXACT} PARENT_SCOPE)
  set(${prefix}_QUIET ${arg_QUIET} PARENT_SCOPE)
endfunction()

# Sets out_var to TRUE when torch <release> satisfies the request <prefix>: a range takes its
# bounds as written, EXACT takes the version alone, and a plain version any release at least as
# new (libtorch's version file accepts every newer release).
function(_torchcompat_release_satisfies out_var release prefix)
  set(ok TRUE)
  if(NOT "${${prefix}_VERSION}" STREQUAL "")
    if(${prefix}_EXACT)
      if(NOT release VERSION_EQUAL "${${prefix}_MIN}")
        set(ok FALSE)
      endif()
    elseif(release VERSION_LESS "${${prefix}_MIN}")
      set(ok FALSE)
    elseif(NOT "${${prefix}_MAX}" STREQUAL "")
      if(release VERSION_GREATER "${${prefix}_MAX}")
        set(ok FALSE)
      elseif(release VERSION_EQUAL "${${prefix}_MAX}" AND NOT ${prefix}_MAX_INCLUDED)
        set(ok FALSE)
      endif()
    endif()
  endif()
  set(${out_var} ${ok} PARENT_SCOPE)
endfunction()

# The request in words, for messages: "find_package(Torch 1.13...2.6 EXACT)".
function(_torchcompat_find_request_text out_var prefix)
  set(text "find_package(Torch")
  if(NOT "${${prefix}_VERSION}" STREQUAL "")
    string(APPEND text " ${${prefix}_VERSION}")
  endif()
  if(${prefix}_EXACT)
    string(APPEND text " EXACT")
  endif()
  set(${out_var} "${text})" PARENT_SCOPE)
endfunction()

cmake_policy(POP)
