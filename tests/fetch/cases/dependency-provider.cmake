# An unmodified project's find_package(Torch) gets the fetched libtorch through the dependency
# provider, which finds its own package (no TorchCompat_DIR given); other packages are left to
# CMake.
server_url(mirror normal provider)
set(build "${WORK}/build")
set(includes "${REPO}/cmake/TorchCompatDependencyProvider.cmake")
fetch_run(
  configure
  COMMAND
    "${CMAKE_COMMAND}" -S "${REPO}/examples/provider-consumer" -B "${build}" -G "${GENERATOR}"
    "-DCMAKE_CXX_COMPILER=${CXX}" "-DCMAKE_PROJECT_TOP_LEVEL_INCLUDES=${includes}"
    "-DTORCHCOMPAT_PROBE_EXECUTABLE=${PROBE}" -DTORCHCOMPAT_LIBTORCH_VERSION=1.13.1
    -DTORCHCOMPAT_LIBTORCH_VARIANT=cpu "-DTORCHCOMPAT_MIRROR=${mirror}" -DTORCHCOMPAT_ALLOW_HTTP=ON
    "-DTORCHCOMPAT_CACHE_DIR=${CACHE_DIR}" "-DTORCHCOMPAT_LOCK_FILE=${WORK}/torchcompat.lock"
  EXPECT "downloading ${mirror}/cpu/")
fetch_run(build COMMAND "${CMAKE_COMMAND}" --build "${build}" -j 2)
fetch_run(run COMMAND "${build}/provider-demo" EXPECT "trace: 6" "sum: 12")
file(STRINGS "${build}/CMakeCache.txt" torch_dir REGEX "^Torch_DIR:")
expect_that(torch_dir MATCHES "^Torch_DIR:PATH=${CACHE_DIR}/libtorch/")
fetch_run(
  ldd
  COMMAND ldd "${build}/provider-demo"
  EXPECT "libtorch_cpu\\.so\\.1\\.13 => ${CACHE_DIR}/libtorch/"
  REJECT "libtorch_cpu\\.so\\.1\\.13 => /usr/")
# The project's source tree is untouched by the test (the lock went elsewhere).
expect_missing("${REPO}/examples/provider-consumer/torchcompat.lock")

# Other packages pass through to CMake's own find_package.
file(
  WRITE "${WORK}/other/CMakeLists.txt"
  "cmake_minimum_required(VERSION 3.24)\nproject(other LANGUAGES NONE)\n"
  "find_package(NoSuchPackageAnywhere QUIET)\n"
  "message(STATUS \"other: NoSuch found=\${NoSuchPackageAnywhere_FOUND}\")\n")
fetch_run(
  pass-through
  COMMAND "${CMAKE_COMMAND}" -S "${WORK}/other" -B "${WORK}/other-build"
          "-DCMAKE_PROJECT_TOP_LEVEL_INCLUDES=${includes}"
  EXPECT "other: NoSuch found="
  REJECT "TorchCompat: downloading")
