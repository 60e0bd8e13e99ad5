# The glibc checked is the target machine's when a target profile names one
# (the probe does not write it: a person adds "glibc" to the saved profile),
# unknown when the profile has none (this host's says nothing about the
# deployment machine's), and this host's, from getconf, without a profile.
include("${CMAKE_CURRENT_LIST_DIR}/../guard_data.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/../verdict_checks.cmake")
file(READ "${CMAKE_CURRENT_LIST_DIR}/../Profile/ProfileApplies.cmake" body)
string(REGEX MATCH "\\[=\\[(.*)\\]=\\]" json "${body}")
set(json "${CMAKE_MATCH_1}")

function(glibc_verdict out_var)
  torchcompat_require(TORCH 2.7.0 VARIANT cpu RESULT_VARIABLE ok MESSAGE_VARIABLE text
                                                                 VERDICT_VARIABLE verdict)
  verdict_checks(checks "${verdict}")
  # A check that did not fail or stay unverified is "ok" (passes, where the verdict lists them).
  set(found "ok")
  foreach(index IN LISTS checks)
    set(reason "${checks_REASON_${index}}")
    set(status "${checks_STATUS_${index}}")
    if(reason MATCHES "glibc" AND NOT status STREQUAL "passes")
      set(found "${status}: ${reason}")
    endif()
  endforeach()
  set(${out_var} "${found}" PARENT_SCOPE)
endfunction()

string(JSON old SET "${json}" glibc "\"2.26\"")
file(WRITE "${CMAKE_BINARY_DIR}/old-glibc.json" "${old}")
set(TORCHCOMPAT_TARGET_PROFILE "${CMAKE_BINARY_DIR}/old-glibc.json")
glibc_verdict(check)
if(NOT
   check
   MATCHES
   "^fails: torch 2\\.7\\.0's builds for linux-x86_64 need glibc 2\\.28 or newer .*the target machine has glibc 2\\.26 \\(target profile [^)]*old-glibc\\.json\\)"
)
  message(FATAL_ERROR "a profile's glibc 2.26 against the 2.28 floor: ${check}")
endif()

file(WRITE "${CMAKE_BINARY_DIR}/no-glibc.json" "${json}")
set(TORCHCOMPAT_TARGET_PROFILE "${CMAKE_BINARY_DIR}/no-glibc.json")
glibc_verdict(check)
if(NOT
   check
   MATCHES
   "^unverified: .*the target machine's glibc is unknown: the target profile [^ ]*no-glibc\\.json does not state"
)
  message(FATAL_ERROR "a profile without glibc must leave it unverified: ${check}")
endif()
# The reason quotes what to add ("glibc": "<major.minor>"): the quotes reach
# the caller's verdict as they were, and the verdict stays JSON.
if(NOT check MATCHES "add \"glibc\": \"<major\\.minor>\" to it")
  message(FATAL_ERROR "the reason's quotes did not reach the verdict: ${check}")
endif()

string(JSON bad SET "${json}" glibc "\"new\"")
file(WRITE "${CMAKE_BINARY_DIR}/bad-glibc.json" "${bad}")

unset(TORCHCOMPAT_TARGET_PROFILE)
glibc_verdict(check)
if(NOT check STREQUAL "ok")
  message(FATAL_ERROR "this host's glibc meets the 2.28 floor: ${check}")
endif()
# The host's glibc as getconf says it, against a floor above any real one.
execute_process(COMMAND getconf GNU_LIBC_VERSION OUTPUT_VARIABLE host
                OUTPUT_STRIP_TRAILING_WHITESPACE)
string(REPLACE "glibc " "" host "${host}")
guard_table_set(
  torch-wheels
  "\"99.0\""
  releases
  2.7.0
  platforms
  linux-x86_64
  glibc_floor)
glibc_verdict(check)
if(NOT
   check
   MATCHES
   "^fails: torch 2\\.7\\.0's builds for linux-x86_64 need glibc 99\\.0 or newer .*this machine has glibc ${host} \\(getconf GNU_LIBC_VERSION\\)"
)
  message(FATAL_ERROR "this host's glibc ${host} against a floor of 99.0: ${check}")
endif()

# Last: a malformed member stops the configure (see -stderr.txt).
set(TORCHCOMPAT_TARGET_PROFILE "${CMAKE_BINARY_DIR}/bad-glibc.json")
glibc_verdict(check)
