# The guard's C++ standard check says what a real compile does. Two imported
# torch targets carry the requirement the way the releases' TorchConfig.cmake
# files do (data/torch-wheels.json's evidence): 2.12.0-2.14.1 as CXX_STANDARD 20
# on the imported target, 2.15.0 as target_compile_features(torch INTERFACE
# cxx_std_20). A program that needs C++20 is compiled against each, with
# CMAKE_CXX_STANDARD 17 and with none, and the guard must fail exactly where
# the compile fails.
include("${CMAKE_CURRENT_LIST_DIR}/../verdict_checks.cmake")
enable_language(CXX)
if(NOT "cxx_std_20" IN_LIST CMAKE_CXX_COMPILE_FEATURES)
  message(FATAL_ERROR "this case needs a compiler with C++20 (${CMAKE_CXX_COMPILER_ID})")
endif()
add_library(torch_2_14 INTERFACE IMPORTED)
set_target_properties(torch_2_14 PROPERTIES CXX_STANDARD 20)
add_library(torch_2_15 INTERFACE IMPORTED)
target_compile_features(torch_2_15 INTERFACE cxx_std_20)
set(source "${CMAKE_BINARY_DIR}/needs20.cpp")
file(WRITE "${source}" "#if __cplusplus < 202002L\n#error needs C++20\n#endif\nint main() {}\n")

function(cxx_check_status out_var release)
  torchcompat_require(TORCH ${release} VARIANT cpu RESULT_VARIABLE ok MESSAGE_VARIABLE text
                                                                      VERDICT_VARIABLE verdict)
  verdict_checks(checks "${verdict}")
  # A C++ check that did not fail or stay unverified is "ok" (passes, where the verdict lists them).
  set(status ok)
  foreach(index IN LISTS checks)
    set(reason "${checks_REASON_${index}}")
    set(check_status "${checks_STATUS_${index}}")
    if(reason MATCHES "C\\+\\+20" AND NOT check_status STREQUAL "passes")
      set(status "${check_status}")
    endif()
  endforeach()
  set(${out_var} "${status}" PARENT_SCOPE)
endfunction()

set(results "")
foreach(standard IN ITEMS 17 none)
  if(standard STREQUAL "none")
    unset(CMAKE_CXX_STANDARD)
  else()
    set(CMAKE_CXX_STANDARD ${standard})
  endif()
  foreach(release IN ITEMS 2.14.0 2.15.0)
    string(REPLACE "." "_" target "torch_${release}")
    string(REGEX REPLACE "_0$" "" target "${target}")
    try_compile(compiles "${CMAKE_BINARY_DIR}/try-${release}-${standard}" SOURCES "${source}"
                LINK_LIBRARIES ${target})
    cxx_check_status(status ${release})
    set(guard_fails FALSE)
    if(status STREQUAL "fails")
      set(guard_fails TRUE)
    endif()
    if(compiles STREQUAL guard_fails)
      message(FATAL_ERROR "torch ${release}, standard ${standard}: the compile "
                          "${compiles}, the guard's C++ check ${status}")
    endif()
    list(APPEND results "${release}/${standard}:${status}")
  endforeach()
endforeach()
# What the compiles found, written out: 2.15.0 is raised by CMake, 2.14.0 is not.
set(expected "2.14.0/17:fails;2.15.0/17:ok;2.14.0/none:fails;2.15.0/none:ok")
if(CMAKE_CXX_STANDARD_DEFAULT GREATER_EQUAL 20 AND NOT CMAKE_CXX_STANDARD_DEFAULT EQUAL 98)
  # A compiler whose default is C++20 compiles 2.14.0 without being asked.
  string(REPLACE "2.14.0/none:fails" "2.14.0/none:ok" expected "${expected}")
endif()
if(NOT results STREQUAL expected)
  message(FATAL_ERROR "C++ checks ${results}, expected ${expected}")
endif()
set(CMAKE_CXX_STANDARD 17)
torchcompat_require(TORCH 2.15.0 VARIANT cpu RESULT_VARIABLE ok MESSAGE_VARIABLE text)
if(NOT
   text
   MATCHES
   "CMAKE_CXX_STANDARD is 17, but torch 2\\.15\\.0 needs C\\+\\+20: CMake compiles every target that links torch as C\\+\\+20"
)
  message(FATAL_ERROR "the raise is not said:\n${text}")
endif()
