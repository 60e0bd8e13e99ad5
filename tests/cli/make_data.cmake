# A copy of the tables in which the list of torch 2.4.0's builds for
# linux-x86_64 is not known (as for a release whose PyPI facts alone the table
# has; the facts of each build, its architectures, stay):
#   cmake -DSOURCE=<data dir> -DDIR=<copy> -P make_data.cmake
cmake_minimum_required(VERSION 3.22...4.4)
file(REMOVE_RECURSE "${DIR}")
file(COPY "${SOURCE}/" DESTINATION "${DIR}")
file(READ "${DIR}/torch-variants.json" json)
foreach(kind IN ITEMS wheel libtorch)
  string(
    JSON
    json
    SET
    "${json}"
    releases
    2.4.0
    platforms
    linux-x86_64
    ${kind}
    null)
endforeach()
string(
  JSON
  json
  SET
  "${json}"
  releases
  2.4.0
  platforms
  linux-x86_64
  complete
  "[]")
file(WRITE "${DIR}/torch-variants.json" "${json}")
