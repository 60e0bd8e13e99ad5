# Caps on the unpacked size and the number of entries, checked on the listing before extraction;
# the defaults are far above any official libtorch, and a bad knob is one clear line.
make_archive(bomb bomb bomb.zip)
file(SIZE "${bomb}" packed)
expect_that(packed LESS 100000)
fetch_run(
  size-capped
  EXPECT_FAIL
  COMMAND
    "${CMAKE_COMMAND}" -E env TORCHCOMPAT_MAX_UNPACKED_SIZE=1000000 "${CMAKE_COMMAND}"
    "-DREPO=${REPO}" "-DURL=https://example.invalid/bomb.zip" "-DARCHIVE=${bomb}"
    "-DCACHE_DIR=${CACHE_DIR}" -P "${FETCH_SCRIPT}"
  EXPECT
    "refusing archive ${bomb}: it unpacks to more than TORCHCOMPAT_MAX_UNPACKED_SIZE \\(1000000 bytes\\)"
    "Nothing was extracted")
file(GLOB_RECURSE extracted "${CACHE_DIR}/*/libtorch/*")
expect_empty(extracted)
fetch_archive(size-default ARGS "-DURL=https://example.invalid/bomb.zip" "-DARCHIVE=${bomb}"
                                "-DCACHE_DIR=${CACHE_DIR}")
file(SIZE "${FETCH_RESULT_DIR}/lib/zeros.bin" size)
expect_that(size EQUAL 4194304)

make_archive(many many many.zip)
fetch_archive(
  entries-capped
  EXPECT_FAIL
  ARGS "-DURL=https://example.invalid/many.zip" "-DARCHIVE=${many}" "-DCACHE_DIR=${CACHE_DIR}"
       -DTORCHCOMPAT_MAX_ENTRIES=20
  EXPECT "it has 5[0-9] entries, more than TORCHCOMPAT_MAX_ENTRIES \\(20\\)")
fetch_archive(
  entries-bad-knob
  EXPECT_FAIL
  ARGS "-DURL=https://example.invalid/many.zip" "-DARCHIVE=${many}" "-DCACHE_DIR=${CACHE_DIR}"
       -DTORCHCOMPAT_MAX_ENTRIES=lots
  EXPECT "TorchCompat: TORCHCOMPAT_MAX_ENTRIES must be a whole number; got \"lots\"")
