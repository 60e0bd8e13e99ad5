# Issue 17: scripts/wheel-check, the opt-in check a person runs against PyPI, run here without the
# network: the loopback index serves the wheel-provider case's torch 1.13.1 wheel (Debian's real
# libtorch) and the nvidia-* stand-in it pins, and a stand-in of pytorch/examples' cpp/autograd
# (written here, shaped like the real one: an old cmake_minimum_required, C++17, find_package(Torch)
# and nothing else) takes the place of the download. The script configures it through the
# provider, builds and runs it, and checks the hash TorchCompat recorded against the index's; a
# hash the index publishes wrongly, an index that cannot be reached and a folder without
# cpp/autograd each fail with the reason.
include("${REPO}/tests/fetch/wheel-index.cmake")
serve_wheel_index(index check FILES cuda/${TORCH_WHEEL} cuda/${NVIDIA_WHEEL})
wheel_table(data check)
file(SHA256 "${WHEELS}/cuda/${TORCH_WHEEL}" torch_hash)

set(examples "${WORK}/examples")
file(
  WRITE "${examples}/cpp/autograd/CMakeLists.txt"
  "cmake_minimum_required(VERSION 3.5)\n" "project(autograd)\n" "set(CMAKE_CXX_STANDARD 17)\n"
  "find_package(Torch REQUIRED)\n" "add_executable(autograd main.cpp)\n"
  "target_link_libraries(autograd \"\${TORCH_LIBRARIES}\")\n")
# d/dx sum(x*x + 3x) = 2x + 3: for x = [1, 2] the gradient is [5, 7].
file(
  WRITE "${examples}/cpp/autograd/main.cpp"
  "#include <torch/torch.h>\n"
  "#include <iostream>\n"
  "int main() {\n"
  "  torch::Tensor x = torch::tensor({1.0, 2.0}, torch::requires_grad());\n"
  "  torch::Tensor y = (x * x + 3 * x).sum();\n"
  "  y.backward();\n"
  "  std::cout << \"grad: \" << x.grad()[0].item<double>() << \" \"\n"
  "            << x.grad()[1].item<double>() << std::endl;\n"
  "  return x.grad().equal(torch::tensor({5.0, 7.0})) ? 0 : 1;\n"
  "}\n")

set(check
    "${PYTHON}"
    "${REPO}/scripts/wheel-check"
    --torch
    1.13.1
    --examples
    "${examples}"
    -D
    "CMAKE_CXX_COMPILER=${CXX}"
    -D
    "TORCHCOMPAT_PROBE_EXECUTABLE=${PROBE}"
    -D
    "TORCHCOMPAT_DATA_DIR=${data}"
    -D
    TORCHCOMPAT_ALLOW_HTTP=ON)
set(wheel_url "http://127.0.0.1:${PORT}/normal/${TAG}-files/wheels/cuda/${TORCH_WHEEL}")

# expect_exit(<status>): the exit status of the last fetch_run, from its log.
function(expect_exit status)
  file(GLOB log "${WORK}/${fetch_step}-*.log")
  file(STRINGS "${log}" line REGEX "^\\[exit ")
  expect_that(line STREQUAL "[exit ${status}]")
endfunction()

fetch_run(
  check
  COMMAND ${check} --index-url "${index}" --work "${WORK}/run"
  EXPECT
    "wheel-check: torch 1.13.1 is not in the wheel table"
    "downloading ${wheel_url}"
    "grad: 5 7"
    "wheel-check: PASSED: torch 1.13.1 \\(cu117\\) for linux-x86_64"
    "wheel ${wheel_url}"
    "sha256 ${torch_hash} \\(verified by TorchCompat; the one published by ${index}/torch/\\)"
    "tree ${WORK}/run/cache/libtorch/[0-9a-f]+/site-packages/torch"
    "version.py: 1.13.1\\+cu117, cuda 11.7; [0-9]+ files, [0-9]+ MiB; nvidia, torch, nvidia/cuda_runtime"
    "configure ok, [0-9.]+ s build ok, [0-9.]+ s run ok, [0-9.]+ s total")
# The run's own pin store and cache, not the user's.
expect_missing("${STATE_DIR}/pins.txt")
expect_missing("${CACHE_DIR}")
file(STRINGS "${WORK}/run/state/pins.txt" pins REGEX "\\.whl$")
expect_that(pins MATCHES "(^|;)${torch_hash}  ${wheel_url}(;|$)")

# Again in the same work folder: the tree comes from its cache, the hash from its pin store.
server_requests(before files)
fetch_run(
  warm
  COMMAND ${check} --index-url "${index}" --work "${WORK}/run"
  EXPECT "PASSED" "sha256 ${torch_hash}"
  REJECT "downloading")
server_requests(after files)
expect_that(after EQUAL ${before})

# A release the table records: its hash is the table's, and the script compares with that one.
wheel_table(record_data record RECORD)
set(record_check ${check})
list(TRANSFORM record_check REPLACE "^TORCHCOMPAT_DATA_DIR=.*"
                                    "TORCHCOMPAT_DATA_DIR=${record_data}")
fetch_run(
  recorded
  COMMAND ${record_check} --index-url "${index}" --work "${WORK}/recorded"
  EXPECT
    "the table's wheel: ${TORCH_WHEEL} \\(cu117, 0 MiB, sha256 ${torch_hash}\\)"
    "PASSED"
    "sha256 ${torch_hash} \\(verified by TorchCompat; the one recorded in ${record_data}/torch-wheels.json\\)"
  REJECT "is not in the wheel table")

# The index publishes a hash the wheel does not have: TorchCompat's refusal, through the script.
string(REPEAT "0" 64 zeros)
serve_wheel_index(
  wrong_hash
  wrong-hash
  FILES
  cuda/${TORCH_WHEEL}
  cuda/${NVIDIA_WHEEL}
  ARGS
  --hash-override
  "${TORCH_WHEEL}=${zeros}")
fetch_run(
  wrong-hash
  EXPECT_FAIL
  COMMAND ${check} --index-url "${wrong_hash}" --work "${WORK}/wrong-hash"
  EXPECT "wheel-check: FAILED: the configure failed \\(exit 1, ${WORK}/wrong-hash/configure.log\\)"
         "SHA-256 mismatch for ${wheel_url}" "expected: ${zeros}"
  REJECT "PASSED")
expect_exit(1)
expect_missing("${WORK}/wrong-hash/build/autograd")

# Nothing listens on port 1.
fetch_run(
  unreachable
  EXPECT_FAIL
  COMMAND ${check} --index-url http://127.0.0.1:1/simple --work "${WORK}/unreachable"
  EXPECT "wheel-check: FAILED: the configure failed"
         "failed at the index step: reading the index page http://127.0.0.1:1/simple/torch/ failed"
  REJECT "PASSED")
expect_exit(1)

fetch_run(
  no-examples
  EXPECT_FAIL
  COMMAND ${check} --index-url "${index}" --examples "${WORK}" --work "${WORK}/no-examples"
  EXPECT "wheel-check: --examples ${WORK} holds no cpp/autograd/CMakeLists.txt")
expect_exit(2)
