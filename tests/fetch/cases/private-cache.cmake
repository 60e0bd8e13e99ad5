# Only one's own cache (issue 20): the libtorch cache and the probe's build cache refuse a folder
# that another user owns or may write, or that is reached through another user's link, with one
# line naming the folder and the fix; a stamped tree found there is not used. "Another user" is
# uid 65534 (nobody): the case runs as root, as CI does, and hands folders to it with chown.
execute_process(COMMAND id -u OUTPUT_VARIABLE uid OUTPUT_STRIP_TRAILING_WHITESPACE)
if(NOT uid STREQUAL "0")
  message(FATAL_ERROR "FAIL: this case hands folders to another user with chown and needs root "
                      "(the CI runs as root); it ran as uid ${uid}")
endif()
make_archive(archive mini mini.zip)
set(url "https://example.invalid/private.zip")
cache_entry(entry "${CACHE_DIR}" "${url}")
set(args "-DURL=${url}" "-DARCHIVE=${archive}")

# A verified tree in a private cache is used.
fetch_archive(private ARGS ${args} "-DCACHE_DIR=${CACHE_DIR}" EXPECT "ready in")
expect_exists("${entry}/torchcompat-stamp.txt")

# The same stamped tree once others may write to the cache: refused, not used.
file(
  CHMOD
  "${CACHE_DIR}"
  DIRECTORY_PERMISSIONS
  OWNER_READ
  OWNER_WRITE
  OWNER_EXECUTE
  GROUP_READ
  GROUP_EXECUTE
  WORLD_READ
  WORLD_WRITE
  WORLD_EXECUTE)
fetch_archive(
  world-writable
  EXPECT_FAIL
  ARGS ${args} "-DCACHE_DIR=${CACHE_DIR}"
  EXPECT
    "TorchCompat: the libtorch cache folder ${entry} is not this user's alone: other users may write to ${CACHE_DIR}; set CACHE_DIR \\(TORCHCOMPAT_CACHE_DIR\\) to a folder that only you can write"
  REJECT "RESULT_DIR=")
file(
  CHMOD
  "${CACHE_DIR}"
  DIRECTORY_PERMISSIONS
  OWNER_READ
  OWNER_WRITE
  OWNER_EXECUTE
  GROUP_READ
  GROUP_EXECUTE
  WORLD_READ
  WORLD_EXECUTE)

# The entry folder handed to another user (as if they had made it, with its stamp): refused.
execute_process(COMMAND chown -R 65534 "${entry}" RESULT_VARIABLE rc)
expect_that(rc EQUAL 0)
fetch_archive(
  other-owner
  EXPECT_FAIL
  ARGS ${args} "-DCACHE_DIR=${CACHE_DIR}"
  EXPECT "is not this user's alone: ${entry} belongs to another user"
  REJECT "RESULT_DIR=")
execute_process(COMMAND chown -R 0 "${entry}")

# The cache reached through a link another user planted: refused, although the folder it points to
# is this user's own.
file(CREATE_LINK "${CACHE_DIR}" "${WORK}/planted-link" SYMBOLIC)
execute_process(COMMAND chown -h 65534 "${WORK}/planted-link" RESULT_VARIABLE rc)
expect_that(rc EQUAL 0)
fetch_archive(
  planted-link
  EXPECT_FAIL
  ARGS ${args} "-DCACHE_DIR=${WORK}/planted-link"
  EXPECT "is not this user's alone: ${WORK}/planted-link belongs to another user")
# The user's own link to the same folder is fine, and the stamped tree is used again.
file(CREATE_LINK "${CACHE_DIR}" "${WORK}/own-link" SYMBOLIC)
fetch_archive(own-link ARGS ${args} "-DCACHE_DIR=${WORK}/own-link"
              EXPECT "RESULT_DIR=${WORK}/own-link/libtorch/")

