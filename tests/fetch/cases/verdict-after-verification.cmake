# Archives that are not a usable libtorch (0 bytes, an empty zip, a flat tree, two top folders, no
# TorchConfig, a zip whose index was cut off because the server announced fewer bytes than it sent):
# each fails before any verdict, so neither the stamp nor the lock line is written. Once the mirror
# serves a good archive under the same key, the next configure succeeds from scratch.
set(lock "${WORK}/torchcompat.lock")
set(key "https://download.pytorch.org/libtorch/cpu/verdict.zip")
file(MAKE_DIRECTORY "${WORK}/archives")
file(WRITE "${WORK}/archives/zero.zip" "")
set(cases
    "zero|zero.zip|normal|is empty"
    "empty|empty.zip|normal|it is empty"
    "flat|flat.zip|normal|top-level entry build-version is not a directory"
    "two-tops|two-tops.zip|normal|more than one top-level entry \\(libtorch, other\\)"
    "no-config|no-config.zip|normal|does not look like a libtorch archive: no libtorch/share/cmake/Torch/TorchConfig.cmake"
    "mini|shortlen.zip|shortlen|no zip central directory|points past the end")
# The server serves files of SERVED only: put this case's archives there, under its own folder.
set(served_dir "${SERVED}/${TAG}")
file(MAKE_DIRECTORY "${served_dir}")
foreach(spec IN LISTS cases)
  string(REPLACE "|" ";" spec "${spec}")
  list(GET spec 0 kind)
  list(GET spec 1 name)
  list(GET spec 2 mode)
  list(GET spec 3 reason)
  if(NOT kind STREQUAL "zero")
    make_archive(archive ${kind} "${name}")
  endif()
  file(COPY "${WORK}/archives/${name}" DESTINATION "${served_dir}")
  server_url(url ${mode} verdict)
  fetch_archive(
    ${kind}-${mode}
    EXPECT_FAIL
    ARGS "-DURL=${url}/${TAG}/${name}" -DALLOW_HTTP=ON "-DCACHE_DIR=${CACHE_DIR}"
         "-DLOCK_FILE=${lock}" "-DLOCK_KEY=${key}"
    EXPECT "failed at the archive check step: refusing archive .*(${reason})"
           "Nothing was recorded; the next configure starts over")
  expect_missing("${lock}")
  file(GLOB_RECURSE stamps "${CACHE_DIR}/*/torchcompat-stamp.txt")
  expect_empty(stamps)
  cache_leftovers(left "${CACHE_DIR}")
  expect_empty(left)
endforeach()
# The mirror fixed: the same key fetches afresh and records the good hash.
server_url(url normal verdict)
fetch_archive(fixed ARGS "-DURL=${url}/mini.zip" -DALLOW_HTTP=ON "-DCACHE_DIR=${CACHE_DIR}"
                         "-DLOCK_FILE=${lock}" "-DLOCK_KEY=${key}" EXPECT "recorded SHA-256")
file(SHA256 "${SERVED}/mini.zip" mini_hash)
file(STRINGS "${lock}" entries REGEX "^[^#]")
expect_that(entries STREQUAL "${mini_hash}  ${key}")
