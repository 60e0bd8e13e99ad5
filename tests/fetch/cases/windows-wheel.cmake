# Issue 17: a Windows x64 (CPU) torch wheel fetched by the official Windows CMake (the cmake
# win_amd64 wheel from PyPI) run by Wine, through torchcompat_fetch_libtorch(SOURCE wheel) in
# script mode, with no PLATFORM: the host platform Windows CMake reports (CMAKE_HOST_WIN32, its
# OS_PLATFORM AMD64) is the target. The wheel is a stand-in in PyPI's layout (torch/lib/*.dll and
# *.lib, torch/include, torch/share/cmake/Torch, torch/version.py of a CPU build, functorch/,
# torch-1.13.1.dist-info/ tagged cp311-cp311-win_amd64 with its RECORD) served by the loopback
# index with its hash; Windows CMake's own curl reads the index and the file, its archive reader
# lists and extracts it. Only torch/{include,lib,share} and version.py are unpacked, and the variant
# is read from version.py. A Linux wheel is refused for Windows: one the index lists under its own
# name (no win_amd64 file), and one renamed win_amd64 whose WHEEL file still names manylinux.
# No probe runs (Windows CMake cannot start the Linux one, and builds none without a compiler): it
# warns that nothing about the machine is known, and the selection goes on without it, which a
# CPU-only wheel does not need.
# Inputs beyond run-case.cmake's: WINDOWS_CMAKE (cmake.exe), WINE (wine64), WINEPREFIX.
foreach(input IN ITEMS WINDOWS_CMAKE WINE WINEPREFIX)
  if(NOT DEFINED ${input} OR "${${input}}" STREQUAL "")
    message(FATAL_ERROR "FAIL: windows-wheel needs -D${input}")
  endif()
endforeach()
include("${REPO}/tests/fetch/wheel-index.cmake")
set(WINDOWS_WHEEL torch-1.13.1-cp311-cp311-win_amd64.whl)

# The wheels, in this case's part of the served tree: the Windows one, and a Linux one renamed
# to win_amd64 (its WHEEL file still says manylinux).
set(own "${WHEELS}/${TAG}")
file(REMOVE_RECURSE "${own}")
set(make_wheel "${PYTHON}" "${REPO}/tests/fetch/make-torch-wheel" torch "${SERVED}/mini.zip")
set(libraries --windows-library c10 --windows-library torch_cpu --windows-library torch)
execute_process(COMMAND ${make_wheel} "${own}/windows" --version 1.13.1 --platform win_amd64
                        ${libraries} OUTPUT_QUIET RESULT_VARIABLE rc)
expect_that(rc EQUAL 0)
execute_process(
  COMMAND ${make_wheel} "${own}/renamed" --version 1.13.1 --platform win_amd64 --wheel-tag
          cp311-cp311-manylinux_2_28_x86_64 ${libraries} OUTPUT_QUIET RESULT_VARIABLE rc)
expect_that(rc EQUAL 0)
wheel_table(data windows)

# Wine maps the Linux root to drive Z:.
set(fetch_script "${WORK}/windows-wheel-fetch.cmake")
file(
  WRITE "${fetch_script}"
  "include(\"Z:${PACKAGE_DIR}/TorchCompatConfig.cmake\")\n"
  "torchcompat_fetch_libtorch(VERSION 1.13.1 SOURCE wheel URL_VARIABLE url\n"
  "  VARIANT_VARIABLE variant SOURCE_VARIABLE source)\n"
  "message(STATUS \"wheel-fetch: url=\${url} variant=\${variant} source=\${source}\")\n"
  "message(STATUS \"wheel-fetch: tree=\${TorchCompat_LIBTORCH_DIR}\")\n")