# A shared parent such as /tmp (world-writable with the sticky bit) is fine below a private folder;
# a parent without the sticky bit is not.
file(MAKE_DIRECTORY "${WORK}/sticky" "${WORK}/open")
execute_process(COMMAND chmod 1777 "${WORK}/sticky")
execute_process(COMMAND chmod 0777 "${WORK}/open")
fetch_archive(sticky-parent ARGS ${args} "-DCACHE_DIR=${WORK}/sticky/cache" EXPECT "ready in")
fetch_archive(
  open-parent
  EXPECT_FAIL
  ARGS ${args} "-DCACHE_DIR=${WORK}/open/cache"
  EXPECT "other users may write to ${WORK}/open;")
file(GLOB_RECURSE extracted "${WORK}/open/*/TorchConfig.cmake")
expect_empty(extracted)
# Group write: fine for the user's own group (user-private groups, umask 002), refused for a
# group others are in.
file(MAKE_DIRECTORY "${WORK}/own-group" "${WORK}/other-group")
execute_process(COMMAND chmod 0775 "${WORK}/own-group" "${WORK}/other-group")
execute_process(COMMAND chgrp 65534 "${WORK}/other-group")
fetch_archive(own-group ARGS ${args} "-DCACHE_DIR=${WORK}/own-group/cache" EXPECT "ready in")
fetch_archive(
  other-group
  EXPECT_FAIL
  ARGS ${args} "-DCACHE_DIR=${WORK}/other-group/cache"
  EXPECT "other users may write to ${WORK}/other-group;")

# Planted for real: user nobody (setpriv, no account to create) copies a stamped tree into a shared
# cache under a sticky /tmp-like parent and puts a TorchConfig.cmake of its choosing in it; this
# user's fetch of the same URL with that cache refuses it and runs nothing from it. (The tree is
# this case's own first fetch: nobody needs no CMake, which may sit in a folder it cannot read.)
set(shared "${WORK}/shared-tmp")
file(MAKE_DIRECTORY "${shared}")
execute_process(COMMAND chmod 1777 "${shared}" "${WORK}")
cache_entry(planted "${shared}/cache" "${url}")
get_filename_component(planted_parent "${planted}" DIRECTORY)
fetch_run(
  planted-by-nobody
  COMMAND
    setpriv --reuid=65534 --regid=65534 --clear-groups sh -c
    "mkdir -p '${planted_parent}' && cp -R '${entry}' '${planted}' && echo 'message(STATUS planted-config-ran)' >> '${planted}/libtorch/share/cmake/Torch/TorchConfig.cmake' && echo planted"
  EXPECT "planted")
expect_exists("${planted}/torchcompat-stamp.txt")
fetch_archive(
  refuses-nobodys-cache
  EXPECT_FAIL
  ARGS ${args} "-DCACHE_DIR=${shared}/cache"
  EXPECT "is not this user's alone: ${planted} belongs to another user"
  REJECT "RESULT_DIR=")

# The probe's build cache: a probe folder that belongs to another user is refused before any probe
# found there could run.
set(probe_cache "${WORK}/probe-user-cache")
file(MAKE_DIRECTORY "${probe_cache}/probe")
execute_process(COMMAND chown 65534 "${probe_cache}/probe")
file(
  WRITE "${WORK}/build-probe.cmake"
  "set_property(GLOBAL PROPERTY TORCHCOMPAT_MODULE_DIR \"${REPO}/cmake\")\n"
  "include(\"${REPO}/cmake/Internal/machine/TorchCompatProbe.cmake\")\n"
  "_torchcompat_build_probe(\"${REPO}/tool\" probe)\n" "message(STATUS \"probe=\${probe}\")\n")
fetch_run(
  probe-cache-other-owner
  EXPECT_FAIL
  COMMAND "${CMAKE_COMMAND}" -E env "TORCHCOMPAT_CACHE_DIR=${probe_cache}" "CXX=${CXX}"
          "${CMAKE_COMMAND}" -P "${WORK}/build-probe.cmake"
  EXPECT
    "TorchCompat: the probe's build cache folder ${probe_cache}/probe is not this user's alone: ${probe_cache}/probe belongs to another user; set TORCHCOMPAT_CACHE_DIR to a folder that only you can write, or TORCHCOMPAT_PROBE_EXECUTABLE"
  REJECT "probe=" "building torchcompat-probe")
