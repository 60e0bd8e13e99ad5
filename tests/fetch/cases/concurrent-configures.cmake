# Two configures at once on one empty cache: both succeed, the server sees one
# download. The slow mode stretches the download to about 2 s so they overlap.
server_url(url slow both)
set(common "-DREPO=${REPO}" "-DURL=${url}/real.zip" -DALLOW_HTTP=ON "-DCACHE_DIR=${CACHE_DIR}")
string(JOIN " " common_args ${common})
fetch_run(two-at-once COMMAND sh -c
  "'${CMAKE_COMMAND}' ${common_args} -P '${FETCH_SCRIPT}' > '${WORK}/a.out' 2>&1 & a=$!
   '${CMAKE_COMMAND}' ${common_args} -P '${FETCH_SCRIPT}' > '${WORK}/b.out' 2>&1 & b=$!
   wait $a; ra=$?; wait $b; rb=$?
   echo \"a=$ra b=$rb\"; cat '${WORK}/a.out' '${WORK}/b.out'; test $ra = 0 && test $rb = 0"
  EXPECT "a=0 b=0")
file(READ "${WORK}/a.out" a)
file(READ "${WORK}/b.out" b)
string(REGEX MATCH "RESULT_DIR=[^\n]*" a_dir "${a}")
string(REGEX MATCH "RESULT_DIR=[^\n]*" b_dir "${b}")
expect_nonempty(a_dir)
expect_that(a_dir STREQUAL "${b_dir}")
server_requests(count both)
expect_that(count EQUAL 1)
cache_leftovers(left "${CACHE_DIR}")
expect_empty(left)
