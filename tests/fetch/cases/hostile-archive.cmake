# Archives with entries that land outside the extraction directory are refused before anything is
# written, from the server and from a local file.
file(REMOVE "/tmp/torchcompat-escaped.txt")
foreach(kind IN ITEMS dotdot absolute symlink)
  server_url(url normal ${kind})
  fetch_archive(
    ${kind}
    EXPECT_FAIL
    ARGS "-DURL=${url}/${kind}.zip" -DALLOW_HTTP=ON "-DCACHE_DIR=${CACHE_DIR}"
    EXPECT "TorchCompat: fetching ${url}/${kind}.zip failed at the archive check step: refusing"
           "Nothing was extracted" "The download was deleted")
  # From the local file too; the user's file stays.
  fetch_archive(
    ${kind}-local
    EXPECT_FAIL
    ARGS "-DURL=${url}/${kind}.zip" "-DARCHIVE=${SERVED}/${kind}.zip" "-DCACHE_DIR=${CACHE_DIR}"
    EXPECT "refusing archive ${SERVED}/${kind}.zip" "local archive was left as it is")
  expect_exists("${SERVED}/${kind}.zip")
endforeach()
expect_missing("/tmp/torchcompat-escaped.txt")
file(GLOB_RECURSE escaped "${WORK}/../*torchcompat-escaped.txt")
expect_empty(escaped)
cache_leftovers(left "${CACHE_DIR}")
expect_empty(left)
file(GLOB_RECURSE extracted "${CACHE_DIR}/*/libtorch/*")
expect_empty(extracted)
