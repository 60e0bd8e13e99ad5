# Damaged entry data fails the fetch on every supported CMake (issue 20): a zip entry whose deflated
# data has one byte flipped (its CRC-32 no longer matches), and one whose declared size is a byte
# larger than its data (libarchive pads the file to the declared size, so a size check alone
# passes). Both are refused at extraction, nothing is stamped, pinned or left in the cache. A
# damaged .tar.gz is refused too.
make_archive(base mini base.zip)
set(config libtorch/share/cmake/Torch/TorchConfig.cmake)
foreach(damage IN ITEMS flip lie-size)
  set(archive "${WORK}/archives/${damage}.zip")
  execute_process(COMMAND "${PYTHON}" "${REPO}/tests/fetch/make-hostile-archive" "${base}"
                          "${archive}" --${damage} ${config} RESULT_VARIABLE rc)
  expect_that(rc EQUAL 0)
  set(url "https://example.invalid/${damage}.zip")
  fetch_archive(
    ${damage}
    EXPECT_FAIL
    ARGS "-DURL=${url}" "-DARCHIVE=${archive}" "-DCACHE_DIR=${CACHE_DIR}"
         "-DLOCK_FILE=${WORK}/lock-${damage}.txt"
    EXPECT "failed at the extraction step: CMake's archive reader reported damaged data"
           "ZIP (bad CRC|uncompressed data is wrong size)" "partly extracted .* was removed")
  cache_entry(entry "${CACHE_DIR}" "${url}")
  expect_missing("${entry}/torchcompat-stamp.txt")
  expect_missing("${entry}/libtorch")
  expect_missing("${WORK}/lock-${damage}.txt")
endforeach()
# A .tar.gz with one byte flipped in its compressed data: libarchive stops at the tar's end marker
# and never reads the gzip trailer's CRC, so the stream is tested on its own before extraction.
file(MAKE_DIRECTORY "${WORK}/tree")
execute_process(COMMAND "${CMAKE_COMMAND}" -E tar xf "${base}" WORKING_DIRECTORY "${WORK}/tree")
execute_process(COMMAND "${CMAKE_COMMAND}" -E tar czf "${WORK}/archives/good.tar.gz" libtorch
                WORKING_DIRECTORY "${WORK}/tree")
execute_process(
  COMMAND
    "${PYTHON}" -c
    "import sys; d = bytearray(open(sys.argv[1], 'rb').read()); d[len(d) // 2] ^= 1; open(sys.argv[2], 'wb').write(d)"
    "${WORK}/archives/good.tar.gz" "${WORK}/archives/flip.tar.gz"
  RESULT_VARIABLE rc)
expect_that(rc EQUAL 0)
fetch_archive(
  flip-tar-gz
  EXPECT_FAIL
  ARGS "-DURL=https://example.invalid/flip.tar.gz" "-DARCHIVE=${WORK}/archives/flip.tar.gz"
       "-DCACHE_DIR=${CACHE_DIR}"
  EXPECT
    "failed at the archive check step: refusing archive .*(its gzip stream is damaged|CMake.s archive reader cannot read it)"
    "Nothing was extracted")
fetch_archive(good-tar-gz ARGS "-DURL=https://example.invalid/good.tar.gz"
                               "-DARCHIVE=${WORK}/archives/good.tar.gz" "-DCACHE_DIR=${CACHE_DIR}")
cache_leftovers(left "${CACHE_DIR}")
expect_empty(left)
# The undamaged archive passes the same way.
fetch_archive(base ARGS "-DURL=https://example.invalid/base.zip" "-DARCHIVE=${base}"
                        "-DCACHE_DIR=${CACHE_DIR}")
expect_exists("${FETCH_RESULT_DIR}/share/cmake/Torch/TorchConfig.cmake")
