# SHA256 pins the archive: the right hash passes (any case), a wrong or malformed one stops.
server_url(url normal pin)
file(SHA256 "${SERVED}/mini.zip" mini_hash)
string(TOUPPER "${mini_hash}" upper)
fetch_archive(right ARGS "-DURL=${url}/mini.zip" -DALLOW_HTTP=ON "-DCACHE_DIR=${CACHE_DIR}"
                         "-DSHA256=${upper}")
expect_exists("${FETCH_RESULT_DIR}/build-version")
string(REPEAT "ab" 32 wrong)
fetch_archive(
  wrong
  EXPECT_FAIL
  ARGS "-DURL=${url}/mini.zip" -DALLOW_HTTP=ON "-DCACHE_DIR=${WORK}/cache2" "-DSHA256=${wrong}"
  EXPECT "expected: ${wrong} \\(SHA256 argument\\)" "actual: ${mini_hash}")
fetch_archive(
  malformed
  EXPECT_FAIL
  ARGS "-DURL=${url}/mini.zip" -DALLOW_HTTP=ON "-DCACHE_DIR=${CACHE_DIR}" "-DSHA256=1234"
  EXPECT "TorchCompat: SHA256 must be 64 hexadecimal digits; got \"1234\"")
# The pin wins over a warm cache with other content.
fetch_archive(
  wrong-warm
  EXPECT_FAIL
  ARGS "-DURL=${url}/mini.zip" -DALLOW_HTTP=ON "-DCACHE_DIR=${CACHE_DIR}" "-DSHA256=${wrong}"
  EXPECT "SHA-256 mismatch")
