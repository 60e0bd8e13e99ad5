# Issue 17: a wheel is taken only as its index published it, for the platform asked for, with the
# nvidia-* wheels it pins. Each refusal names what was wrong, and leaves nothing stamped, pinned or
# half-written in the cache. The wheels are the CUDA stand-in (Debian's libtorch) and two built from
# the mini archive: one for aarch64, one renamed to x86_64 whose WHEEL file still says aarch64.
include("${REPO}/tests/fetch/wheel-index.cmake")
wheel_table(index_data index)

function(expect_nothing_kept)
  file(GLOB stamps "${CACHE_DIR}/libtorch/*/torchcompat-stamp.txt")
  expect_empty(stamps)
  file(GLOB trees "${CACHE_DIR}/libtorch/*/site-packages")
  expect_empty(trees)
  cache_leftovers(left "${CACHE_DIR}")
  expect_empty(left)
  expect_missing("${WORK}/lock.txt")
endfunction()
set(lock "-DTORCHCOMPAT_LOCK_FILE=${WORK}/lock.txt")

# The index publishes a hash the file does not have (PEP 691 JSON).
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
wheel_fetch(
  hash-mismatch
  EXPECT_FAIL
  INDEX
  "${wrong_hash}"
  DATA
  "${index_data}"
  ARGS
  "${lock}"
  EXPECT
  "SHA-256 mismatch for http://127.0.0.1:${PORT}/normal/${TAG}-files/wheels/cuda/${TORCH_WHEEL}"
  "expected: ${zeros} \\(published by ${wrong_hash}/torch/\\)"
  "The downloaded file was deleted")
expect_nothing_kept()

# Through a mirror index (TORCHCOMPAT_PYPI_INDEX_URL) that serves another file under the name the
# wheel table records: the hash PyPI published (recorded in the table) decides.
wheel_table(record_data record RECORD)
serve_wheel_index(
  tampered
  tampered
  FILES
  cuda/${TORCH_WHEEL}
  cuda/${NVIDIA_WHEEL}
  FILES_MODE
  tamper)
file(SHA256 "${WHEELS}/cuda/${TORCH_WHEEL}" torch_hash)
wheel_fetch(
  hash-mismatch-table
  EXPECT_FAIL
  INDEX
  "${tampered}"
  DATA
  "${record_data}"
  ARGS
  "${lock}"
  EXPECT
  "SHA-256 mismatch for http://127.0.0.1:${PORT}/tamper/${TAG}-files/wheels/cuda/${TORCH_WHEEL}"
  "expected: ${torch_hash} \\(published by PyPI, recorded in data/torch-wheels.json\\)")
expect_nothing_kept()

# A lock file line that disagrees with the published hash is shown, never overridden.
file(WRITE "${WORK}/other-lock.txt"
     "${zeros}  https://files.pythonhosted.org/packages/te/st/${TORCH_WHEEL}\n")
serve_wheel_index(good good FILES cuda/${TORCH_WHEEL} cuda/${NVIDIA_WHEEL})
wheel_fetch(
  pin-disagrees
  EXPECT_FAIL
  INDEX
  "${good}"
  DATA
  "${record_data}"
  ARGS
  "-DTORCHCOMPAT_LOCK_FILE=${WORK}/other-lock.txt"
  EXPECT
  "other-lock.txt records ${zeros} for https://files.pythonhosted.org/packages/te/st/${TORCH_WHEEL}, but the index publishes ${torch_hash}"
  REJECT
  "downloading")

# The nvidia-* wheel the torch wheel pins is not on the index.
serve_wheel_index(no_nvidia no-nvidia FILES cuda/${TORCH_WHEEL})
wheel_fetch(
  missing-nvidia
  EXPECT_FAIL
  INDEX
  "${no_nvidia}"
  DATA
  "${index_data}"
  ARGS
  "${lock}"
  EXPECT
  "failed at the CUDA wheels step: its CUDA libraries come from the nvidia-\\* wheels it pins"
  "it needs nvidia-cuda-runtime-cu11==11.7.99 \\(Requires-Dist\\)"
  "${no_nvidia}/nvidia-cuda-runtime-cu11/ failed: the server answered HTTP 404"
  "The downloaded torch wheel was deleted"
  REJECT
  "nvidia-cudnn")
