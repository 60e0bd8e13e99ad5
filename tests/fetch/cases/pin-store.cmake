# Trust for unmodified projects: through the dependency provider, the hash goes to the per-user pin
# store beside the cache (<cache>/pins.txt), never into the project's source tree, and is enforced
# from then on. A project that calls the fetch itself with the default lock file in a read-only
# source tree falls back to the same store.
set(project "${WORK}/provider-consumer")
file(COPY "${REPO}/examples/provider-consumer/" DESTINATION "${project}")
tree_snapshot(source_before "${project}")
# The mini archive under the official name, in this case's own folder of the served tree: a
# configure, not a build, is all this case needs.
string(REGEX REPLACE "^.*/libtorch/" "" official_tail "${OFFICIAL_URL}")
string(REPLACE "%2B" "+" official_tail "${official_tail}")
configure_file("${SERVED}/mini.zip" "${SERVED}/${TAG}/${official_tail}" COPYONLY)
server_url(mirror normal provider)
set(mirror "${mirror}/${TAG}")
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
          EXPECT "recorded SHA-256 [0-9a-f]+ of ${OFFICIAL_URL} in ${CACHE_DIR}/pins.txt")
tree_snapshot(source_after "${project}")
expect_that(source_after STREQUAL "${source_before}")
file(SHA256 "${SERVED}/mini.zip" mini_hash)
file(STRINGS "${CACHE_DIR}/pins.txt" pins REGEX "^[^#]")
expect_that(pins STREQUAL "${mini_hash}  ${OFFICIAL_URL}")

# Enforced: another cache entry for the same archive must match the stored hash.
string(REPEAT "0" 64 zeros)
file(WRITE "${CACHE_DIR}/pins.txt" "${zeros}  ${OFFICIAL_URL}\n")
file(REMOVE_RECURSE "${CACHE_DIR}/libtorch")
fetch_run(
  enforced
  EXPECT_FAIL
  COMMAND ${configure} -B "${WORK}/build2"
  EXPECT "SHA-256 mismatch" "expected: ${zeros} \\(recorded in ${CACHE_DIR}/pins.txt\\)")
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
  read-only-source
  ARGS ${fallback_args}
  EXPECT
    "is not writable"
    "recorded SHA-256 [0-9a-f]+ of https://example.invalid/mini.zip in ${WORK}/cache-ro/pins.txt")
fetch_archive(read-only-warm ARGS ${fallback_args} REJECT "recorded" "extracting")
if(uid STREQUAL "0")
  execute_process(COMMAND umount "${readonly}")
else()
  execute_process(COMMAND chmod 755 "${readonly}")
endif()
expect_missing("${readonly}/torchcompat.lock")
