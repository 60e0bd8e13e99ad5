# Fetch the real libtorch from the loopback server, build and run examples/libtorch-tensor, and show
# that the fetched tree was used rather than the system's libtorch-dev. A second configure touches
# nothing.
server_url(mirror normal e2e)
set(build "${WORK}/build")
set(configure
    "${CMAKE_COMMAND}"
    -S
    "${REPO}/examples/libtorch-tensor"
    -B
    "${build}"
    -G
    "${GENERATOR}"
    "-DCMAKE_CXX_COMPILER=${CXX}"
    "-DTorchCompat_DIR=${PACKAGE_DIR}"
    "-DTORCHCOMPAT_PROBE_EXECUTABLE=${PROBE}"
    -DTORCHCOMPAT_LIBTORCH_VERSION=1.13.1
    -DTORCHCOMPAT_LIBTORCH_VARIANT=cpu
    "-DTORCHCOMPAT_MIRROR=${mirror}"
    -DTORCHCOMPAT_ALLOW_HTTP=ON
    "-DTORCHCOMPAT_CACHE_DIR=${CACHE_DIR}"
    "-DTORCHCOMPAT_LOCK_FILE=${WORK}/torchcompat.lock")
fetch_run(configure COMMAND ${configure} EXPECT "downloading ${mirror}/cpu/" "extracting")
fetch_run(build COMMAND "${CMAKE_COMMAND}" --build "${build}" -j 2)
fetch_run(run COMMAND "${build}/tensor-demo" EXPECT "matmul: \\[\\[22, 28\\], \\[49, 64\\]\\]"
                                                    "sum: 163" "libtorch: 1\\.13\\.[0-9]+")

file(STRINGS "${build}/CMakeCache.txt" torch_dir REGEX "^Torch_DIR:")
expect_that(torch_dir MATCHES
            "^Torch_DIR:PATH=${CACHE_DIR}/libtorch/[0-9a-f]+/libtorch/share/cmake/Torch$")
# The loader resolves libtorch from the cache, not /usr/lib.
fetch_run(
  ldd
  COMMAND ldd "${build}/tensor-demo"
  EXPECT
    "libtorch_cpu\\.so\\.1\\.13 => ${CACHE_DIR}/libtorch/[0-9a-f]+/libtorch/lib/libtorch_cpu\\.so\\.1\\.13"
    "libc10\\.so\\.1\\.13 => ${CACHE_DIR}/libtorch/"
  REJECT "libtorch_cpu\\.so\\.1\\.13 => /usr/")
# The compiler read the fetched headers.
file(GLOB_RECURSE depfiles "${build}/CMakeFiles/*.d" "${build}/CMakeFiles/*/flags.make"
     "${build}/build.ninja")
set(uses_fetched_headers FALSE)
foreach(depfile IN LISTS depfiles)
  file(READ "${depfile}" deps)
  if(deps MATCHES "${CACHE_DIR}/libtorch/[0-9a-f]+/libtorch/include")
    set(uses_fetched_headers TRUE)
  endif()
endforeach()
expect_that(uses_fetched_headers STREQUAL "TRUE")

server_requests(before e2e)
expect_that(before EQUAL 1)
fetch_run(reconfigure COMMAND ${configure} REJECT "downloading" "extracting" "recorded SHA-256")
server_requests(after e2e)
expect_that(after EQUAL 1)