expect_nothing_kept()

# The index has torch 1.13.1 only for aarch64.
serve_wheel_index(aarch64 aarch64 FILES aarch64/torch-1.13.1-cp311-cp311-manylinux_2_28_aarch64.whl)
wheel_fetch(
  wrong-platform
  EXPECT_FAIL
  INDEX
  "${aarch64}"
  DATA
  "${index_data}"
  ARGS
  "${lock}"
  EXPECT
  "${aarch64}/torch/ has no torch 1.13.1 wheel for linux-x86_64. for 1.13.1 it has torch-1.13.1-cp311-cp311-manylinux_2_28_aarch64.whl"
  REJECT
  "downloading")
expect_nothing_kept()

# A wheel named for x86_64 whose own WHEEL file says aarch64 (renamed): refused before unpacking.
serve_wheel_index(renamed renamed FILES renamed/${TORCH_WHEEL})
wheel_fetch(
  renamed-platform
  EXPECT_FAIL
  INDEX
  "${renamed}"
  DATA
  "${index_data}"
  ARGS
  "${lock}"
  EXPECT
  "it is not a wheel for linux-x86_64: its WHEEL file's tags are cp311-cp311-manylinux_2_28_aarch64"
  "Nothing was unpacked")
expect_nothing_kept()

# The same wheels from an index that only speaks PEP 503 HTML (#sha256= fragments) pass, with the
# table's hash, and a lock file records both wheels.
serve_wheel_index(
  html
  html
  FILES
  cuda/${TORCH_WHEEL}
  cuda/${NVIDIA_WHEEL}
  ARGS
  --html-only
  torch
  --html-only
  nvidia-cuda-runtime-cu11)
wheel_fetch(
  html-index
  INDEX
  "${html}"
  DATA
  "${index_data}"
  ARGS
  "${lock}"
  EXPECT
  "wheel-fetch: url=http://127.0.0.1:${PORT}/normal/${TAG}-files/wheels/cuda/${TORCH_WHEEL} variant=cu117 source=wheel"
)
expect_exists("${FETCH_RESULT_DIR}/share/cmake/Torch/TorchConfig.cmake")
expect_exists("${FETCH_RESULT_DIR}/../nvidia/cuda_runtime/lib/libcudart.so.11.0")
file(STRINGS "${WORK}/lock.txt" pins REGEX "\\.whl$")
list(LENGTH pins pin_count)
expect_that(pin_count EQUAL 2)

# Through the table's record (its published hashes for the torch wheel and the nvidia-* wheel it
# pins) and a mirror that lists the same files: no hash comes from the mirror, and the lock file
# records the table's.
wheel_fetch(
  table-record
  INDEX
  "${good}"
  DATA
  "${record_data}"
  ARGS
  "-DTORCHCOMPAT_LOCK_FILE=${WORK}/table-lock.txt"
  EXPECT
  "from a wheel: PyPI's torch wheel \\(${TORCH_WHEEL}\\), the cu117 build"
  "wheel-fetch: url=http://127.0.0.1:${PORT}/normal/${TAG}-files/wheels/cuda/${TORCH_WHEEL} variant=cu117 source=wheel"
)
file(STRINGS "${WORK}/table-lock.txt" pins REGEX "\\.whl$")
expect_that(pins MATCHES
            "${torch_hash}  https://files.pythonhosted.org/packages/te/st/${TORCH_WHEEL}")
file(SHA256 "${WHEELS}/cuda/${NVIDIA_WHEEL}" nvidia_hash)
expect_that(pins MATCHES
            "${nvidia_hash}  https://files.pythonhosted.org/packages/te/st/${NVIDIA_WHEEL}")
expect_exists("${FETCH_RESULT_DIR}/../nvidia/cuda_runtime/lib/libcudart.so.11.0")

