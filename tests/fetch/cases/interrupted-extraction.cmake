# Extraction killed midway leaves no usable half-tree; the next fetch cleans up and succeeds. First
# for real (kill -9 once the staging directory fills), then the states a kill can leave at other
# moments, made by hand.
cache_entry(entry "${CACHE_DIR}" "https://example.invalid/real.zip")
set(args "-DREPO=${REPO}" "-DURL=https://example.invalid/real.zip" "-DARCHIVE=${SERVED}/real.zip"
         "-DCACHE_DIR=${CACHE_DIR}")
string(JOIN "' '" quoted ${args})
# Only the configure's own process is killed, as a crash or an OOM kill would: nothing it started
# may go on writing past the entry it was at. Each extracting child (several side by side, see
# TORCHCOMPAT_EXTRACT_JOBS) dies of SIGPIPE when it names its next entry, so one in the middle of a
# large library finishes that file first; the child hashing the archive only reads it and writes
# its answer, a *.tmp the next configure removes. All must end within 10 s (what is left of them is
# a zombie waiting for init, which writes nothing and is not counted), and no entry may appear in
# the staging tree after the kill.
fetch_run(
  kill-during-extraction
  COMMAND
    sh -c "setsid '${CMAKE_COMMAND}' '${quoted}' -P '${FETCH_SCRIPT}' > '${WORK}/killed.out' 2>&1 &
   pid=$!
   for i in $(seq 1 1500); do
     if ls '${entry}'/extract-*.tmp/libtorch/include >/dev/null 2>&1; then
       kill -9 $pid || exit 1; wait $pid; sleep 0.5
       before=$(find '${entry}'/extract-*.tmp | wc -l)
       for j in $(seq 1 100); do
         ps -ww -o stat= -s $pid | grep -vq '^Z' || break
         sleep 0.1
       done
       left=$(ps -ww -o stat=,args= -s $pid | grep -vc '^Z')
       sleep 0.5
       grew=$(( $(find '${entry}'/extract-*.tmp | wc -l) - before ))
       echo killed-during-extraction left=$left grew=$grew; exit 0
     fi
     sleep 0.02
   done
   wait $pid; echo finished-before-kill"
  EXPECT "killed-during-extraction left=0 grew=0")
expect_missing("${entry}/torchcompat-stamp.txt")
expect_missing("${entry}/libtorch")
file(GLOB staging "${entry}/extract-*.tmp")
expect_nonempty(staging)

fetch_archive(after-kill ARGS ${args} EXPECT "extracting")
expect_that(FETCH_RESULT_DIR STREQUAL "${entry}/libtorch")
file(SIZE "${FETCH_RESULT_DIR}/lib/libtorch_cpu.so.1.13" size)
file(SIZE "/usr/lib/x86_64-linux-gnu/libtorch_cpu.so.1.13" expected_size)
expect_that(size EQUAL "${expected_size}")
cache_leftovers(left "${CACHE_DIR}")
expect_empty(left)

# Killed after the rename but before the stamp: a complete-looking tree with no stamp is never used
# as is.
file(REMOVE "${entry}/torchcompat-stamp.txt")
file(REMOVE "${FETCH_RESULT_DIR}/lib/libc10.so.1.13")
file(MAKE_DIRECTORY "${entry}/extract-leftover.tmp/libtorch")
file(WRITE "${entry}/leftover-real.zip.part" "partial")
fetch_archive(after-unstamped ARGS ${args} EXPECT "extracting")
expect_exists("${FETCH_RESULT_DIR}/lib/libc10.so.1.13")
cache_leftovers(left "${CACHE_DIR}")
expect_empty(left)
