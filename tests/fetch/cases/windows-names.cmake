# The archive checks under the official Windows CMake (the cmake win_amd64 wheel from PyPI) run by
# Wine (issue 20): there libarchive's extractor splits names on "\", so a zip entry
# libtorch/x\..\..\escaped.txt would land outside the cache. It is refused before extraction, as
# is a link whose target holds a backslash, and damaged data fails the extraction on this CMake
# (3.25, which only warns); a clean archive is extracted and stamped, so the runs are real.
# Inputs beyond run-case.cmake's: WINDOWS_CMAKE (cmake.exe), WINE (wine64), WINEPREFIX.
foreach(input IN ITEMS WINDOWS_CMAKE WINE WINEPREFIX)
  if(NOT DEFINED ${input} OR "${${input}}" STREQUAL "")
    message(FATAL_ERROR "FAIL: windows-names needs -D${input}")
  endif()
endforeach()
# Wine maps the Linux root to drive Z:.
function(windows_path out path)
  set(${out} "Z:${path}" PARENT_SCOPE)
endfunction()
# fetch_archive for the Windows CMake.
function(windows_fetch name)
  cmake_parse_arguments(PARSE_ARGV 1 arg "EXPECT_FAIL" "ARCHIVE" "EXPECT;REJECT")
  set(fail "")
  if(arg_EXPECT_FAIL)
    set(fail EXPECT_FAIL)
  endif()
  windows_path(repo "${REPO}")
  windows_path(archive "${arg_ARCHIVE}")
  windows_path(cache "${CACHE_DIR}")
  fetch_run(
    ${name}
    ${fail}
    COMMAND
      "${CMAKE_COMMAND}" -E env "WINEPREFIX=${WINEPREFIX}" WINEDEBUG=-all "${WINE}"
      "${WINDOWS_CMAKE}" "-DREPO=${repo}" "-DURL=https://example.invalid/${name}.zip"
      "-DARCHIVE=${archive}" "-DCACHE_DIR=${cache}" -P "${repo}/tests/fetch/fetch-archive.cmake"
    EXPECT ${arg_EXPECT}
    REJECT ${arg_REJECT})
  set(FETCH_OUTPUT "${FETCH_OUTPUT}" PARENT_SCOPE)
endfunction()

make_archive(base mini base.zip)
set(hostile "${WORK}/archives/backslash.zip")
# libtorch/x\..\..\escaped.txt and a link libtorch/link -> ..\..\outside
execute_process(
  COMMAND "${PYTHON}" "${REPO}/tests/fetch/make-hostile-archive" "${base}" "${hostile}" --add
          6c6962746f7263682f785c2e2e5c2e2e5c657363617065642e747874 RESULT_VARIABLE rc)
expect_that(rc EQUAL 0)
execute_process(
  COMMAND "${PYTHON}" "${REPO}/tests/fetch/make-hostile-archive" "${base}"
          "${WORK}/archives/link.zip" --link 6c6962746f7263682f6c696e6b 2e2e5c2e2e5c6f757473696465
  RESULT_VARIABLE rc)
expect_that(rc EQUAL 0)
execute_process(
  COMMAND "${PYTHON}" "${REPO}/tests/fetch/make-hostile-archive" "${base}"
          "${WORK}/archives/flip.zip" --flip libtorch/share/cmake/Torch/TorchConfig.cmake
  RESULT_VARIABLE rc)
expect_that(rc EQUAL 0)

windows_fetch(
  backslash
  EXPECT_FAIL
  ARCHIVE
  "${hostile}"
  EXPECT
  "failed at the archive check step: refusing archive .*holds a character no libtorch uses"
  "libtorch/x\\\\x5c\\.\\.\\\\x5c\\.\\.\\\\x5cescaped.txt"
  "Nothing was extracted")
windows_fetch(link-backslash EXPECT_FAIL ARCHIVE "${WORK}/archives/link.zip" EXPECT
              "holds a character no libtorch uses")
windows_fetch(flip EXPECT_FAIL ARCHIVE "${WORK}/archives/flip.zip" EXPECT
              "failed at the extraction step: CMake's archive reader reported damaged data")
file(GLOB_RECURSE escaped "${WORK}/escaped.txt" "${WORK}/*/escaped.txt" "${CACHE_DIR}/*escaped*")
expect_empty(escaped)
expect_unchanged_outside()
windows_fetch(clean ARCHIVE "${base}" EXPECT "ready in Z:${CACHE_DIR}/libtorch/[0-9a-f]+/libtorch")
file(GLOB stamps "${CACHE_DIR}/libtorch/*/torchcompat-stamp.txt")
list(LENGTH stamps count)
expect_that(count EQUAL 1)