# Linux aarch64 (no libtorch archive exists): its wheel is fetched and unpacked for a target
# named by PLATFORM and ARCH, on this x86_64 host.
serve_wheel_index(arm arm FILES aarch64/torch-1.13.1-cp311-cp311-manylinux_2_28_aarch64.whl)
wheel_fetch(
  aarch64-target
  INDEX
  "${arm}"
  DATA
  "${index_data}"
  ARGS
  -DWHEEL_ARCH=aarch64
  EXPECT
  "libtorch 1.13.1 \\(variant read at fetch time\\) for linux-aarch64 from a wheel"
  "wheel-fetch: url=[^ ]*manylinux_2_28_aarch64.whl variant=cpu source=wheel")
expect_exists("${FETCH_RESULT_DIR}/share/cmake/Torch/TorchConfig.cmake")

# A local copy of the torch wheel as TORCHCOMPAT_LIBTORCH_ARCHIVE, without SOURCE: the .whl makes
# the wheel the source; it is checked against the table's published hash and never downloaded,
# while the nvidia-* wheel it pins comes from the mirror.
wheel_fetch(
  local-wheel
  INDEX
  "${good}"
  DATA
  "${record_data}"
  ARGS
  -DWHEEL_SOURCE=
  "-DTORCHCOMPAT_LIBTORCH_ARCHIVE=${WHEELS}/cuda/${TORCH_WHEEL}"
  "-DTORCHCOMPAT_CACHE_DIR=${WORK}/cache-local"
  "-DTORCHCOMPAT_LOCK_FILE=${WORK}/local-lock.txt"
  EXPECT
  "downloading http://127.0.0.1:${PORT}/normal/${TAG}-files/wheels/cuda/${NVIDIA_WHEEL}"
  "wheel-fetch: url=https://files.pythonhosted.org/packages/te/st/${TORCH_WHEEL} variant=cu117 source=wheel"
  REJECT
  "downloading [^ ]*${TORCH_WHEEL}")
expect_exists("${FETCH_RESULT_DIR}/../nvidia/cuda_runtime/lib/libcudart.so.11.0")

# A wheel is checked like any archive: an entry of the part to unpack that climbs out with ".."
# is refused before anything is written, and nothing outside the cache changes.
execute_process(
  COMMAND
    "${PYTHON}" "${REPO}/tests/fetch/make-torch-wheel" torch "${SERVED}/mini.zip"
    "${WHEELS}/${TAG}-hostile" --version 1.13.1 --platform manylinux_2_28_x86_64 --extra
    "torch/include/../../../outside/evil.h"
  RESULT_VARIABLE rc)
expect_that(rc EQUAL 0)
serve_wheel_index(hostile hostile FILES ${TAG}-hostile/${TORCH_WHEEL})
wheel_fetch(
  hostile-wheel
  EXPECT_FAIL
  INDEX
  "${hostile}"
  DATA
  "${index_data}"
  ARGS
  "-DTORCHCOMPAT_CACHE_DIR=${WORK}/cache-hostile"
  EXPECT
  "failed at the archive check step: refusing wheel [^ ]*: the entry torch/include/\\.\\./\\.\\./\\.\\./outside/evil\\.h climbs out"
  "Nothing was unpacked")
expect_unchanged_outside()
file(GLOB trees "${WORK}/cache-hostile/libtorch/*/site-packages")
expect_empty(trees)

# Several wheels' checked parts are joined into one tree model (_torchcompat_wheel_union_add): the
# nvidia/ folder every nvidia-* wheel holds is listed once, a file two wheels both hold is refused
# (one would silently replace the other), also where the rest of the wheels share nothing.
include("${REPO}/cmake/Internal/fetch/TorchCompatWheelFetch.cmake")
function(model prefix names kinds)
  set(${prefix}_NAMES "${names}" PARENT_SCOPE)
  set(${prefix}_KINDS "${kinds}" PARENT_SCOPE)
  string(REGEX REPLACE "[^;]+" "7" sizes "${kinds}")
  string(REGEX REPLACE "[^;]+" ">" targets "${kinds}")
  set(${prefix}_SIZES "${sizes}" PARENT_SCOPE)
  set(${prefix}_TARGETS "${targets}" PARENT_SCOPE)
