# A local ARCHIVE replaced while the fetch runs (issue 20): the fetch copies it into the entry's
# private folder first and reads only that copy, so a swap after the copy began changes nothing.
# The swapper waits for the copy to appear, then renames an archive over the user's file that has
# the same names and sizes but another TorchConfig.cmake (a size check could not tell them apart).
make_archive(good mini good.zip)
set(config libtorch/share/cmake/Torch/TorchConfig.cmake)
set(evil "${WORK}/archives/evil.zip")
execute_process(COMMAND "${PYTHON}" "${REPO}/tests/fetch/make-hostile-archive" "${good}" "${evil}"
                        --swap-content ${config} RESULT_VARIABLE rc)
expect_that(rc EQUAL 0)
file(SHA256 "${good}" good_hash)
file(SHA256 "${evil}" evil_hash)
set(user_file "${WORK}/archives/user.zip")
file(COPY_FILE "${good}" "${user_file}")

set(url "https://example.invalid/swap.zip")
cache_entry(entry "${CACHE_DIR}" "${url}")
set(args "-DREPO=${REPO}" "-DURL=${url}" "-DARCHIVE=${user_file}" "-DCACHE_DIR=${CACHE_DIR}"
         "-DSHA256=${good_hash}")
string(JOIN "' '" quoted ${args})
fetch_run(
  swap-during-fetch
  COMMAND
    sh -c "'${CMAKE_COMMAND}' '${quoted}' -P '${FETCH_SCRIPT}' > '${WORK}/fetch.out' 2>&1 &
   pid=$!
   swapped=no
   for i in $(seq 1 4000); do
     if ls '${entry}'/*.part >/dev/null 2>&1; then
       mv '${evil}' '${user_file}' && swapped=yes; break
     fi
     sleep 0.001
   done
   wait $pid; rc=$?
   echo swapped=$swapped rc=$rc; cat '${WORK}/fetch.out'"
  EXPECT "swapped=yes rc=0" "ready in")
# The user's file now is the other archive; the tree and the verdict are the original's.
file(SHA256 "${user_file}" now)
expect_that(now STREQUAL "${evil_hash}")
file(READ "${entry}/libtorch/share/cmake/Torch/TorchConfig.cmake" text)
if(text MATCHES "swapped content")
  message(FATAL_ERROR "FAIL: the extracted TorchConfig.cmake is the swapped-in one")
endif()
file(READ "${entry}/torchcompat-stamp.txt" stamp)
expect_that(stamp MATCHES "${good_hash}")
cache_leftovers(left "${CACHE_DIR}")
expect_empty(left)

# The next configure finds the verified tree by its stamp and reads no archive at all.
fetch_archive(
  warm-after-swap ARGS "-DURL=${url}" "-DARCHIVE=${user_file}" "-DCACHE_DIR=${CACHE_DIR}"
                       "-DSHA256=${good_hash}" EXPECT "RESULT_DIR=${entry}/libtorch")
