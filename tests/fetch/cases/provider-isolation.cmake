# Through the provider every piece libtorch's real config resolves comes from the fetched tree,
# with Debian's libtorch-dev installed, a second libtorch on CMAKE_PREFIX_PATH and Caffe2_ROOT
# pointing at it; a version switch in the same build folder switches every piece; a piece that
# still comes from elsewhere (TORCH_INSTALL_PREFIX in the environment) fails the configure,
# naming it. The fixture archive keeps Debian's own TorchConfig/Caffe2Config/targets files.
serve_official(mirror "${SERVED}/real.zip")
serve_official(mirror "${SERVED}/real.zip" 1.13.0)
set(build "${WORK}/build")
set(debian_caffe2 /usr/lib/x86_64-linux-gnu/cmake/Caffe2)
expect_exists("${debian_caffe2}/Caffe2Config.cmake")
set(configure
    "${CMAKE_COMMAND}"
    -S
    "${REPO}/examples/provider-consumer"
    -B
    "${build}"
    -G
    "${GENERATOR}"
    "-DCMAKE_CXX_COMPILER=${CXX}"
    "-DCMAKE_PROJECT_TOP_LEVEL_INCLUDES=${REPO}/cmake/TorchCompatDependencyProvider.cmake"
    "-DTORCHCOMPAT_PROBE_EXECUTABLE=${PROBE}"
    -DTORCHCOMPAT_LIBTORCH_VARIANT=cpu
    "-DTORCHCOMPAT_MIRROR=${mirror}"
    -DTORCHCOMPAT_ALLOW_HTTP=ON
    "-DTORCHCOMPAT_CACHE_DIR=${CACHE_DIR}"
    "-DCMAKE_PREFIX_PATH=/usr"
    "-DCaffe2_ROOT=${debian_caffe2}")

# expect_pieces_in(<version>): the cache's libtorch entries all lie in the tree of that release.
function(expect_pieces_in version)
  string(REPLACE "1.13.1" "${version}" url "${OFFICIAL_URL}")
  cache_entry(entry "${CACHE_DIR}" "${url}")
  file(STRINGS "${build}/CMakeCache.txt" entries
       REGEX "^(Torch_DIR|Caffe2_DIR|TORCH_LIBRARY|c10_LIBRARY):")
  list(LENGTH entries count)
  expect_that(count EQUAL 4)
  foreach(line IN LISTS entries)
    if(NOT line MATCHES "=${entry}/libtorch/")
      message(FATAL_ERROR "FAIL: ${line} is not in the ${version} tree ${entry}")
    endif()
  endforeach()
  # Each entry names its own library, not the first one found.
  file(STRINGS "${build}/CMakeCache.txt" c10 REGEX "^c10_LIBRARY:")
  expect_that(c10 MATCHES "/lib/libc10\\.so$")
  file(STRINGS "${build}/CMakeCache.txt" torch REGEX "^TORCH_LIBRARY:")
  expect_that(torch MATCHES "/lib/libtorch\\.so$")
endfunction()

fetch_run(
  configure
  COMMAND ${configure} -DTORCHCOMPAT_LIBTORCH_VERSION=1.13.1
  EXPECT "downloading ${mirror}/cpu/"
  REJECT "CMake Warning at")
expect_pieces_in(1.13.1)
fetch_run(build COMMAND "${CMAKE_COMMAND}" --build "${build}" -j 2)
fetch_run(run COMMAND "${build}/provider-demo" EXPECT "trace: 6" "sum: 12")
cache_entry(entry "${CACHE_DIR}" "${OFFICIAL_URL}")
fetch_run(
  ldd
  COMMAND ldd "${build}/provider-demo"
  EXPECT "libtorch_cpu\\.so\\.1\\.13 => ${entry}/libtorch/lib/" "libc10\\.so\\.1\\.13 => ${entry}/"
  REJECT "=> /usr/lib/x86_64-linux-gnu/lib(torch|c10)")

# Another release in the same build folder: every piece moves to the new tree.
fetch_run(switch COMMAND ${configure} -DTORCHCOMPAT_LIBTORCH_VERSION=1.13.0
          EXPECT "downloading ${mirror}/cpu/libtorch-cxx11-abi-shared-with-deps-1\\.13\\.0")
expect_pieces_in(1.13.0)

# The user's own libtorch in the same folder (Debian's): every entry pointed into the fetched tree
# is dropped, so Debian's config finds Debian's pieces, not a mix.
fetch_run(user-after-fetch COMMAND ${configure} -DTorch_DIR=/usr/lib/x86_64-linux-gnu/cmake/Torch
          REJECT "downloading")
file(STRINGS "${build}/CMakeCache.txt" mixed
     REGEX "^(Caffe2_DIR|TORCH_LIBRARY|c10_LIBRARY):.*${CACHE_DIR}")
expect_empty(mixed)
file(REMOVE "${build}/CMakeCache.txt")

# A piece from elsewhere fails the configure and names it.
fetch_run(
  stray
  EXPECT_FAIL
  COMMAND "${CMAKE_COMMAND}" -E env TORCH_INSTALL_PREFIX=/usr ${configure}
          -DTORCHCOMPAT_LIBTORCH_VERSION=1.13.0
  EXPECT "TorchCompat: find_package\\(Torch\\) took TORCH_INCLUDE_DIRS from /usr/include"
         "TORCH_INSTALL_PREFIX is set in the environment")
