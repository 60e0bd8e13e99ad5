# Transport attacks (issue 20): a redirect to plain http hidden behind a tab or a vertical tab after
# "Location:" (curl skips both and follows); a download larger than TORCHCOMPAT_MAX_DOWNLOAD_SIZE,
# with and without a Content-Length; a mirror URL with credentials, which must reach neither the
# output nor any file the fetch writes.
set(tls "https://127.0.0.1:${TLS_PORT}")
set(common "-DCMAKE_TLS_CAINFO=${TLS_CA}" "-DCACHE_DIR=${CACHE_DIR}")
foreach(blank IN ITEMS tab vt)
  set(url "${tls}/redirect-http-${blank}/${TAG}-${blank}/mini.zip")
  fetch_archive(
    redirect-${blank}
    EXPECT_FAIL
    ARGS "-DURL=${url}" ${common} "-DLOCK_FILE=${WORK}/lock-${blank}.txt"
    EXPECT
      "failed at the download step: download of ${url} refused"
      "redirected to plain http:// \\(http://127.0.0.1:${PORT}/normal/${TAG}-${blank}/mini.zip\\)"
      "bytes were discarded")
  expect_missing("${WORK}/lock-${blank}.txt")
endforeach()
cache_leftovers(left "${CACHE_DIR}")
expect_empty(left)

# The served real.zip is about 50 MB; the cap is 1 MB. With a Content-Length and without one, the
# transfer stops at the cap (the child's file size limit) and nothing is kept.
file(SIZE "${SERVED}/real.zip" real_size)
expect_that(real_size GREATER 10000000)
foreach(mode IN ITEMS normal nolength)
  server_url(url ${mode} cap-${mode})
  fetch_archive(
    cap-${mode}
    EXPECT_FAIL
    ARGS "-DURL=${url}/real.zip" -DALLOW_HTTP=ON "-DCACHE_DIR=${CACHE_DIR}"
         -DTORCHCOMPAT_MAX_DOWNLOAD_SIZE=1000000
    EXPECT "failed at the download step: download of ${url}/real.zip stopped at "
           "TORCHCOMPAT_MAX_DOWNLOAD_SIZE \\(1000000 bytes\\)" "Nothing was added to the cache")
endforeach()
cache_leftovers(left "${CACHE_DIR}")
expect_empty(left)
# Under the cap, the same server mode without a Content-Length delivers the archive.
server_url(url nolength small)
fetch_archive(
  nolength-small ARGS "-DURL=${url}/mini.zip" -DALLOW_HTTP=ON "-DCACHE_DIR=${CACHE_DIR}"
                      -DTORCHCOMPAT_MAX_DOWNLOAD_SIZE=1000000)
expect_exists("${FETCH_RESULT_DIR}/share/cmake/Torch/TorchConfig.cmake")

# Credentials in the URL: used for the request, shown as "***", written nowhere.
set(secret "s3cret-token-20")
set(url "https://mirror-user:${secret}@127.0.0.1:${TLS_PORT}/normal/${TAG}-secret/mini.zip")
set(lock "${WORK}/lock-secret.txt")
fetch_archive(
  credentials
  ARGS "-DURL=${url}" ${common} "-DLOCK_FILE=${lock}"
  EXPECT "https://\\*\\*\\*@127.0.0.1:${TLS_PORT}/normal/${TAG}-secret/mini.zip ready in"
  REJECT "${secret}" "mirror-user")
server_requests(count secret)
expect_that(count EQUAL 1)
file(GLOB_RECURSE written "${CACHE_DIR}/*" "${WORK}/lock-*.txt")
foreach(path IN LISTS written)
  file(STRINGS "${path}" leaked REGEX "${secret}|mirror-user")
  if(leaked)
    message(FATAL_ERROR "FAIL: ${path} holds the mirror's credentials: ${leaked}")
  endif()
endforeach()
expect_exists("${lock}")
# A failing request with credentials: the error names the URL without them.
set(url "https://mirror-user:${secret}@127.0.0.1:${TLS_PORT}/404/${TAG}-secret/mini.zip")
fetch_archive(
  credentials-404
  EXPECT_FAIL
  ARGS "-DURL=${url}" ${common}
  EXPECT
    "download of https://\\*\\*\\*@127.0.0.1:${TLS_PORT}/404/.* failed: the server answered HTTP 404"
  REJECT "${secret}" "mirror-user")
