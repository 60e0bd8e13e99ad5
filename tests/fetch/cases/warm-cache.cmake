# With the tree in place: no request, no extraction, no hashing, even with the server's copy gone
# bad; a different cache directory fetches afresh.
server_url(url normal warm)
set(lock "${WORK}/torchcompat.lock")
set(args "-DURL=${url}/real.zip" -DALLOW_HTTP=ON "-DCACHE_DIR=${CACHE_DIR}" "-DLOCK_FILE=${lock}")
fetch_archive(cold ARGS ${args} EXPECT "downloading" "extracting")
set(tree "${FETCH_RESULT_DIR}")
server_requests(before warm)
expect_that(before EQUAL 1)
fetch_archive(warm ARGS ${args} REJECT "downloading" "extracting" "recorded")
expect_that(FETCH_RESULT_DIR STREQUAL "${tree}")
server_requests(after warm)
expect_that(after EQUAL 1)
# The default cache location follows TORCHCOMPAT_CACHE_DIR from the environment.
fetch_run(
  env-cache
  COMMAND "${CMAKE_COMMAND}" -E env "TORCHCOMPAT_CACHE_DIR=${CACHE_DIR}" "${CMAKE_COMMAND}"
          "-DREPO=${REPO}" "-DURL=${url}/real.zip" -DALLOW_HTTP=ON -P "${FETCH_SCRIPT}"
  EXPECT "RESULT_DIR=${tree}"
  REJECT "downloading")
# ...and XDG_CACHE_HOME without it.
fetch_run(
  xdg-cache
  COMMAND
    "${CMAKE_COMMAND}" -E env --unset=TORCHCOMPAT_CACHE_DIR "XDG_CACHE_HOME=${WORK}/xdg"
    "${CMAKE_COMMAND}" "-DREPO=${REPO}" "-DURL=${url}/mini.zip" -DALLOW_HTTP=ON -P "${FETCH_SCRIPT}"
  EXPECT "RESULT_DIR=${WORK}/xdg/torchcompat/libtorch/[0-9a-f]+/libtorch")
