# Links that lead out of the tree only through links the archive itself makes (p -> ".", then
# q -> p/p/../../<outside>, which stays inside as text), entries written through a link, hard
# links, special files, and an owner name that mimics a listing line: each is refused before
# extraction, and the directory the escape aims at stays as it was. A link that stays inside is
# fine.
set(kinds
    "chain|zip|written through"
    "chain-link|zip|leads outside the extraction directory"
    "through-link|zip|libtorch/lib/sub/x.h lies below libtorch/lib/sub"
    "tar-chain|tar|written through"
    "tar-hardlink-out|tar|hard link \\(libtorch/lib/stolen\\)"
    "tar-hardlink-in|tar|hard link \\(libtorch/lib/copy\\)"
    "tar-fifo|tar|libtorch/lib/pipe is not a plain file"
    "tar-uname|tar|libtorch/\\.\\./escaped.txt")
foreach(spec IN LISTS kinds)
  string(REPLACE "|" ";" spec "${spec}")
  list(GET spec 0 kind)
  list(GET spec 1 extension)
  list(GET spec 2 reason)
  make_archive(archive ${kind} "${kind}.${extension}")
  fetch_archive(
    ${kind}
    EXPECT_FAIL
    ARGS "-DURL=https://example.invalid/${kind}.${extension}" "-DARCHIVE=${archive}"
         "-DCACHE_DIR=${CACHE_DIR}" "-DLOCK_FILE=${WORK}/torchcompat.lock"
    EXPECT "failed at the archive check step: refusing archive ${archive}: .*${reason}"
           "Nothing was extracted" "Nothing was recorded")
  expect_unchanged_outside()
endforeach()
expect_missing("${WORK}/torchcompat.lock")
cache_leftovers(left "${CACHE_DIR}")
expect_empty(left)
file(GLOB_RECURSE extracted "${CACHE_DIR}/*/libtorch/*")
expect_empty(extracted)

make_archive(archive inside-link inside-link.zip)
fetch_archive(inside-link ARGS "-DURL=https://example.invalid/inside-link.zip"
                               "-DARCHIVE=${archive}" "-DCACHE_DIR=${CACHE_DIR}")
file(READ_SYMLINK "${FETCH_RESULT_DIR}/lib/libtorch.so" target)
expect_that(target STREQUAL "libtorch.so.1")
expect_unchanged_outside()