# windows_wheel_fetch(<name> [EXPECT_FAIL] INDEX <url> [EXPECT ...] [REJECT ...])
function(windows_wheel_fetch name)
  cmake_parse_arguments(PARSE_ARGV 1 arg "EXPECT_FAIL" "INDEX" "EXPECT;REJECT")
  set(fail "")
  if(arg_EXPECT_FAIL)
    set(fail EXPECT_FAIL)
  endif()
  fetch_run(
    ${name}
    ${fail}
    COMMAND
      "${CMAKE_COMMAND}" -E env "WINEPREFIX=${WINEPREFIX}" WINEDEBUG=-all
      "TORCHCOMPAT_STATE_DIR=Z:${STATE_DIR}" "${WINE}" "${WINDOWS_CMAKE}"
      "-DTORCHCOMPAT_PYPI_INDEX_URL=${arg_INDEX}" -DTORCHCOMPAT_ALLOW_HTTP=ON
      "-DTORCHCOMPAT_DATA_DIR=Z:${data}" "-DTORCHCOMPAT_CACHE_DIR=Z:${CACHE_DIR}"
      "-DTORCHCOMPAT_LOCK_FILE=Z:${WORK}/lock.txt" -P "Z:${fetch_script}"
    EXPECT ${arg_EXPECT}
    REJECT ${arg_REJECT})
  set(FETCH_OUTPUT "${FETCH_OUTPUT}" PARENT_SCOPE)
  set(fetch_step ${fetch_step} PARENT_SCOPE)
endfunction()

serve_wheel_index(index windows FILES ${TAG}/windows/${WINDOWS_WHEEL})
set(wheel_url "http://127.0.0.1:${PORT}/normal/${TAG}-files/wheels/${TAG}/windows/${WINDOWS_WHEEL}")
windows_wheel_fetch(
  fetch
  INDEX
  "${index}"
  EXPECT
  "from a wheel: the torch wheel for windows-x86_64 on ${index}/torch/"
  "downloading ${wheel_url}"
  "wheel-fetch: url=${wheel_url} variant=cpu source=wheel"
  "wheel-fetch: tree=Z:${CACHE_DIR}/libtorch/[0-9a-f]+/site-packages/torch")
string(REGEX MATCH "tree=Z:([^\n]*)" tree "${FETCH_OUTPUT}")
set(tree "${CMAKE_MATCH_1}")
expect_exists("${tree}/version.py")
expect_exists("${tree}/include/torch/version.h")
expect_exists("${tree}/share/cmake/Torch/TorchConfig.cmake")
foreach(library IN ITEMS c10 torch_cpu torch)
  expect_exists("${tree}/lib/${library}.dll")
  expect_exists("${tree}/lib/${library}.lib")
endforeach()
# Nothing but what C++ needs: no Python code, no functorch, no dist-info.
file(GLOB site_entries RELATIVE "${tree}/.." "${tree}/../*")
expect_that(site_entries STREQUAL "torch")
file(GLOB torch_entries RELATIVE "${tree}" "${tree}/*")
list(SORT torch_entries)
expect_that(torch_entries STREQUAL "include;lib;share;version.py")
file(SHA256 "${own}/windows/${WINDOWS_WHEEL}" windows_hash)
file(STRINGS "${WORK}/lock.txt" locked REGEX "\\.whl$")
expect_that(locked STREQUAL "${windows_hash}  ${wheel_url}")
# The tree is stamped and used again: a second run downloads nothing.
windows_wheel_fetch(
  warm
  INDEX
  "${index}"
  EXPECT
  "wheel-fetch: tree=Z:${tree}"
  REJECT
  "downloading")

# The index lists only a Linux wheel of the release: none for Windows.
serve_wheel_index(linux_index linux FILES cuda/${TORCH_WHEEL})
windows_wheel_fetch(
  linux-only
  EXPECT_FAIL
  INDEX
  "${linux_index}"
  EXPECT
  "TorchCompat: fetching torch 1.13.1 for windows-x86_64 failed at the index step"
  "${TORCH_WHEEL}"
  REJECT
  "downloading")

# A Linux wheel under a win_amd64 name: its own WHEEL file refuses it before anything is unpacked.
file(REMOVE_RECURSE "${CACHE_DIR}")
serve_wheel_index(renamed_index renamed FILES ${TAG}/renamed/${WINDOWS_WHEEL})
windows_wheel_fetch(
  renamed
  EXPECT_FAIL
  INDEX
  "${renamed_index}"
  EXPECT
  "it is not a wheel for windows-x86_64: its WHEEL file's tags are cp311-cp311-manylinux_2_28_x86_64"
)
file(GLOB trees "${CACHE_DIR}/libtorch/*/site-packages")
expect_empty(trees)
