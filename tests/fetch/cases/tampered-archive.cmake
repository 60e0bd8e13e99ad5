# A tampered archive: both hashes reported, the download deleted, the cache and the lock file
# unchanged; with a pinned hash and with a recorded one.
file(SHA256 "${SERVED}/real.zip" good)
server_url(tamper tamper pin)
fetch_archive(
  pinned-tampered
  EXPECT_FAIL
  ARGS "-DURL=${tamper}/real.zip" -DALLOW_HTTP=ON "-DCACHE_DIR=${CACHE_DIR}" "-DSHA256=${good}"
  EXPECT "TorchCompat: SHA-256 mismatch for ${tamper}/real.zip"
         "expected: ${good} \\(SHA256 argument\\)" "actual: [0-9a-f]+"
         "downloaded file was deleted")
cache_leftovers(left "${CACHE_DIR}")
expect_empty(left)
cache_entry(entry "${CACHE_DIR}" "${tamper}/real.zip")
expect_missing("${entry}/torchcompat-stamp.txt")
expect_missing("${entry}/libtorch")

# Recorded hash: a good fetch records it, the tampered one must match it.
server_url(normal normal lock)
server_url(tamper tamper lock)
set(lock "${WORK}/torchcompat.lock")
fetch_archive(record ARGS "-DURL=${normal}/mini.zip" -DALLOW_HTTP=ON "-DCACHE_DIR=${CACHE_DIR}"
                          "-DLOCK_FILE=${lock}" "-DLOCK_KEY=${OFFICIAL_URL}")
set(tree "${FETCH_RESULT_DIR}")
file(READ "${lock}" lock_before)
file(GLOB_RECURSE tree_before RELATIVE "${CACHE_DIR}" "${CACHE_DIR}/*")
# Forget the stamp's hash, as if the cache had been made by an older archive: the fetch must go back
# to the server, and the tampered bytes must not pass.
cache_entry(entry "${CACHE_DIR}" "${OFFICIAL_URL}")
file(WRITE "${entry}/torchcompat-stamp.txt" "sha256=0000\ntree=libtorch\nsource=download\n")
file(SHA256 "${SERVED}/mini.zip" mini_hash)
fetch_archive(
  recorded-tampered
  EXPECT_FAIL
  ARGS "-DURL=${tamper}/mini.zip" -DALLOW_HTTP=ON "-DCACHE_DIR=${CACHE_DIR}" "-DLOCK_FILE=${lock}"
       "-DLOCK_KEY=${OFFICIAL_URL}"
  EXPECT "SHA-256 mismatch" "expected: ${mini_hash} \\(recorded in ${lock}\\)"
         "downloaded file was deleted")
file(READ "${lock}" lock_after)
expect_that(lock_before STREQUAL "${lock_after}")
file(GLOB_RECURSE tree_after RELATIVE "${CACHE_DIR}" "${CACHE_DIR}/*")
expect_that(tree_before STREQUAL "${tree_after}")
expect_exists("${tree}/share/cmake/Torch/TorchConfig.cmake")
