# The provider honours what the project's find_package(Torch ...) asked for: a range or EXACT picks
# the release, a pinned TORCHCOMPAT_LIBTORCH_VERSION outside the request fails naming both, an
# optional call that gets no libtorch goes on with Torch_FOUND false and one warning, and a failed
# run leaves nothing that the next one would take for the user's choice. The user's own Torch_DIR
# or Torch_ROOT is used without any download (here: with no server at all). After every failure
# TorchCompat's message is the last word, never CMake's generic "set Torch_DIR".
serve_official(mirror "${SERVED}/mini.zip")
set(down "http://127.0.0.1:1/libtorch")
set(generic "By not providing|Could not find a (package )?configuration file")
# configure(<name> <build> [EXPECT_FAIL] ARGS <-D...> [EXPECT ...] [REJECT ...])
function(configure name build)
  cmake_parse_arguments(PARSE_ARGV 2 arg "EXPECT_FAIL" "" "ARGS;EXPECT;REJECT")
  set(fail "")
  if(arg_EXPECT_FAIL)
    set(fail EXPECT_FAIL)
  endif()
  fetch_run(
    ${name}
    ${fail}
    COMMAND
      "${CMAKE_COMMAND}" -S "${REPO}/tests/fetch/projects/find-request" -B "${WORK}/${build}" -G
      "${GENERATOR}" "-DCMAKE_CXX_COMPILER=${CXX}"
      "-DCMAKE_PROJECT_TOP_LEVEL_INCLUDES=${REPO}/cmake/TorchCompatDependencyProvider.cmake"
      "-DTORCHCOMPAT_PROBE_EXECUTABLE=${PROBE}" -DTORCHCOMPAT_LIBTORCH_VARIANT=cpu
      -DTORCHCOMPAT_ALLOW_HTTP=ON ${arg_ARGS}
    EXPECT ${arg_EXPECT}
    REJECT ${arg_REJECT})
  set(fetch_step ${fetch_step} PARENT_SCOPE)
  set(FETCH_OUTPUT "${FETCH_OUTPUT}" PARENT_SCOPE)
endfunction()

# A range: the newest release inside it (1.13.1), not the newest release (latest).
configure(
  range
  range
  ARGS
  "-DREQUEST=1.13...1.13.1;REQUIRED"
  "-DTORCHCOMPAT_MIRROR=${mirror}"
  "-DTORCHCOMPAT_CACHE_DIR=${CACHE_DIR}"
  EXPECT
  "downloading ${mirror}/cpu/libtorch-cxx11-abi-shared-with-deps-1\\.13\\.1"
  "Torch_FOUND=1")
# EXACT, same folder: the same release, from the cache.
configure(
  exact
  range
  ARGS
  "-DREQUEST=1.13.1;EXACT;REQUIRED"
  EXPECT
  "Torch_FOUND=1"
  REJECT
  "downloading")
file(STRINGS "${WORK}/range/CMakeCache.txt" torch_dir REGEX "^Torch_DIR:")
string(REGEX REPLACE "^Torch_DIR:[A-Z]+=" "" torch_dir "${torch_dir}")
expect_that(torch_dir MATCHES "^${CACHE_DIR}/libtorch/")

# Two calls in one configure: a QUIET try of a release that cannot be had, then a REQUIRED one
# (the try's stand-in must not answer the second); a range, then a plain call (which gets the
# release the first got, not latest).
configure(
  quiet-then-required
  two
  ARGS
  "-DFIRST_REQUEST=99.0;QUIET"
  "-DREQUEST=REQUIRED"
  -DTORCHCOMPAT_LIBTORCH_VERSION=1.13.1
  "-DTORCHCOMPAT_MIRROR=${mirror}"
  "-DTORCHCOMPAT_CACHE_DIR=${CACHE_DIR}"
  EXPECT
  "first request: Torch_FOUND=0"
  "request: Torch_FOUND=1")
configure(
  range-then-plain
  two-more
  ARGS
  "-DFIRST_REQUEST=1.13...<2.0;REQUIRED"
  "-DREQUEST=REQUIRED"
  "-DTORCHCOMPAT_MIRROR=${mirror}"
  "-DTORCHCOMPAT_CACHE_DIR=${CACHE_DIR}"
  EXPECT
  "first request: Torch_FOUND=1"
  "request: Torch_FOUND=1"
  REJECT
  "downloading [^ ]*-2\\.[0-9]+\\.[0-9]+%2B")

# A pinned release the request does not accept: an error naming both, and nothing of CMake's.
configure(
  pinned-outside
  pinned
  EXPECT_FAIL
  ARGS
  "-DREQUEST=2.0;REQUIRED"
  -DTORCHCOMPAT_LIBTORCH_VERSION=1.13.1
  "-DTORCHCOMPAT_MIRROR=${mirror}"
  "-DTORCHCOMPAT_CACHE_DIR=${CACHE_DIR}"
  EXPECT
  "TorchCompat: TORCHCOMPAT_LIBTORCH_VERSION is 1\\.13\\.1, which find_package\\(Torch 2\\.0\\) does not accept"
  REJECT
  "${generic}")

# QUIET, and no release satisfies it: one warning, Torch_FOUND false, the configure goes on.
configure(
  quiet-none
  quiet
  ARGS
  "-DREQUEST=99.0;QUIET"
  "-DTORCHCOMPAT_MIRROR=${mirror}"
  "-DTORCHCOMPAT_CACHE_DIR=${CACHE_DIR}"
  EXPECT
  "TorchCompat: no torch release that find_package\\(Torch 99\\.0\\) accepts"
  "Torch_FOUND=0"
  REJECT
  "${generic}"
  "downloading")
