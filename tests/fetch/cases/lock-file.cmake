# The first download records the hash; later fetches enforce it, from any cache; a bad lock file is
# a clear error.
server_url(url normal lock)
set(lock "${WORK}/src/torchcompat.lock")
file(SHA256 "${SERVED}/mini.zip" mini_hash)
fetch_archive(first ARGS "-DURL=${url}/mini.zip" -DALLOW_HTTP=ON "-DCACHE_DIR=${CACHE_DIR}"
                         "-DLOCK_FILE=${lock}" EXPECT "recorded SHA-256 ${mini_hash}")
file(STRINGS "${lock}" entries REGEX "^[^#]")
expect_that(entries STREQUAL "${mini_hash}  ${url}/mini.zip")

# A second archive keeps the first line and sorts; a temporary left beside the lock file by a
# configure killed while writing it is removed.
file(WRITE "${lock}.k1lled0000ab.tmp" "half a lock file")
fetch_archive(second ARGS "-DURL=${url}/real.zip" -DALLOW_HTTP=ON "-DCACHE_DIR=${CACHE_DIR}"
                          "-DLOCK_FILE=${lock}")
file(SHA256 "${SERVED}/real.zip" real_hash)
file(STRINGS "${lock}" entries REGEX "^[^#]")
expect_that(entries STREQUAL "${mini_hash}  ${url}/mini.zip;${real_hash}  ${url}/real.zip")
expect_missing("${lock}.k1lled0000ab.tmp")

# Enforced from a fresh cache: the right archive passes...
fetch_archive(enforced-ok ARGS "-DURL=${url}/mini.zip" -DALLOW_HTTP=ON "-DCACHE_DIR=${WORK}/cache2"
                               "-DLOCK_FILE=${lock}" REJECT "recorded SHA-256")
# ...an archive that changed on the server does not (the lock names real.zip's hash for mini.zip's
# URL here).
file(WRITE "${lock}" "${real_hash}  ${url}/mini.zip\n")
fetch_archive(
  enforced-bad
  EXPECT_FAIL
  ARGS "-DURL=${url}/mini.zip" -DALLOW_HTTP=ON "-DCACHE_DIR=${WORK}/cache3" "-DLOCK_FILE=${lock}"
  EXPECT "SHA-256 mismatch" "expected: ${real_hash} \\(recorded in ${lock}\\)"
         "actual: ${mini_hash}")
# The warm cache made by the first fetch holds other bytes than the lock says: it is not used
# either.
fetch_archive(
  enforced-warm
  EXPECT_FAIL
  ARGS "-DURL=${url}/mini.zip" -DALLOW_HTTP=ON "-DCACHE_DIR=${CACHE_DIR}" "-DLOCK_FILE=${lock}"
  EXPECT "SHA-256 mismatch")

file(WRITE "${lock}" "not a hash  ${url}/mini.zip\n")
fetch_archive(
  malformed
  EXPECT_FAIL
  ARGS "-DURL=${url}/mini.zip" -DALLOW_HTTP=ON "-DCACHE_DIR=${CACHE_DIR}" "-DLOCK_FILE=${lock}"
  EXPECT "TorchCompat: malformed line in lock file ${lock}: \"not a hash")
