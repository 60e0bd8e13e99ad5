# Trust for unmodified projects: through the dependency provider, the hash goes to the per-user pin
# store in the per-user state folder (TORCHCOMPAT_STATE_DIR, here <WORK>/state), never into the
# project's source tree nor the cache, and is enforced from then on, also after the cache was
# cleared. A project that calls the fetch itself with the default lock file in a read-only
# source tree falls back to the same store.
set(project "${WORK}/provider-consumer")
file(COPY "${REPO}/examples/provider-consumer/" DESTINATION "${project}")
tree_snapshot(source_before "${project}")
# The mini archive under the official name, in this case's own folder of the served tree: a
# configure, not a build, is all this case needs.
serve_official(mirror "${SERVED}/mini.zip")
set(includes "${REPO}/cmake/TorchCompatDependencyProvider.cmake")
set(configure
    "${CMAKE_COMMAND}"
    -S
    "${project}"
    -G
    "${GENERATOR}"
    "-DCMAKE_CXX_COMPILER=${CXX}"
    "-DCMAKE_PROJECT_TOP_LEVEL_INCLUDES=${includes}"
    "-DTORCHCOMPAT_PROBE_EXECUTABLE=${PROBE}"
    -DTORCHCOMPAT_LIBTORCH_VERSION=1.13.1
    -DTORCHCOMPAT_LIBTORCH_VARIANT=cpu
    "-DTORCHCOMPAT_MIRROR=${mirror}"
    -DTORCHCOMPAT_ALLOW_HTTP=ON
    "-DTORCHCOMPAT_CACHE_DIR=${CACHE_DIR}")
fetch_run(first COMMAND ${configure} -B "${WORK}/build"
          EXPECT "recorded SHA-256 [0-9a-f]+ of ${OFFICIAL_URL} in ${STATE_DIR}/pins.txt")
tree_snapshot(source_after "${project}")
expect_that(source_after STREQUAL "${source_before}")
file(SHA256 "${SERVED}/mini.zip" mini_hash)
file(STRINGS "${STATE_DIR}/pins.txt" pins REGEX "^[^#]")
expect_that(pins STREQUAL "${mini_hash}  ${OFFICIAL_URL}")
file(READ "${STATE_DIR}/pins.txt" pins_text)
expect_that(pins_text MATCHES "delete its line")

# Trust outlives the cache: the cache cleared, another archive served at the same URL is refused.
file(REMOVE_RECURSE "${CACHE_DIR}")
make_archive(other_mini inside-link other-mini.zip)
serve_official(mirror "${other_mini}")
fetch_run(
  cache-cleared
  EXPECT_FAIL
  COMMAND ${configure} -B "${WORK}/build-cleared"
  EXPECT "SHA-256 mismatch" "expected: ${mini_hash} \\(recorded in ${STATE_DIR}/pins.txt\\)")
serve_official(mirror "${SERVED}/mini.zip")

# Without TORCHCOMPAT_STATE_DIR: the XDG state folder, not the cache.
fetch_run(
  xdg-state
  COMMAND "${CMAKE_COMMAND}" -E env --unset=TORCHCOMPAT_STATE_DIR "XDG_STATE_HOME=${WORK}/xdg"
          ${configure} -B "${WORK}/build-xdg" "-DTORCHCOMPAT_CACHE_DIR=${WORK}/cache-xdg"
  EXPECT "recorded SHA-256 [0-9a-f]+ of ${OFFICIAL_URL} in ${WORK}/xdg/torchcompat/pins.txt")
expect_missing("${WORK}/cache-xdg/pins.txt")

# A state folder another user may write is refused before anything is read from it.
execute_process(COMMAND chmod 777 "${STATE_DIR}")
fetch_run(
  shared-state
  EXPECT_FAIL
  COMMAND ${configure} -B "${WORK}/build-shared"
  EXPECT "pin store's folder" "${STATE_DIR}" "TORCHCOMPAT_STATE_DIR")
execute_process(COMMAND chmod 700 "${STATE_DIR}")

# Enforced: another cache entry for the same archive must match the stored hash.
string(REPEAT "0" 64 zeros)
file(WRITE "${STATE_DIR}/pins.txt" "${zeros}  ${OFFICIAL_URL}\n")
file(REMOVE_RECURSE "${CACHE_DIR}/libtorch")
fetch_run(
  enforced
  EXPECT_FAIL
  COMMAND ${configure} -B "${WORK}/build2"
  EXPECT "SHA-256 mismatch" "expected: ${zeros} \\(recorded in ${STATE_DIR}/pins.txt\\)")
tree_snapshot(source_after "${project}")
expect_that(source_after STREQUAL "${source_before}")

# The default lock file's directory is read-only: the pin store takes the line. Root writes through
# permissions, so a read-only bind mount makes the directory read-only for everyone.
set(readonly "${WORK}/readonly-src")
file(MAKE_DIRECTORY "${readonly}")
execute_process(COMMAND id -u OUTPUT_VARIABLE uid OUTPUT_STRIP_TRAILING_WHITESPACE)
if(uid STREQUAL "0")
  execute_process(
    COMMAND sh -c
            "mount --bind '${readonly}' '${readonly}' && mount -o remount,ro,bind '${readonly}'"
    RESULT_VARIABLE rc)
else()
  execute_process(COMMAND chmod 555 "${readonly}" RESULT_VARIABLE rc)
endif()
expect_that(rc EQUAL 0)
set(fallback_args
    "-DURL=https://example.invalid/mini.zip" "-DARCHIVE=${SERVED}/mini.zip"
    "-DCACHE_DIR=${WORK}/cache-ro" "-DLOCK_FILE=${readonly}/torchcompat.lock"
    -DLOCK_FILE_FALLBACK=ON -DPIN_STORE=ON)
fetch_archive(
  read-only-source ARGS ${fallback_args}
  EXPECT "is not writable"
         "recorded SHA-256 [0-9a-f]+ of https://example.invalid/mini.zip in ${STATE_DIR}/pins.txt")
fetch_archive(read-only-warm ARGS ${fallback_args} REJECT "recorded" "extracting")
if(uid STREQUAL "0")
  execute_process(COMMAND umount "${readonly}")
else()
  execute_process(COMMAND chmod 755 "${readonly}")
endif()
expect_missing("${readonly}/torchcompat.lock")
