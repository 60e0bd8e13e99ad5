# Redirects: from https to plain http only with ALLOW_HTTP (the bytes that came over http are
# discarded, nothing is recorded); to another port over https, followed, and the final URL is
# reported. The server's TLS listener has a certificate of the test's own, given through
# CMAKE_TLS_CAINFO.
set(tls "https://127.0.0.1:${TLS_PORT}")
set(lock "${WORK}/torchcompat.lock")
set(common "-DCMAKE_TLS_CAINFO=${TLS_CA}" "-DCACHE_DIR=${CACHE_DIR}" "-DLOCK_FILE=${lock}")
fetch_archive(https-direct ARGS "-DURL=${tls}/normal/${TAG}-direct/mini.zip" ${common}
                                "-DLOCK_KEY=direct" EXPECT "recorded SHA-256")
fetch_archive(
  to-http-refused
  EXPECT_FAIL
  ARGS "-DURL=${tls}/redirect-http/${TAG}-down/mini.zip" ${common} "-DLOCK_KEY=down"
  EXPECT
    "failed at the download step: download of ${tls}/redirect-http/${TAG}-down/mini.zip refused"
    "redirected to plain http:// \\(http://127.0.0.1:${PORT}/normal/${TAG}-down/mini.zip\\)"
    "bytes were discarded" "ALLOW_HTTP")
file(STRINGS "${lock}" entries REGEX "^[^#]")
list(LENGTH entries count)
expect_that(count EQUAL 1)
cache_leftovers(left "${CACHE_DIR}")
expect_empty(left)
fetch_archive(
  to-http-allowed ARGS "-DURL=${tls}/redirect-http/${TAG}-down/mini.zip" ${common} "-DLOCK_KEY=down"
                       -DALLOW_HTTP=ON
  EXPECT "was served by http://127.0.0.1:${PORT}/normal/${TAG}-down/mini.zip")
# Plain http (allowed) redirected to https on another port: followed, the final URL reported.
server_url(plain redirect-tls other)
fetch_archive(
  to-other-port ARGS "-DURL=${plain}/mini.zip" ${common} "-DLOCK_KEY=other" -DALLOW_HTTP=ON
  EXPECT "was served by ${tls}/normal/${TAG}-other/mini.zip")
