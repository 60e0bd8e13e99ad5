# One verdict, many renderings (issue 15): VERDICT_VARIABLE is the value the
# message is rendered from, so every check's reason, every way out and the
# machine in the verdict appear in MESSAGE_VARIABLE, under the heading their
# status gives them; "works on the CPU only" is its own answer.
include("${CMAKE_CURRENT_LIST_DIR}/../guard_data.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/../verdict_checks.cmake")

function(expect_rendered label verdict text)
  string(JSON answer GET "${verdict}" answer)
  verdict_checks(checks "${verdict}")
  foreach(index IN LISTS checks)
    set(status "${checks_STATUS_${index}}")
    set(reason "${checks_REASON_${index}}")
    string(FIND "${text}" "${reason}" at)
    # The checks that passed are listed in the verdict, not in the configure's message.
    if(at EQUAL -1 AND NOT status STREQUAL "passes")
      message(FATAL_ERROR "${label}: the ${status} check '${reason}' is not in:\n${text}")
    endif()
  endforeach()
  string(JSON count LENGTH "${verdict}" ways_out)
  if(count GREATER 0)
    math(EXPR last "${count} - 1")
    foreach(index RANGE ${last})
      string(
        JSON
        way
        GET
        "${verdict}"
        ways_out
        ${index}
        text)
      string(FIND "${text}" "\n  - ${way}" at)
      string(FIND "${text}" "Ways out:" heading)
      if(at EQUAL -1 OR heading EQUAL -1 OR at LESS heading)
        message(FATAL_ERROR "${label}: way out '${way}' is not under 'Ways out:' in:\n${text}")
      endif()
    endforeach()
  endif()
  string(JSON machine_text GET "${verdict}" checked_against)
  if(machine_text AND NOT answer STREQUAL "cpu-only")
    string(FIND "${text}\n" "\nChecked against: ${machine_text}\n" at)
    if(at EQUAL -1)
      message(FATAL_ERROR "${label}: the machine is not rendered whole in:\n${text}")
    endif()
  endif()
endfunction()

# A failing pair on an old driver: problems, ways out, the machine.
guard_machine(DRIVER 470.82.01 CUDA 11.4 GPUS "8.6,9.0")
torchcompat_require(
  TORCH 2.4.0
  TORCHVISION 0.18.0
  VARIANT cu121
  RESULT_VARIABLE ok MESSAGE_VARIABLE text VERDICT_VARIABLE verdict)
string(JSON answer GET "${verdict}" answer)
string(
  JSON
  first_way
  GET
  "${verdict}"
  ways_out
  0
  kind)
string(
  JSON
  first_cmake
  GET
  "${verdict}"
  ways_out
  0
  cmake)
if(ok
   OR NOT answer STREQUAL "problem"
   OR NOT first_way STREQUAL "install"
   OR NOT first_cmake STREQUAL "TORCHVISION 0.19.0")
  message(FATAL_ERROR "expected a problem whose first way out installs TORCHVISION 0.19.0:\n"
                      "${verdict}")
endif()
expect_rendered(pair "${verdict}" "${text}")

# No GPU: a CUDA build passes, on the CPU only, and says so as its own answer.
guard_machine(DRIVER 550.54.14 CUDA 12.4)
set(TORCHCOMPAT_OVERRIDE_GPU_ARCHS "")
torchcompat_require(TORCH 2.4.0 VARIANT cu121 RESULT_VARIABLE ok MESSAGE_VARIABLE text
                                                                 VERDICT_VARIABLE verdict)
string(JSON answer GET "${verdict}" answer)
string(
  JSON
  status
  GET
  "${verdict}"
  checks
  0
  status)
if(NOT ok OR NOT answer STREQUAL "cpu-only" OR NOT status STREQUAL "cpu-only")
  message(FATAL_ERROR "expected a cpu-only pass:\n${verdict}")
endif()
expect_rendered(cpu-only "${verdict}" "${text}")

# Under REQUIRE_GPU the same is a problem.
torchcompat_require(TORCH 2.4.0 VARIANT cu121 REQUIRE_GPU
                    RESULT_VARIABLE ok MESSAGE_VARIABLE text VERDICT_VARIABLE verdict)
string(JSON answer GET "${verdict}" answer)
if(ok OR NOT answer STREQUAL "problem")
  message(FATAL_ERROR "expected a problem under REQUIRE_GPU:\n${verdict}")
endif()
expect_rendered(require-gpu "${verdict}" "${text}")
message(STATUS "verdict renderings agree")
