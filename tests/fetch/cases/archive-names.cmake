# Names that collide (twice, or in another letter case, as macOS and Windows would see them),
# names with backslashes, drive letters or line breaks, and a format that is not what the name
# says: refused before extraction.
set(kinds
    "case|zip|libtorch/include/torch.h and libtorch/include/Torch.h, which differ only in letter case"
    "case-dir|zip|the directories libtorch/Include and libtorch/include differ only in letter case"
    "duplicate|zip|it names libtorch/include/torch/version.h twice"
    "backslash|zip|climbs out"
    "drive|zip|holds a character no libtorch uses.*C:/escaped.txt"
    "newline|zip|holds a line break"
    "tar|zip|named .zip but does not start like a zip archive"
    "mini|tar.gz|named .tar.gz but is not compressed that way"
    "mini|tar|named .tar but is not a ustar/pax tar archive")
foreach(spec IN LISTS kinds)
  string(REPLACE "|" ";" spec "${spec}")
  list(GET spec 0 kind)
  list(GET spec 1 extension)
  list(GET spec 2 reason)
  make_archive(archive ${kind} "${kind}-as.${extension}")
  fetch_archive(
    ${kind}-${extension}
    EXPECT_FAIL
    ARGS "-DURL=https://example.invalid/${kind}.${extension}" "-DARCHIVE=${archive}"
         "-DCACHE_DIR=${CACHE_DIR}"
    EXPECT "failed at the archive check step: refusing archive ${archive}: .*${reason}"
           "Nothing was extracted")
endforeach()
# A name without a known archive extension is refused, whatever the content.
make_archive(archive mini mini.bin)
fetch_archive(
  unknown-format
  EXPECT_FAIL
  ARGS "-DURL=https://example.invalid/mini.bin" "-DARCHIVE=${archive}" "-DCACHE_DIR=${CACHE_DIR}"
  EXPECT "its name ends in none of .zip" "Nothing was downloaded or extracted")
# From a server too: refused before any request.
server_url(url normal names)
fetch_archive(
  unknown-format-download
  EXPECT_FAIL
  ARGS "-DURL=${url}/mini.bin" -DALLOW_HTTP=ON "-DCACHE_DIR=${CACHE_DIR}"
  EXPECT "its name ends in none of .zip")
server_requests(count names)
expect_that(count EQUAL 0)
# The same bytes under the right name pass: the refusals above are about the names.
make_archive(archive tar good.tar)
fetch_archive(tar-as-tar ARGS "-DURL=https://example.invalid/good.tar" "-DARCHIVE=${archive}"
                              "-DCACHE_DIR=${CACHE_DIR}")
expect_exists("${FETCH_RESULT_DIR}/share/cmake/Torch/TorchConfig.cmake")
cache_leftovers(left "${CACHE_DIR}")
expect_empty(left)
