# torchcompat_fetch_libtorch() offline: MIRROR replaces the official base URL (the lock keeps the
# official one), ARCHIVE needs no server at all.
server_url(mirror normal mirror)
set(project "${REPO}/tests/fetch/projects/fetch-only")
set(lock "${WORK}/torchcompat.lock")
set(configure
    "${CMAKE_COMMAND}"
    -S
    "${project}"
    "-DTorchCompat_DIR=${PACKAGE_DIR}"
    "-DTORCHCOMPAT_PROBE_EXECUTABLE=${PROBE}"
    "-DTORCHCOMPAT_CACHE_DIR=${CACHE_DIR}"
    "-DTORCHCOMPAT_LOCK_FILE=${lock}")
fetch_run(
  mirror
  COMMAND ${configure} -B "${WORK}/build-mirror" "-DTORCHCOMPAT_MIRROR=${mirror}"
          -DTORCHCOMPAT_ALLOW_HTTP=ON
  EXPECT "downloading ${mirror}/cpu/libtorch-cxx11-abi-shared-with-deps-1.13.1%2Bcpu.zip"
         "fetch-only: url=${OFFICIAL_URL}"
         "fetch-only: Torch_DIR=${CACHE_DIR}/libtorch/[0-9a-f]+/libtorch/share/cmake/Torch"
         "fetch-only: TorchCompat_LIBTORCH_DIR=${CACHE_DIR}/libtorch/[0-9a-f]+/libtorch ")
server_requests(count mirror)
expect_that(count EQUAL 1)
file(SHA256 "${SERVED}/real.zip" real_hash)
file(STRINGS "${lock}" entries REGEX "^[^#]")
expect_that(entries STREQUAL "${real_hash}  ${OFFICIAL_URL}")
file(STRINGS "${WORK}/build-mirror/CMakeCache.txt" torch_dir REGEX "^Torch_DIR:")
expect_that(torch_dir MATCHES "^Torch_DIR:PATH=${CACHE_DIR}/libtorch/")

# ARCHIVE: a fresh cache, no server involved, and the lock recorded above holds.
fetch_run(
  archive
  COMMAND ${configure} -B "${WORK}/build-archive" "-DTORCHCOMPAT_CACHE_DIR=${WORK}/cache-archive"
          "-DTORCHCOMPAT_LIBTORCH_ARCHIVE=${SERVED}/real.zip"
  EXPECT "extracting ${SERVED}/real.zip" "fetch-only: Torch_DIR=${WORK}/cache-archive/"
  REJECT "downloading")
# A local archive that differs from the lock is refused and left alone.
fetch_run(
  archive-mismatch
  EXPECT_FAIL
  COMMAND ${configure} -B "${WORK}/build-archive2" "-DTORCHCOMPAT_CACHE_DIR=${WORK}/cache-archive2"
          "-DTORCHCOMPAT_LIBTORCH_ARCHIVE=${SERVED}/mini.zip"
  EXPECT "SHA-256 mismatch" "local archive ${SERVED}/mini.zip was not used")
expect_exists("${SERVED}/mini.zip")
server_requests(count mirror)
expect_that(count EQUAL 1)

# Bad input to the public function.
fetch_run(
  unknown-keyword
  EXPECT_FAIL
  COMMAND ${configure} -B "${WORK}/build-bad" "-DFETCH_ARGS=BOGUS;1"
  EXPECT "TorchCompat: torchcompat_fetch_libtorch\\(\\) does not take .BOGUS")
fetch_run(
  mirror-unrelated
  EXPECT_FAIL
  COMMAND "${CMAKE_COMMAND}" "-DREPO=${REPO}" -P "${REPO}/tests/fetch/apply-mirror.cmake"
  EXPECT "https://mirror.example/libtorch/cpu/x%2Bcpu.zip"
         "TorchCompat: MIRROR applies to URLs under https://download.pytorch.org/libtorch")