endfunction()
model(torch "torch;torch/lib;torch/lib/libc10.so" "d;d;f")
model(first "nvidia;nvidia/a;nvidia/a/lib;nvidia/a/lib/liba.so" "d;d;d;f")
model(second "nvidia/b/lib/libb.so;nvidia;nvidia/b;nvidia/b/lib" "f;d;d;d")
set(union_NAMES "")
foreach(part IN ITEMS torch first second)
  _torchcompat_wheel_union_add(problem union ${part})
  expect_empty(problem)
endforeach()
set(expected
    "torch;torch/lib;torch/lib/libc10.so;nvidia;nvidia/a;nvidia/a/lib;nvidia/a/lib/liba.so")
string(APPEND expected ";nvidia/b/lib/libb.so;nvidia/b;nvidia/b/lib")
expect_that(union_NAMES STREQUAL "${expected}")
expect_that(union_KINDS STREQUAL "d;d;f;d;d;d;f;f;d;d")
list(LENGTH union_SIZES sizes)
expect_that(sizes EQUAL 10)
model(clash "nvidia;nvidia/a;nvidia/a/lib;nvidia/a/lib/liba.so" "d;d;d;f")
_torchcompat_wheel_union_add(problem union clash)
expect_that(problem STREQUAL "two wheels both hold nvidia/a/lib/liba.so")
model(over "torch;torch/lib;torch/lib/libc10.so" "d;d;d")
_torchcompat_wheel_union_add(problem union over)
expect_that(problem STREQUAL "two wheels both hold torch/lib/libc10.so")

# The part to unpack is read from the listing with whole-list filters (_torchcompat_wheel_kept);
# where they could pair a name with another's line (a name with a space), each name is paired with
# its own line one by one. A link whose target is a kept path is not itself kept.
set(head "-rw-r--r--  0 0      0           7  4 Nov 00:00")
set(names "torch/lib/a.so;functorch/x;torch/version.py;torch/setup.py")
set(lines "${head} torch/lib/a.so")
list(APPEND lines "lrwxrwxrwx  0 0      0           0  4 Nov 00:00 functorch/x -> torch/lib/a.so")
list(APPEND lines "${head} torch/version.py" "${head} torch/setup.py")
set(keep "^torch/(include|lib|share)(/|$)|^torch/version\\.py$")
set(keep_listed "torch/(include|lib|share)(/[^ ]*)?|torch/version\\.py")
_torchcompat_wheel_kept(kept kept_lines "${keep}" "${keep_listed}" "${names}" "${lines}")
expect_that(kept STREQUAL "torch/lib/a.so;torch/version.py")
expect_that(kept_lines STREQUAL "${head} torch/lib/a.so;${head} torch/version.py")
# The same, once the listing was read in bulk (_torchcompat_verbose_subset).
_torchcompat_verbose_names(bulk_ok bulk_names "${lines}")
expect_that(bulk_ok STREQUAL TRUE)
expect_that(bulk_names STREQUAL "${names}")
_torchcompat_verbose_subset(subset_ok subset_lines subset_names "${lines}" "${keep_listed}")
expect_that(subset_ok STREQUAL TRUE)
expect_that(subset_names STREQUAL "torch/lib/a.so;torch/version.py")
_torchcompat_wheel_kept(kept kept_lines "${keep}" "${keep_listed}" "${names}" "${lines}")
expect_that(kept STREQUAL "torch/lib/a.so;torch/version.py")
expect_that(kept_lines STREQUAL "${head} torch/lib/a.so;${head} torch/version.py")
list(APPEND names "torch/include/a b.h")
list(APPEND lines "${head} torch/include/a b.h")
_torchcompat_wheel_kept(kept kept_lines "${keep}" "${keep_listed}" "${names}" "${lines}")
expect_that(kept STREQUAL "torch/lib/a.so;torch/version.py;torch/include/a b.h")
expect_that(kept_lines STREQUAL
            "${head} torch/lib/a.so;${head} torch/version.py;${head} torch/include/a b.h")

