# A cmake -P script that sets no policies at all (every one unset, CMake 2.x
# behaviour) uses the package: the commands keep the package's own policies,
# so nothing fails and no author warning is printed (-Werror=dev makes any an
# error). CUDNN is left out so the guard passes an empty value along, what
# CMP0174 warns about where it is unset.
set(script "${CMAKE_CURRENT_BINARY_DIR}/no-policies.cmake")
file(
  WRITE "${script}"
  "find_package(TorchCompat REQUIRED CONFIG PATHS \"${TorchCompat_DIR}\" NO_DEFAULT_PATH)\n"
  "torchcompat_detect(QUIET)\n"
  "torchcompat_require(TORCH 2.4.0 VARIANT cu121 RESULT_VARIABLE ok MESSAGE_VARIABLE text)\n"
  "torchcompat_select_libtorch(VERSION 2.4.0 PLATFORM linux URL_VARIABLE url RESULT_VARIABLE "
  "selected MESSAGE_VARIABLE selection)\n"
  "torchcompat_report(TORCH 2.4.0 OUTPUT_VARIABLE report)\n"
  "if(NOT ok OR NOT selected)\n"
  "  message(FATAL_ERROR \"script: \${ok} \${text} \${selected} \${selection}\")\n"
  "endif()\n")
execute_process(
  COMMAND
    "${CMAKE_COMMAND}" -Werror=dev -Wno-deprecated
    "-DTORCHCOMPAT_PROBE_EXECUTABLE=${TORCHCOMPAT_PROBE_EXECUTABLE}" -DTORCHCOMPAT_PYTHON=OFF -P
    "${script}"
  RESULT_VARIABLE result
  OUTPUT_VARIABLE output
  ERROR_VARIABLE errors)
if(NOT result EQUAL 0 OR errors MATCHES
                         "CMake (Warning|Error) \\(dev\\)|CMake Warning \\(author\\)|Policy CMP")
  message(FATAL_ERROR "the script without policies failed (${result}):\n${output}\n${errors}")
endif()
message(STATUS "a script without policies uses the package cleanly")
