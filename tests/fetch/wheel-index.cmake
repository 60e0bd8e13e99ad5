# Helpers of the wheel cases (included by cases/wheel-*.cmake after run-case.cmake's own): a simple
# index on the loopback server and a wheel table of the case's own.

set(WHEELS "${SERVED}/wheels")
set(TORCH_WHEEL torch-1.13.1-cp311-cp311-manylinux_2_28_x86_64.whl)
set(NVIDIA_WHEEL nvidia_cuda_runtime_cu11-11.7.99-py3-none-manylinux1_x86_64.whl)

# serve_wheel_index(<out-index-url> <name> FILES <wheel>... [FILES_MODE <mode>] [ARGS <arg>...]):
# a simple index (PEP 691 JSON and PEP 503 HTML, make-torch-wheel index) of the given wheels (paths
# below ${WHEELS}) in this case's part of the served tree, the files linked by absolute URLs served
# in FILES_MODE (default normal; tamper flips a byte). Sets <out-index-url> to its base URL.
function(serve_wheel_index out name)
  cmake_parse_arguments(PARSE_ARGV 2 arg "" "FILES_MODE" "FILES;ARGS")
  if(NOT arg_FILES_MODE)
    set(arg_FILES_MODE normal)
  endif()
  set(listed "${WORK}/index-${name}")
  file(REMOVE_RECURSE "${listed}")
  file(MAKE_DIRECTORY "${listed}")
  set(folder "")
  foreach(wheel IN LISTS arg_FILES)
    get_filename_component(file_name "${wheel}" NAME)
    file(CREATE_LINK "${WHEELS}/${wheel}" "${listed}/${file_name}" SYMBOLIC)
    get_filename_component(folder "${wheel}" DIRECTORY)
  endforeach()
  set(files_url "http://127.0.0.1:${PORT}/${arg_FILES_MODE}/${TAG}-files/wheels/${folder}")
  set(simple "${SERVED}/${TAG}/${name}/simple")
  file(REMOVE_RECURSE "${simple}")
  execute_process(COMMAND "${PYTHON}" "${REPO}/tests/fetch/make-torch-wheel" index "${listed}"
                          "${simple}" --files-url "${files_url}" ${arg_ARGS} RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "make-torch-wheel index failed: ${rc}")
  endif()
  set(${out} "http://127.0.0.1:${PORT}/normal/${TAG}-index/${TAG}/${name}/simple" PARENT_SCOPE)
endfunction()

# wheel_table(<out-dir> <name> [RECORD]): the package's tables with torch-wheels.json changed: without
# RECORD, 1.13.1 is left out (its wheel is read from the index); with RECORD, its linux-x86_64 wheel
# is the test's CUDA stand-in (file name, hash, and its nvidia-* requirement with that wheel's hash)
# as a PyPI record would name it.
function(wheel_table out name)
  set(dir "${WORK}/data-${name}")
  file(REMOVE_RECURSE "${dir}")
  file(GLOB tables "${REPO}/data/*.json")
  file(COPY ${tables} DESTINATION "${dir}")
  set(mode drop)
  if(ARGC GREATER 2)
    set(mode record)
  endif()
  execute_process(
    COMMAND
      "${PYTHON}" -c
      "
import hashlib, json, sys
path, mode, torch, nvidia = sys.argv[1:5]
table = json.load(open(path))
def sha(p):
    return hashlib.sha256(open(p, 'rb').read()).hexdigest()
if mode == 'drop':
    table['releases'].pop('1.13.1', None)
else:
    base = 'https://files.pythonhosted.org/packages/te/st/'
    nv = nvidia.rsplit('/', 1)[1]
    table['releases'].setdefault('1.13.1', {'platforms': {}})['platforms']['linux-x86_64'] = {
        'python_tag': 'cp311', 'filename': torch.rsplit('/', 1)[1], 'url': base + torch.rsplit('/', 1)[1],
        'size': 0, 'sha256': sha(torch), 'variant': 'cu117', 'platform_tag': 'manylinux_2_28_x86_64',
        'glibc_floor': '2.28', 'requires': [{
            'requirement': 'nvidia-cuda-runtime-cu11==11.7.99; platform_system == \"Linux\"',
            'name': 'nvidia-cuda-runtime-cu11', 'version': '11.7.99', 'marker': 'platform_system == \"Linux\"',
            'applies': True, 'file': {'filename': nv, 'url': base + nv, 'size': 0, 'sha256': sha(nvidia)}}]}
json.dump(table, open(path, 'w'), indent=1)
" "${dir}/torch-wheels.json" ${mode} "${WHEELS}/cuda/${TORCH_WHEEL}"
      "${WHEELS}/cuda/${NVIDIA_WHEEL}"
    RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "wheel_table ${name} failed: ${rc}")
  endif()
  set(${out} "${dir}" PARENT_SCOPE)
