# A server that trickles a byte at a time is never idle, so only the overall limit stops it; an
# ARCHIVE that is a device or a pipe is refused before it is read; knobs that are not numbers are
# one clear line each.
server_url(url trickle slowly)
string(TIMESTAMP start "%s")
fetch_run(
  overall-limit
  EXPECT_FAIL
  COMMAND
    "${CMAKE_COMMAND}" -E env TORCHCOMPAT_DOWNLOAD_TIMEOUT=2 "${CMAKE_COMMAND}" "-DREPO=${REPO}"
    "-DURL=${url}/mini.zip" -DALLOW_HTTP=ON "-DCACHE_DIR=${CACHE_DIR}" -P "${FETCH_SCRIPT}"
  EXPECT "failed at the download step: download of ${url}/mini.zip took too long"
         "TORCHCOMPAT_DOWNLOAD_TIMEOUT \\(2 s\\)")
string(TIMESTAMP end "%s")
math(EXPR took "${end} - ${start}")
expect_that(took LESS 30)
cache_leftovers(left "${CACHE_DIR}")
expect_empty(left)

fetch_archive(
  dev-zero
  EXPECT_FAIL
  ARGS "-DURL=https://example.invalid/x.zip" "-DARCHIVE=/dev/zero" "-DCACHE_DIR=${CACHE_DIR}"
  EXPECT "TorchCompat: ARCHIVE /dev/zero is empty or not a regular file")
execute_process(COMMAND mkfifo "${WORK}/pipe.zip" RESULT_VARIABLE rc)
expect_that(rc EQUAL 0)
fetch_archive(
  fifo
  EXPECT_FAIL
  ARGS "-DURL=https://example.invalid/x.zip" "-DARCHIVE=${WORK}/pipe.zip" "-DCACHE_DIR=${CACHE_DIR}"
  EXPECT "ARCHIVE ${WORK}/pipe.zip is empty or not a regular file")

foreach(knob IN ITEMS TORCHCOMPAT_LOCK_TIMEOUT TORCHCOMPAT_DOWNLOAD_TIMEOUT
                      TORCHCOMPAT_INACTIVITY_TIMEOUT)
  fetch_run(
    ${knob}
    EXPECT_FAIL
    COMMAND
      "${CMAKE_COMMAND}" -E env ${knob}=abc "${CMAKE_COMMAND}" "-DREPO=${REPO}"
      "-DURL=${url}/mini.zip" -DALLOW_HTTP=ON "-DCACHE_DIR=${WORK}/cache-${knob}" -P
      "${FETCH_SCRIPT}"
    EXPECT "TorchCompat: ${knob} must be a whole number; got \"abc\""
    REJECT "downloading")
endforeach()
