# The connection closes halfway: an error, and nothing in the cache or lock file.
server_url(url truncate cut)
set(lock "${WORK}/torchcompat.lock")
fetch_archive(
  truncated
  EXPECT_FAIL
  ARGS "-DURL=${url}/real.zip" -DALLOW_HTTP=ON "-DCACHE_DIR=${CACHE_DIR}" "-DLOCK_FILE=${lock}"
  EXPECT "TorchCompat: fetching ${url}/real.zip failed at the download step"
         "Nothing was added to the cache")
cache_leftovers(left "${CACHE_DIR}")
expect_empty(left)
expect_missing("${lock}")
file(GLOB_RECURSE stamps "${CACHE_DIR}/*/torchcompat-stamp.txt")
expect_empty(stamps)
# The next attempt against a working server succeeds.
server_url(good normal cut)
fetch_archive(retry ARGS "-DURL=${good}/real.zip" "-DLOCK_KEY=${url}/real.zip" -DALLOW_HTTP=ON
                         "-DCACHE_DIR=${CACHE_DIR}" "-DLOCK_FILE=${lock}")
expect_exists("${FETCH_RESULT_DIR}/lib/libtorch_cpu.so.1.13")
