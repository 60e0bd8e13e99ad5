# Knob errors are one line naming the knob: an unwritable cache or lock-file location (found before
# any download). Paths with ";", spaces and quotes work through the public function, and relative
# CACHE_DIR and LOCK_FILE resolve against the build directory, never the project's sources.
set(readonly "${WORK}/readonly")
file(MAKE_DIRECTORY "${readonly}")
execute_process(COMMAND id -u OUTPUT_VARIABLE uid OUTPUT_STRIP_TRAILING_WHITESPACE)
if(uid STREQUAL "0")
  execute_process(
    COMMAND sh -c
            "mount --bind '${readonly}' '${readonly}' && mount -o remount,ro,bind '${readonly}'"
    RESULT_VARIABLE rc)
else()
  execute_process(COMMAND chmod 555 "${readonly}" RESULT_VARIABLE rc)
endif()
expect_that(rc EQUAL 0)
server_url(url normal knobs)
fetch_archive(
  cache-unwritable
  EXPECT_FAIL
  ARGS "-DURL=${url}/mini.zip" -DALLOW_HTTP=ON "-DCACHE_DIR=${readonly}/cache"
  EXPECT
    "TorchCompat: cannot write to ${readonly}/cache/libtorch; set CACHE_DIR \\(TORCHCOMPAT_CACHE_DIR\\) to a writable directory"
)
fetch_archive(
  lock-unwritable
  EXPECT_FAIL
  ARGS "-DURL=${url}/mini.zip" -DALLOW_HTTP=ON "-DCACHE_DIR=${CACHE_DIR}"
       "-DLOCK_FILE=${readonly}/torchcompat.lock"
  EXPECT
    "TorchCompat: cannot write to ${readonly}; set LOCK_FILE \\(TORCHCOMPAT_LOCK_FILE\\) to a writable directory"
)
if(uid STREQUAL "0")
  execute_process(COMMAND umount "${readonly}")
else()
  execute_process(COMMAND chmod 755 "${readonly}")
endif()
server_requests(count knobs)
expect_that(count EQUAL 0)

set(project "${REPO}/tests/fetch/projects/fetch-only")
set(odd "${WORK}/odd dir;with 'quotes\" and;semicolons")
fetch_run(
  odd-paths
  COMMAND
    "${CMAKE_COMMAND}" -S "${project}" -B "${WORK}/build-odd" "-DTorchCompat_DIR=${PACKAGE_DIR}"
    "-DTORCHCOMPAT_PROBE_EXECUTABLE=${PROBE}" "-DTORCHCOMPAT_CACHE_DIR=${odd}/cache"
    "-DTORCHCOMPAT_LOCK_FILE=${odd}/torchcompat.lock"
    "-DTORCHCOMPAT_LIBTORCH_ARCHIVE=${SERVED}/mini.zip"
  EXPECT
    "fetch-only: TorchCompat_LIBTORCH_DIR=${WORK}/odd dir.with 'quotes\" and.semicolons/cache/libtorch/"
)
expect_exists("${odd}/torchcompat.lock")

fetch_run(
  relative-paths
  COMMAND
    "${CMAKE_COMMAND}" -S "${project}" -B "${WORK}/build-rel" "-DTorchCompat_DIR=${PACKAGE_DIR}"
    "-DTORCHCOMPAT_PROBE_EXECUTABLE=${PROBE}" -DTORCHCOMPAT_CACHE_DIR=rel-cache
    -DTORCHCOMPAT_LOCK_FILE=rel.lock "-DTORCHCOMPAT_LIBTORCH_ARCHIVE=${SERVED}/mini.zip"
  EXPECT "fetch-only: TorchCompat_LIBTORCH_DIR=${WORK}/build-rel/rel-cache/libtorch/")
expect_exists("${WORK}/build-rel/rel.lock")
expect_missing("${project}/rel-cache")
expect_missing("${project}/rel.lock")
