# The report decides into its verdict (VERDICT_VARIABLE) and its "What it
# allows" lines are that verdict rendered (issue 15): each build in the
# verdict has its line, with its status's words and its reason whole.
include("${CMAKE_CURRENT_LIST_DIR}/../guard_data.cmake")
guard_machine(DRIVER 470.82.01 CUDA 11.4 GPUS 8.6)
torchcompat_report(TORCH 2.4.0 OUTPUT_VARIABLE text VERDICT_VARIABLE verdict)
set(words_runs "runs here")
set(words_does-not-run "does not run: ")
set(words_cpu-only "runs on the CPU only: ")
set(words_unverified "cannot be verified: ")
string(JSON count LENGTH "${verdict}" builds)
set(statuses "")
math(EXPR last "${count} - 1")
foreach(index RANGE ${last})
  string(
    JSON
    variant
    GET
    "${verdict}"
    builds
    ${index}
    variant)
  string(
    JSON
    status
    GET
    "${verdict}"
    builds
    ${index}
    status)
  string(
    JSON
    reason
    GET
    "${verdict}"
    builds
    ${index}
    reason)
  string(REGEX REPLACE "([][+.*()^$?|\\\\])" "\\\\\\1" pattern "${words_${status}}${reason}")
  if(NOT text MATCHES "\n  ${variant} +${pattern}\n")
    message(FATAL_ERROR "build ${variant} (${status}) is not rendered as decided in:\n${text}")
  endif()
  list(APPEND statuses "${variant}=${status}")
endforeach()
# Driver 470 (CUDA 11.4) runs cu118 under compat, not cu121 or cu124.
foreach(expected IN ITEMS cu118=runs cu121=does-not-run cu124=does-not-run cpu=runs)
  if(NOT expected IN_LIST statuses)
    message(FATAL_ERROR "expected ${expected} in ${statuses}")
  endif()
endforeach()
message(STATUS "report verdict rendered: ${statuses}")
