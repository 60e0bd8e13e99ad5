# No server: the message names the URL and the ways to work offline. Port 1 on loopback: nothing
# listens there, the connection is refused.
set(url "http://127.0.0.1:1/libtorch/cpu/libtorch-1.13.1.zip")
fetch_archive(
  down
  EXPECT_FAIL
  ARGS "-DURL=${url}" -DALLOW_HTTP=ON "-DCACHE_DIR=${CACHE_DIR}"
  EXPECT "TorchCompat: fetching ${url} failed at the download step: download of ${url} failed"
         "MIRROR <base-url>" "ARCHIVE <path>" "TORCHCOMPAT_CACHE_DIR")
cache_leftovers(left "${CACHE_DIR}")
expect_empty(left)
server_url(missing 404 gone)
fetch_archive(
  not-found
  EXPECT_FAIL
  ARGS "-DURL=${missing}/real.zip" -DALLOW_HTTP=ON "-DCACHE_DIR=${CACHE_DIR}"
  EXPECT "download of ${missing}/real.zip failed" "MIRROR")
