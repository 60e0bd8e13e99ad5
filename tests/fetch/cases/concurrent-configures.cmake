# Two projects configured at once on one empty cache: both succeed, the server sees one download.
# The slow mode stretches the download to about 2 s so that the configures overlap; each project has
# its own lock file.
server_url(mirror slow both)
set(project "${REPO}/tests/fetch/projects/fetch-only")
foreach(name IN ITEMS a b)
  set(configure_${name}
      "'${CMAKE_COMMAND}' -S '${project}' -B '${WORK}/build-${name}' '-DTorchCompat_DIR=${PACKAGE_DIR}' '-DTORCHCOMPAT_PROBE_EXECUTABLE=${PROBE}' '-DTORCHCOMPAT_CACHE_DIR=${CACHE_DIR}' '-DTORCHCOMPAT_MIRROR=${mirror}' -DTORCHCOMPAT_ALLOW_HTTP=ON '-DTORCHCOMPAT_LOCK_FILE=${WORK}/${name}.lock' > '${WORK}/${name}.out' 2>&1"
  )
endforeach()
fetch_run(
  two-at-once
  COMMAND
    sh -c "${configure_a} & a=$!
   ${configure_b} & b=$!
   wait $a; ra=$?; wait $b; rb=$?
   echo \"a=$ra b=$rb\"; cat '${WORK}/a.out' '${WORK}/b.out'"
  EXPECT "a=0 b=0")
file(READ "${WORK}/a.out" a)
file(READ "${WORK}/b.out" b)
string(REGEX MATCH "fetch-only: Torch_DIR=[^\n]*" a_dir "${a}")
string(REGEX MATCH "fetch-only: Torch_DIR=[^\n]*" b_dir "${b}")
expect_nonempty(a_dir)
expect_that(a_dir STREQUAL "${b_dir}")
server_requests(count both)
expect_that(count EQUAL 1)
cache_leftovers(left "${CACHE_DIR}")
expect_empty(left)
# Both projects' lock files hold the same, verified hash.
file(SHA256 "${SERVED}/real.zip" real_hash)
file(STRINGS "${WORK}/a.lock" a_lock REGEX "^[^#]")
file(STRINGS "${WORK}/b.lock" b_lock REGEX "^[^#]")
expect_that(a_lock STREQUAL "${real_hash}  ${OFFICIAL_URL}")
expect_that(b_lock STREQUAL "${real_hash}  ${OFFICIAL_URL}")
