# Issue 17: an unmodified project gets libtorch from a torch wheel through the dependency provider.
# The wheel (PyPI's layout: torch/, functorch/, torch-1.13.1.dist-info/ with WHEEL tags and RECORD)
# holds Debian's real libtorch 1.13.1 and its real CMake files, says cuda = '11.7' and pins an
# nvidia-cuda-runtime-cu11 wheel stand-in; both are served by a loopback simple index (PEP 691
# JSON) with their hashes, the release left out of the case's wheel table so that the index names
# the wheel and its hash. The project builds and runs a program that links torch from the cache,
# and the CUDA stand-in library in torch/lib loads its libcudart from nvidia/cuda_runtime/lib.
include("${REPO}/tests/fetch/wheel-index.cmake")
serve_wheel_index(index provider FILES cuda/${TORCH_WHEEL} cuda/${NVIDIA_WHEEL})
wheel_table(data provider)
set(build "${WORK}/build")
set(includes "${REPO}/cmake/TorchCompatDependencyProvider.cmake")
set(configure
    "${CMAKE_COMMAND}"
    -S
    "${REPO}/examples/provider-consumer"
    -B
    "${build}"
    -G
    "${GENERATOR}"
    "-DCMAKE_CXX_COMPILER=${CXX}"
    "-DCMAKE_PROJECT_TOP_LEVEL_INCLUDES=${includes}"
    "-DTORCHCOMPAT_PROBE_EXECUTABLE=${PROBE}"
    -DTORCHCOMPAT_LIBTORCH_VERSION=1.13.1
    -DTORCHCOMPAT_LIBTORCH_SOURCE=wheel
    "-DTORCHCOMPAT_PYPI_INDEX_URL=${index}"
    "-DTORCHCOMPAT_DATA_DIR=${data}"
    -DTORCHCOMPAT_ALLOW_HTTP=ON
    "-DTORCHCOMPAT_CACHE_DIR=${CACHE_DIR}")
fetch_run(
  configure
  COMMAND ${configure}
  EXPECT "from a wheel: the torch wheel for linux-x86_64 on ${index}/torch/"
         "downloading http://127.0.0.1:${PORT}/normal/${TAG}-files/wheels/cuda/${TORCH_WHEEL}"
         "downloading http://127.0.0.1:${PORT}/normal/${TAG}-files/wheels/cuda/${NVIDIA_WHEEL}"
         "and 1 CUDA wheel\\(s\\) it pins ready in ${CACHE_DIR}/libtorch/[0-9a-f]+/site-packages"
         "libtorch cu117 from"
  REJECT "nvidia-cudnn")
fetch_run(build COMMAND "${CMAKE_COMMAND}" --build "${build}" -j 2)
fetch_run(run COMMAND "${build}/provider-demo" EXPECT "trace: 6" "sum: 12")
file(STRINGS "${build}/CMakeCache.txt" torch_dir REGEX "^Torch_DIR:")
expect_that(
  torch_dir MATCHES
  "^Torch_DIR:PATH=${CACHE_DIR}/libtorch/[0-9a-f]+/site-packages/torch/share/cmake/Torch$")
string(REGEX REPLACE "^Torch_DIR:PATH=(.*)/torch/share/cmake/Torch$" "\\1" site "${torch_dir}")
fetch_run(
  ldd
  COMMAND ldd "${build}/provider-demo"
  EXPECT "libtorch_cpu\\.so\\.1\\.13 => ${site}/torch/lib/"
  REJECT "libtorch_cpu\\.so\\.1\\.13 => /usr/")
# The CUDA wheels' layout: torch/lib finds nvidia/<pkg>/lib through $ORIGIN/../../nvidia/...
fetch_run(
  ldd-nvidia
  COMMAND ldd "${site}/torch/lib/libtorch_cuda_standin.so"
  EXPECT
    "libcudart\\.so\\.11\\.0 => ${site}/torch/lib/\\.\\./\\.\\./nvidia/cuda_runtime/lib/libcudart\\.so\\.11\\.0"
)
# Only what C++ needs was unpacked.
expect_exists("${site}/torch/version.py")
expect_exists("${site}/torch/include/ATen/ATen.h")
expect_missing("${site}/torch/__init__.py")
expect_missing("${site}/torch/_utils.py")
expect_missing("${site}/functorch")
expect_missing("${site}/torch-1.13.1.dist-info")
expect_missing("${site}/nvidia/cuda_runtime/include")
# The pin store records both wheels' published hashes, like an archive's.
file(STRINGS "${STATE_DIR}/pins.txt" pins REGEX "\\.whl$")
list(LENGTH pins pin_count)
expect_that(pin_count EQUAL 2)
file(SHA256 "${WHEELS}/cuda/${TORCH_WHEEL}" torch_hash)
expect_that(
  pins MATCHES
  "${torch_hash}  http://127.0.0.1:${PORT}/normal/${TAG}-files/wheels/cuda/${TORCH_WHEEL}")

# A warm configure reads nothing from the index or the files.
server_requests(before files)
server_requests(index_before index)
fetch_run(reconfigure COMMAND ${configure} REJECT "downloading")
server_requests(after files)
server_requests(index_after index)
expect_that(after EQUAL ${before})
expect_that(index_after EQUAL ${index_before})
cache_leftovers(left "${CACHE_DIR}")
expect_empty(left)