# What an extraction pattern could take beside the checked part is refused before anything is
# unpacked, with one child or several (libarchive reads "./x", "a//b" and "a/./b" as normalized, and
# takes torch/version.py/x with the pattern torch/version.py): such a name anywhere in the wheel,
# or one below a root unpacked that the keep expression leaves out.
foreach(
  spec IN
  ITEMS "torch|torch/version.py/stray.txt|lies below what is unpacked"
        "torch|./torch/lib/libevil.so|has a \".\" or \"..\" part"
        "torch|torch//include/evil.h|has a \".\" or \"..\" part"
        "nvidia|nvidia/b/include/../../../outside-b|has a \".\" or \"..\" part")
  string(REPLACE "|" ";" spec "${spec}")
  list(GET spec 0 kind)
  list(GET spec 1 extra)
  list(GET spec 2 reason)
  string(MD5 tag "${extra}")
  set(out "${WORK}/unchecked-${tag}")
  if(kind STREQUAL "torch")
    set(command
        torch
        "${SERVED}/mini.zip"
        "${out}"
        --version
        1.13.1
        --platform
        manylinux_2_28_x86_64)
  else()
    set(command
        nvidia
        nvidia-a-cu11
        11.7.99
        "${out}"
        --platform
        manylinux1_x86_64
        --package
        a
        --soname
        liba.so.11)
  endif()
  execute_process(COMMAND "${PYTHON}" "${REPO}/tests/fetch/make-torch-wheel" ${command} --extra
                          "${extra}" RESULT_VARIABLE rc)
  expect_that(rc EQUAL 0)
  file(GLOB wheel "${out}/*.whl")
  _torchcompat_wheel_model("${wheel}" ${kind} unchecked)
  if(NOT unchecked_ERROR MATCHES "^its entry ${extra} ${reason}")
    message(FATAL_ERROR "FAIL: the wheel with ${extra}: \"${unchecked_ERROR}\"")
  endif()
endforeach()

# A wheel of two nvidia packages is extracted side by side below their lib/ folders only, never
# from a folder above them (nvidia/b/ would take nvidia/b/include, which the model leaves out).
execute_process(
  COMMAND
    "${PYTHON}" "${REPO}/tests/fetch/make-torch-wheel" nvidia nvidia-a-cu11 11.7.99
    "${WORK}/two-packages" --platform manylinux1_x86_64 --package a --soname liba.so.11 --extra
    nvidia/b/__init__.py --extra nvidia/b/include/b.h --extra nvidia/b/lib/libb.so.11
  RESULT_VARIABLE rc)
expect_that(rc EQUAL 0)
file(GLOB wheel "${WORK}/two-packages/*.whl")
_torchcompat_wheel_model("${wheel}" nvidia two)
expect_empty(two_ERROR)
expect_that(two_MEMBERS STREQUAL "nvidia/a/lib;nvidia/b/lib")
_torchcompat_extract_groups(groups two 3)
expect_that(groups_COUNT EQUAL 2)
foreach(group RANGE 1 ${groups_COUNT})
  foreach(member IN LISTS groups_${group})
    if(NOT member MATCHES "^\\^nvidia/[ab]/lib(/|$)")
      message(FATAL_ERROR "FAIL: the member ${member} is not below nvidia/a/lib or nvidia/b/lib")
    endif()
  endforeach()
endforeach()
set(TORCHCOMPAT_EXTRACT_JOBS 2)
_torchcompat_wheel_extract("${wheel}" "${WORK}/two-packages/tree" two problem)
unset(TORCHCOMPAT_EXTRACT_JOBS)
expect_empty(problem)
expect_exists("${WORK}/two-packages/tree/nvidia/b/lib/libb.so.11")
expect_missing("${WORK}/two-packages/tree/nvidia/b/include")
expect_missing("${WORK}/two-packages/tree/nvidia/a/include")
