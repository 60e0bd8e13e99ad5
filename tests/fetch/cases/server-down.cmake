# No server: the message names the URL and the ways to work offline. Port 1 on loopback: nothing
# listens there, the connection is refused. A URL outside the official base is a mirror's: the
# advice says to check it, and offers no mirror as the way out (issue 16).
set(url "http://127.0.0.1:1/libtorch/cpu/libtorch-1.13.1.zip")
fetch_archive(
  down
  EXPECT_FAIL
  ARGS "-DURL=${url}" -DALLOW_HTTP=ON "-DCACHE_DIR=${CACHE_DIR}"
  EXPECT "TorchCompat: fetching ${url} failed at the download step: download of ${url} failed"
         "fetched from a mirror" "ARCHIVE <path>" "TORCHCOMPAT_CACHE_DIR"
  REJECT "MIRROR <base-url>" "To work without this server")
# For the official server, a mirror is one of the ways out.
include("${REPO}/cmake/Internal/fetch/TorchCompatFetchTransfer.cmake")
set_property(GLOBAL PROPERTY TORCHCOMPAT_DATA_DIR "${REPO}/data")
_torchcompat_offline_help(help "${OFFICIAL_URL}")
string(REGEX REPLACE "[ \n]+" " " help "${help}")
if(NOT help MATCHES "To work without this server.*MIRROR <base-url>.*ARCHIVE <path>")
  message(FATAL_ERROR "FAIL: the advice for the official server lacks MIRROR: ${help}")
endif()
cache_leftovers(left "${CACHE_DIR}")
expect_empty(left)
server_url(missing 404 gone)
fetch_archive(
  not-found
  EXPECT_FAIL
  ARGS "-DURL=${missing}/real.zip" -DALLOW_HTTP=ON "-DCACHE_DIR=${CACHE_DIR}"
  EXPECT "download of ${missing}/real.zip failed: the server answered HTTP 404" "ARCHIVE <path>")