string(REGEX MATCHALL "CMake Warning( \\(dev\\))? at" warnings "${FETCH_OUTPUT}")
list(LENGTH warnings count)
expect_that(count EQUAL 1)

# Optional, not QUIET, and the server is down: the fetch's own reason, once; the configure goes on.
configure(
  optional-down
  optional
  ARGS
  "-DREQUEST=1.13.1"
  "-DTORCHCOMPAT_MIRROR=${down}"
  "-DTORCHCOMPAT_CACHE_DIR=${WORK}/cache-down"
  EXPECT
  "Reason given by package: TorchCompat: fetching ${down}/cpu/"
  "Torch_FOUND=0"
  REJECT
  "By not providing")
string(REGEX MATCHALL "CMake Warning( \\(dev\\))? at" warnings "${FETCH_OUTPUT}")
list(LENGTH warnings count)
expect_that(count EQUAL 1)

# The server back, the same folder: the stand-in of the failed run is not taken for the user's.
configure(
  optional-back
  optional
  ARGS
  "-DREQUEST=1.13...1.13.1"
  "-DTORCHCOMPAT_MIRROR=${mirror}"
  EXPECT
  "Torch_FOUND=1"
  REJECT
  "will use yours"
  "CMake Warning at")

# An optional call's trial fetch in a child sees a list knob whole: with both GPUs (8.6;9.0) no
# CUDA build of 1.13.1 covers 9.0, so the child too takes cpu and pins nothing else (seeing 8.6
# alone, it took cu117 and pinned that URL).
configure(
  list-knob
  list-knob
  ARGS
  "-DREQUEST="
  "-DTORCHCOMPAT_LIBTORCH_VARIANT=auto"
  -DTORCHCOMPAT_LIBTORCH_VERSION=1.13.1
  "-DTORCHCOMPAT_LIBTORCH_ARCHIVE=${SERVED}/mini.zip"
  "-DTORCHCOMPAT_CACHE_DIR=${WORK}/cache-list"
  "-DTORCHCOMPAT_STATE_DIR=${WORK}/state-list"
  -DTORCHCOMPAT_OVERRIDE_DRIVER=535.54.03
  -DTORCHCOMPAT_OVERRIDE_CUDA=12.2
  "-DTORCHCOMPAT_OVERRIDE_GPU_ARCHS=8.6;9.0"
  EXPECT
  "Torch_FOUND=1")
file(STRINGS "${WORK}/state-list/pins.txt" pins REGEX "^[^#]")
expect_that(pins MATCHES "^[0-9a-f]+  ${OFFICIAL_URL}$")

# REQUIRED and the release is unknown: TorchCompat's error is the last word, and the next configure
# of the same folder fetches (it does not take a leftover Torch_DIR for the user's).
configure(
  unknown-release
  retried
  EXPECT_FAIL
  ARGS
  "-DREQUEST=REQUIRED"
  -DTORCHCOMPAT_LIBTORCH_VERSION=2.99.0
  "-DTORCHCOMPAT_MIRROR=${mirror}"
  "-DTORCHCOMPAT_CACHE_DIR=${CACHE_DIR}"
  EXPECT
  "TorchCompat: .*2\\.99\\.0"
  REJECT
  "${generic}")
file(STRINGS "${WORK}/retried/CMakeCache.txt" leftover REGEX "^Torch_DIR:.*/usr/")
expect_empty(leftover)
configure(
  retried
  retried
  ARGS
  -DTORCHCOMPAT_LIBTORCH_VERSION=1.13.1
  EXPECT
  "Torch_FOUND=1"
  REJECT
  "will use yours"
  "CMake Warning")

# The user's own libtorch: used as it is, with no server to download from.
configure(
  user-torch-dir
  user-dir
  ARGS
  "-DREQUEST=REQUIRED"
  "-DTorch_DIR=${torch_dir}"
  "-DTORCHCOMPAT_MIRROR=${down}"
  "-DTORCHCOMPAT_CACHE_DIR=${WORK}/cache-user"
  EXPECT
  "Torch_FOUND=1"
  REJECT
  "downloading"
  "fetching")
get_filename_component(torch_root "${torch_dir}/../../.." ABSOLUTE)
fetch_run(
  user-torch-root
  COMMAND
    "${CMAKE_COMMAND}" -E env "Torch_ROOT=${torch_root}" "${CMAKE_COMMAND}" -S
    "${REPO}/tests/fetch/projects/find-request" -B "${WORK}/user-root" -G "${GENERATOR}"
    "-DCMAKE_CXX_COMPILER=${CXX}"
    "-DCMAKE_PROJECT_TOP_LEVEL_INCLUDES=${REPO}/cmake/TorchCompatDependencyProvider.cmake"
    "-DTORCHCOMPAT_PROBE_EXECUTABLE=${PROBE}" "-DREQUEST=REQUIRED" "-DTORCHCOMPAT_MIRROR=${down}"
    -DTORCHCOMPAT_ALLOW_HTTP=ON "-DTORCHCOMPAT_CACHE_DIR=${WORK}/cache-user"
  EXPECT "Torch_FOUND=1"
  REJECT "downloading" "fetching")
expect_missing("${WORK}/cache-user/libtorch")
