# A full disk, made real with a small tmpfs as the cache (root can mount one; elsewhere "unshare
# -rm" gives a mount namespace of one's own): a download that does not fit and an extraction that
# does not fit each fail as "disk is full", leave the tmpfs empty of anything half-made, and record
# nothing; a disk with just enough room (the private copy of the local archive, on another file
# system here, plus the tree's blocks plus 1 MiB) is not refused. A local archive that does not fit
# even as a copy fails at that step.
set(mount "${WORK}/small-disk")
file(MAKE_DIRECTORY "${mount}")
set(lock "${WORK}/torchcompat.lock")
server_url(url normal full)
# One shell does the mount, the fetches and the listing of what was left, so that the unshare
# variant sees its own mount throughout.
set(fetch
    "'${CMAKE_COMMAND}' '-DREPO=${REPO}' -DALLOW_HTTP=ON '-DCACHE_DIR=${mount}/cache' '-DLOCK_FILE=${lock}'"
)
set(script
    "set -u
mount -t tmpfs -o size=6m tmpfs '${mount}' || exit 90
echo '== download'
${fetch} '-DURL=${url}/real.zip' -P '${FETCH_SCRIPT}' 2>&1
echo \"== rc=$?\"
umount '${mount}' && mount -t tmpfs -o size=24m tmpfs '${mount}' || exit 91
echo '== copy'
${fetch} '-DURL=https://example.invalid/real.zip' '-DARCHIVE=${SERVED}/real.zip' -P '${FETCH_SCRIPT}' 2>&1
echo \"== rc=$?\"
umount '${mount}' && mount -t tmpfs -o size=80m tmpfs '${mount}' || exit 91
echo '== extract'
${fetch} '-DURL=https://example.invalid/real.zip' '-DARCHIVE=${SERVED}/real.zip' -P '${FETCH_SCRIPT}' 2>&1
echo \"== rc=$?\"
umount '${mount}' && mount -t tmpfs -o size=214m tmpfs '${mount}' || exit 92
echo '== extract-just-fits'
${fetch} '-DURL=https://example.invalid/real.zip' '-DARCHIVE=${SERVED}/real.zip' '-DLOCK_FILE=${WORK}/fits.lock' -P '${FETCH_SCRIPT}' 2>&1
echo \"== rc=$?\"
rm -rf '${mount}/cache'
echo '== left'
find '${mount}' -name '*.part' -o -name '*.tmp' -o -name 'torchcompat-stamp.txt' -o -name 'libtorch' -type d -path '*/libtorch/*/libtorch'
echo '== end'
umount '${mount}'")
execute_process(COMMAND id -u OUTPUT_VARIABLE uid OUTPUT_STRIP_TRAILING_WHITESPACE)
if(uid STREQUAL "0")
  set(shell sh -c "${script}")
else()
  set(shell unshare -rm sh -c "${script}")
endif()
fetch_run(
  small-disk
  COMMAND ${shell}
  EXPECT
    "== download .*failed at the download step: download of ${url}/real.zip (is incomplete|failed).*The disk is full.*== rc=1"
    "== copy .*failed at the archive copy step: it could not be copied into the cache folder ${mount}/cache/libtorch/[0-9a-f]+ first.*The disk is full.*The local archive was left as it is.*== rc=1"
    "== extract .*failed at the extraction step: the tree needs [0-9]+ KiB but the disk holding ${mount}/cache/libtorch/[0-9a-f]+ has [0-9]+ KiB free.*Nothing was extracted.*== rc=1"
    "== extract-just-fits .*ready in ${mount}/cache/libtorch/[0-9a-f]+/libtorch.*== rc=0"
    "== left == end")
expect_missing("${lock}")
