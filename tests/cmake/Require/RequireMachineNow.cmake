# The machine as it is now (issue 15): between two configures of one build
# folder the CUDA toolkit is upgraded in place (version.json 12.4.131 ->
# 12.8.93), the driver library is swapped in place (a new libcuda.so.1 in the
# same folder, now a CUDA 11.4 driver) and torch's METADATA is rewritten in
# place (2.4.0 -> 2.5.1). The second configure sees all three, and the guard
# that passed the first time is not served from memory.
set(work "${CMAKE_CURRENT_BINARY_DIR}/machine-now")
file(REMOVE_RECURSE "${work}")
file(WRITE "${work}/toolkit/version.json" "{\"cuda\": {\"version\": \"12.4.131\"}}")
file(COPY "$ENV{TEST_FAKES_DIR}/cuda/libcuda.so.1" DESTINATION "${work}/driver")
execute_process(COMMAND /usr/bin/python3 -m venv --without-pip "${work}/venv"
                RESULT_VARIABLE venv_result)
execute_process(
  COMMAND "${work}/venv/bin/python" -c "import sysconfig; print(sysconfig.get_paths()['purelib'])"
  OUTPUT_VARIABLE site OUTPUT_STRIP_TRAILING_WHITESPACE)
if(NOT venv_result EQUAL 0 OR NOT IS_DIRECTORY "${site}")
  message(FATAL_ERROR "no venv in ${work}/venv")
endif()
set(metadata "${site}/torch-2.4.0.dist-info/METADATA")
file(WRITE "${metadata}" "Metadata-Version: 2.1\nName: torch\nVersion: 2.4.0\n")
file(
  WRITE "${work}/project/CMakeLists.txt"
  "cmake_minimum_required(VERSION 3.22)
project(machine_now NONE)
find_package(TorchCompat REQUIRED)
torchcompat_detect()
torchcompat_require(TORCH 2.4.0 VARIANT cu121 MODE WARNING RESULT_VARIABLE ok)
message(STATUS \"machine: driver CUDA \${TorchCompat_DRIVER_CUDA_VERSION}, toolkit \"
               \"\${TorchCompat_CUDA_TOOLKIT_VERSION}, torch \${TorchCompat_PYTHON_TORCH_VERSION}, \"
               \"guard \${ok}\")
")

# configure(<out-var> <driver version as cuDriverGetVersion reports it>)
function(configure out_var driver)
  execute_process(
    COMMAND
      "${CMAKE_COMMAND}" -E env "LD_LIBRARY_PATH=${work}/driver"
      "FAKE_CUDA_DRIVER_VERSION=${driver}" "FAKE_CUDA_GPUS=NVIDIA A100-SXM4-80GB,8.0,85899345920"
      "${CMAKE_COMMAND}" -S "${work}/project" -B "${work}/build"
      "-DTorchCompat_DIR=${TorchCompat_DIR}"
      "-DTORCHCOMPAT_PROBE_EXECUTABLE=${TORCHCOMPAT_PROBE_EXECUTABLE}"
      "-DTORCHCOMPAT_CUDA_ROOT=${work}/toolkit" "-DTORCHCOMPAT_PYTHON=${work}/venv/bin/python"
    OUTPUT_VARIABLE output
    ERROR_VARIABLE errors
    RESULT_VARIABLE result)
  string(REGEX MATCH "machine: [^\n]*" line "${output}")
  if(NOT result EQUAL 0 OR NOT line)
    message(FATAL_ERROR "the nested configure failed (${result}):\n${output}\n${errors}")
  endif()
  set(${out_var} "${line}" PARENT_SCOPE)
endfunction()

configure(first 12040)
if(NOT first STREQUAL "machine: driver CUDA 12.4, toolkit 12.4.131, torch 2.4.0, guard TRUE")
  message(FATAL_ERROR "first configure: ${first}")
endif()

# Upgrades in place, as a package manager makes them: the file rewritten, or
# replaced by a new one under the same name.
execute_process(COMMAND "${CMAKE_COMMAND}" -E sleep 0.05)
file(WRITE "${work}/toolkit/version.json" "{\"cuda\": {\"version\": \"12.8.93\"}}")
file(REMOVE "${work}/driver/libcuda.so.1")
file(COPY "$ENV{TEST_FAKES_DIR}/cuda/libcuda.so.1" DESTINATION "${work}/driver")
file(WRITE "${metadata}" "Metadata-Version: 2.1\nName: torch\nVersion: 2.5.1\n")

configure(second 11040)
if(NOT second STREQUAL "machine: driver CUDA 11.4, toolkit 12.8.93, torch 2.5.1, guard FALSE")
  message(FATAL_ERROR "second configure of the same build folder: ${second}")
endif()
message(STATUS "the re-configure saw the machine as it is now")