endfunction()

# A script that fetches 1.13.1 from the wheel with the knobs given as -D, and prints the results:
# -DWHEEL_ARCH=aarch64 for a Linux aarch64 target, -DWHEEL_SOURCE= to leave SOURCE out.
set(WHEEL_FETCH_SCRIPT "${WORK}/wheel-fetch.cmake")
file(
  WRITE "${WHEEL_FETCH_SCRIPT}"
  "include(\"${PACKAGE_DIR}/TorchCompatConfig.cmake\")\n"
  "set(target SOURCE wheel)\n"
  "if(DEFINED WHEEL_SOURCE)\n"
  "  set(target \"\")\n"
  "endif()\n"
  "if(DEFINED WHEEL_ARCH)\n"
  "  list(APPEND target PLATFORM linux ARCH \${WHEEL_ARCH})\n"
  "endif()\n"
  "torchcompat_fetch_libtorch(VERSION 1.13.1 \${target} URL_VARIABLE url\n"
  "  VARIANT_VARIABLE variant SOURCE_VARIABLE source)\n"
  "message(STATUS \"wheel-fetch: url=\${url} variant=\${variant} source=\${source}\")\n"
  "message(STATUS \"wheel-fetch: tree=\${TorchCompat_LIBTORCH_DIR}\")\n")

# wheel_fetch(<name> [EXPECT_FAIL] INDEX <url> [DATA <dir>] [ARGS -D...] [EXPECT ...] [REJECT ...])
function(wheel_fetch name)
  cmake_parse_arguments(PARSE_ARGV 1 arg "EXPECT_FAIL" "INDEX;DATA" "ARGS;EXPECT;REJECT")
  set(fail "")
  if(arg_EXPECT_FAIL)
    set(fail EXPECT_FAIL)
  endif()
  set(data "")
  if(arg_DATA)
    set(data "-DTORCHCOMPAT_DATA_DIR=${arg_DATA}")
  endif()
  fetch_run(
    "${name}"
    ${fail}
    COMMAND
      "${CMAKE_COMMAND}" "-DTORCHCOMPAT_PROBE_EXECUTABLE=${PROBE}"
      "-DTORCHCOMPAT_PYPI_INDEX_URL=${arg_INDEX}" -DTORCHCOMPAT_ALLOW_HTTP=ON ${data}
      "-DTORCHCOMPAT_CACHE_DIR=${CACHE_DIR}" ${arg_ARGS} -P "${WHEEL_FETCH_SCRIPT}"
    EXPECT ${arg_EXPECT}
    REJECT ${arg_REJECT})
  set(result "")
  if(FETCH_OUTPUT MATCHES "wheel-fetch: tree=([^\n]*)")
    set(result "${CMAKE_MATCH_1}")
  endif()
  set(FETCH_RESULT_DIR "${result}" PARENT_SCOPE)
  set(FETCH_OUTPUT "${FETCH_OUTPUT}" PARENT_SCOPE)
  set(fetch_step ${fetch_step} PARENT_SCOPE)
endfunction()
