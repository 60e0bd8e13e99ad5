# `torchcompat report` asks the probe once (issue 15): a wrapper in front of
# the real probe logs each run, for the text and the JSON forms, with an
# interpreter named (so no other interpreters are looked at).
#   cmake -DCLI=<bin/torchcompat> -DPROBE=<probe> -DPYTHON=<venv python> -DWORK=<dir> -P probe_counter.cmake
cmake_minimum_required(VERSION 3.22...4.4)

file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")
set(log "${WORK}/runs.log")
file(WRITE "${WORK}/probe" "#!/bin/sh\necho \"$*\" >> '${log}'\nexec '${PROBE}' \"$@\"\n")
file(CHMOD "${WORK}/probe" PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE)
foreach(format IN ITEMS text json)
  file(WRITE "${log}" "")
  execute_process(
    COMMAND
      "${CMAKE_COMMAND}" -E env "TORCHCOMPAT_PROBE_EXECUTABLE=${WORK}/probe"
      "TORCHCOMPAT_CACHE_DIR=${WORK}/cache" TORCHCOMPAT_OVERRIDE_DRIVER=550.54.14
      TORCHCOMPAT_OVERRIDE_CUDA=12.4 TORCHCOMPAT_OVERRIDE_GPU_ARCHS=8.6 "${CLI}" --format ${format}
      report 2.4.0 --python "${PYTHON}"
    RESULT_VARIABLE result
    OUTPUT_VARIABLE output
    ERROR_VARIABLE errors)
  file(STRINGS "${log}" runs)
  list(LENGTH runs count)
  if(NOT result EQUAL 0 OR NOT count EQUAL 1)
    message(FATAL_ERROR "report --format ${format}: exit ${result}, the probe ran ${count} "
                        "times, not once:\n${runs}\n${output}${errors}")
  endif()
  message(STATUS "report --format ${format}: the probe ran once")
endforeach()
