# The extraction divided among several children (TORCHCOMPAT_EXTRACT_JOBS): the groups cover every
# entry once, the large files go to different children, and the tree is the same as one child's,
# under every CMake (the member patterns are libarchive's). Names a pattern would not match as
# written ("./", a closing "$"), a path too deep for one expression and a compressed tar are
# extracted by one child; a bad knob is one line naming it.
include("${REPO}/cmake/Internal/fetch/TorchCompatFetchValidate.cmake")
set_property(GLOBAL PROPERTY TORCHCOMPAT_DATA_DIR "${REPO}/data")

# <out>: the names of <model> below exactly one of the patterns of groups <prefix>, or the first
# name that is not ("<name> is in <n> groups").
function(check_coverage out model prefix)
  set(patterns "")
  foreach(group RANGE 1 ${${prefix}_COUNT})
    list(APPEND patterns ${${prefix}_${group}})
  endforeach()
  list(TRANSFORM patterns REPLACE "^\\^" "")
  set(result "")
  foreach(name IN LISTS ${model}_NAMES)
    set(hits 0)
    foreach(pattern IN LISTS patterns)
      string(LENGTH "${pattern}/" length)
      string(SUBSTRING "${name}" 0 ${length} head)
      if(name STREQUAL pattern OR head STREQUAL "${pattern}/")
        math(EXPR hits "${hits} + 1")
      endif()
    endforeach()
    # Only the folders that hold a large file are in no group: the children make them.
    if(NOT hits EQUAL 1 AND NOT (hits EQUAL 0 AND name MATCHES "^libtorch(/lib(/cuda)?)?$"))
      set(result "${name} is in ${hits} groups")
      break()
    endif()
  endforeach()
  set(${out} "${result}" PARENT_SCOPE)
endfunction()

# The groups of the large-file archive.
make_archive(large large large.zip)
_torchcompat_archive_model("${large}" zip model)
expect_empty(model_ERROR)
expect_that(model_LITERAL STREQUAL TRUE)
foreach(jobs IN ITEMS 2 3 4)
  _torchcompat_extract_groups(groups model ${jobs})
  expect_that(groups_COUNT EQUAL ${jobs})
  check_coverage(problem model groups)
  expect_empty(problem)
  # The three large files, largest first, each to a child of its own.
  foreach(group file IN ZIP_LISTS "1;2;3"
                "lib/libtorch_cpu.so;lib/cuda/libtorch_cuda.so;lib/libc10.so")
    if(group LESS_EQUAL jobs AND NOT groups_${group} MATCHES "(^|;)\\^libtorch/${file}(;|$)")
      message(FATAL_ERROR "FAIL: ${file} is not in group ${group} of ${jobs}: ${groups_${group}}")
    endif()
  endforeach()
endforeach()
_torchcompat_extract_groups(groups model 1)
expect_that(groups_COUNT EQUAL 0)
set(model_FORMAT tar.gz)
_torchcompat_extract_groups(groups model 4)
expect_that(groups_COUNT EQUAL 0)
set(model_FORMAT zip)
set(model_LITERAL FALSE)
_torchcompat_extract_groups(groups model 4)
expect_that(groups_COUNT EQUAL 0)
foreach(kind IN ITEMS large-dotted large-dollar large-deep)
  make_archive(archive ${kind} ${kind}.zip)
  _torchcompat_archive_model("${archive}" zip model)
  expect_empty(model_ERROR)
  _torchcompat_extract_groups(groups model 4)
  expect_that(groups_COUNT EQUAL 0)
endforeach()

# The same tree from one child and from three, and from one where the names forbid patterns. The
# trace shows the children started side by side (the shell's arguments end in their number).
set(trace --trace-expand
          "--trace-source=${REPO}/cmake/Internal/fetch/TorchCompatFetchExtract.cmake")
foreach(jobs IN ITEMS 1 3)
  fetch_archive(
    jobs-${jobs}
    ARGS ${trace} "-DURL=https://example.invalid/large-${jobs}.zip" "-DARCHIVE=${large}"
         "-DCACHE_DIR=${CACHE_DIR}" -DTORCHCOMPAT_EXTRACT_JOBS=${jobs})
  tree_snapshot(tree_${jobs} "${FETCH_RESULT_DIR}")
  if(FETCH_OUTPUT MATCHES "/members-[^;\n ]*;([0-9]+) WORKING_DIRECTORY")
    set(children_${jobs} "${CMAKE_MATCH_1}")
  else()
    set(children_${jobs} 1)
  endif()
endforeach()
expect_that(children_1 EQUAL 1)
expect_that(children_3 EQUAL 3)
expect_that(tree_1 STREQUAL "${tree_3}")
list(LENGTH tree_3 count)
expect_that(count GREATER 50)
make_archive(dotted large-dotted dotted.zip)
fetch_archive(
  dotted ARGS ${trace} "-DURL=https://example.invalid/dotted.zip" "-DARCHIVE=${dotted}"
              "-DCACHE_DIR=${CACHE_DIR}" -DTORCHCOMPAT_EXTRACT_JOBS=3 REJECT "/members-")
tree_snapshot(tree_dotted "${FETCH_RESULT_DIR}")
expect_that(tree_dotted STREQUAL "${tree_3}")
make_archive(deep large-deep deep.zip)
fetch_archive(
  deep ARGS "-DURL=https://example.invalid/deep.zip" "-DARCHIVE=${deep}" "-DCACHE_DIR=${CACHE_DIR}"
            -DTORCHCOMPAT_EXTRACT_JOBS=3 REJECT "CMake Error" "Expression too big")
expect_exists("${FETCH_RESULT_DIR}/lib/d/d/d/d/d/d/d/d")
cache_leftovers(left "${CACHE_DIR}")
expect_empty(left)

# A bad value is refused before anything is fetched.
server_url(url normal side-by-side)
foreach(spec IN ITEMS "two|must be a whole number" "65|must be at most 64")
  string(REPLACE "|" ";" spec "${spec}")
  list(GET spec 0 value)
  list(GET spec 1 reason)
  fetch_archive(
    knob-${value}
    EXPECT_FAIL
    ARGS "-DURL=${url}/mini.zip" -DALLOW_HTTP=ON "-DCACHE_DIR=${WORK}/knob-cache"
         -DTORCHCOMPAT_EXTRACT_JOBS=${value}
    EXPECT "TorchCompat: TORCHCOMPAT_EXTRACT_JOBS ${reason}")
endforeach()
server_requests(count side-by-side)
expect_that(count EQUAL 0)
