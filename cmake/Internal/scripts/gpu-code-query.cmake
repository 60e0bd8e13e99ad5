# Answers GPU-code questions with the package's own rule functions
# (TorchCompatGpuCode.cmake), so that scripts outside CMake use the same
# implementation instead of a copy:
#
#   cmake -DDATA_DIR=<folder with gpu-code-rules.json> -DQUERY_FILE=<in>
#         -DOUTPUT_FILE=<out> -P gpu-code-query.cmake
#
# Each line of QUERY_FILE is one question, fields separated by tabs, lists by
# commas; OUTPUT_FILE gets one answer per line, in order:
#
#   sass <code> <gpu>                      TRUE or FALSE: SASS for <code> runs on <gpu>
#   ptx <code> <gpu>                       TRUE or FALSE: PTX for <code> JIT-compiles for <gpu>
#   runs <sass> <ptx> <gpu> <driver 1|0>   sass, ptx or none (PTX counts only with driver 1)
#
# A malformed line stops with an error naming it.

cmake_minimum_required(VERSION 3.22...4.4)
foreach(input IN ITEMS DATA_DIR QUERY_FILE OUTPUT_FILE)
  if(NOT DEFINED ${input})
    message(FATAL_ERROR "TorchCompat: gpu-code-query.cmake needs -D${input}=...")
  endif()
endforeach()
set(TORCHCOMPAT_DATA_DIR "${DATA_DIR}")
include("${CMAKE_CURRENT_LIST_DIR}/../tables/TorchCompatGpuCode.cmake")

file(STRINGS "${QUERY_FILE}" queries)
_torchcompat_gpu_rules(rules)
set(answers "")
foreach(query IN LISTS queries)
  string(REPLACE "\t" ";" fields "${query}")
  list(LENGTH fields count)
  list(GET fields 0 kind)
  if(kind MATCHES "^(sass|ptx)$" AND count EQUAL 3)
    list(GET fields 1 code)
    list(GET fields 2 gpu)
    if(kind STREQUAL "sass")
      _torchcompat_sass_runs(answer "${code}" "${gpu}" "${rules_EXACT_ONLY}" "${rules_TABLE}")
    else()
      _torchcompat_ptx_runs(answer "${code}" "${gpu}" "${rules_TABLE}")
    endif()
  elseif(kind STREQUAL "runs" AND count EQUAL 5)
    list(GET fields 1 sass)
    list(GET fields 2 ptx)
    list(GET fields 3 gpu)
    list(GET fields 4 driver_ok)
    string(REPLACE "," ";" sass "${sass}")
    string(REPLACE "," ";" ptx "${ptx}")
    _torchcompat_gpu_coverage(answer "${gpu}" "${sass}" "${ptx}")
    if(NOT answer OR (answer STREQUAL "ptx" AND NOT driver_ok))
      set(answer none)
    endif()
  else()
    message(FATAL_ERROR "TorchCompat: gpu-code-query.cmake: malformed query '${query}'.")
  endif()
  string(APPEND answers "${answer}\n")
endforeach()
file(WRITE "${OUTPUT_FILE}" "${answers}")
