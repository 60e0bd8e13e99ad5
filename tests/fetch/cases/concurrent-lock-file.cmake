# Four configures of four different archives share one lock file: the read-modify-write of that
# file happens under a lock, so every round leaves four lines (before, one in eight rounds lost
# one).
server_url(url slow four)
foreach(round RANGE 1 3)
  set(lock "${WORK}/round-${round}.lock")
  set(commands "")
  foreach(n RANGE 1 4)
    string(
      APPEND
      commands
      "'${CMAKE_COMMAND}' '-DREPO=${REPO}' '-DURL=${url}/mini.zip' "
      "'-DLOCK_KEY=https://download.pytorch.org/libtorch/cpu/v${n}.zip' -DALLOW_HTTP=ON "
      "'-DCACHE_DIR=${CACHE_DIR}-${round}' '-DLOCK_FILE=${lock}' -P '${FETCH_SCRIPT}' "
      "> '${WORK}/${round}-${n}.out' 2>&1 & p${n}=$!\n")
  endforeach()
  fetch_run(round-${round} COMMAND sh -c "${commands}
  failed=0; for p in $p1 $p2 $p3 $p4; do wait $p || failed=1; done; echo failed=$failed"
            EXPECT "failed=0")
  file(STRINGS "${lock}" entries REGEX "^[^#]")
  list(LENGTH entries count)
  expect_that(count EQUAL 4)
  cache_leftovers(left "${CACHE_DIR}-${round}")
  expect_empty(left)
endforeach()
