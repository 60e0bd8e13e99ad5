# Plain http:// needs an explicit yes; other schemes are refused outright.
server_url(url normal http)
fetch_archive(
  refused
  EXPECT_FAIL
  ARGS "-DURL=${url}/mini.zip" "-DCACHE_DIR=${CACHE_DIR}"
  EXPECT "TorchCompat: refusing plain http:// URL ${url}/mini.zip" "ALLOW_HTTP")
server_requests(count http)
expect_that(count EQUAL 0)
fetch_archive(
  ftp
  EXPECT_FAIL
  ARGS "-DURL=ftp://127.0.0.1/mini.zip" "-DCACHE_DIR=${CACHE_DIR}"
  EXPECT "TorchCompat: unsupported URL ftp://127.0.0.1/mini.zip")
# The knob, as an environment variable, allows it too.
fetch_run(
  allowed-by-env
  COMMAND "${CMAKE_COMMAND}" -E env TORCHCOMPAT_ALLOW_HTTP=1 "${CMAKE_COMMAND}" "-DREPO=${REPO}"
          "-DURL=${url}/mini.zip" "-DCACHE_DIR=${CACHE_DIR}" -P "${FETCH_SCRIPT}"
  EXPECT "RESULT_DIR=${CACHE_DIR}/libtorch/[0-9a-f]+/libtorch")
server_requests(count http)
expect_that(count EQUAL 1)
