# One notion of a name on every host (issue 20): the character check refuses exactly what it says,
# byte by byte; a backslash, which Windows' extractor splits on, is refused inside a name that also
# has "/" (libarchive keeps it there); a refused name is shown escaped, so an escape sequence in it
# reaches the terminal as text.
include("${REPO}/cmake/Internal/tables/TorchCompatArchiveNames.cmake")

# Every byte from 1 to 255 in the middle of a name: refused exactly when it is outside the
# documented set (printable ASCII but \ ; [ ] " ' < > : | ? *); a line break is the listings' own
# separator and is caught by their counts (archive-names.cmake).
_torchcompat_unsafe_name_regex(unsafe)
set(refused "")
foreach(code RANGE 1 255)
  if(code EQUAL 10)
    continue()
  endif()
  string(ASCII ${code} char)
  if(code EQUAL 59)
    set(char ";")
  endif()
  if("libtorch/a${char}b" MATCHES "${unsafe}")
    list(APPEND refused ${code})
  endif()
endforeach()
set(expected
    1
    2
    3
    4
    5
    6
    7
    8
    9)
foreach(code RANGE 11 31)
  list(APPEND expected ${code})
endforeach()
list(
  APPEND
  expected
  34
  39
  42
  58
  59
  60
  62
  63
  91
  92
  93
  124
  127)
foreach(code RANGE 128 255)
  list(APPEND expected ${code})
endforeach()
if(NOT refused STREQUAL expected)
  message(FATAL_ERROR "FAIL: the name check refuses bytes ${refused}, not ${expected}")
endif()
message(STATUS "ok the name check refuses exactly the documented bytes")

# Escaping: everything outside printable ASCII, and the backslash, as \xNN.
string(ASCII 27 esc)
string(ASCII 13 cr)
_torchcompat_escaped_name(shown "a${esc}[2Kb\\c\t${cr}d")
expect_that(shown STREQUAL "a\\x1b[2Kb\\x5cc\\x09\\x0dd")

# Archives with such names, from a local file: refused before extraction, the name escaped.
make_archive(base mini base.zip)
# A "[" in a list item would stop CMake from splitting the list: the patterns match brackets with ".".
set(cases
    # name (hex) | what the message shows
    "6c6962746f7263682f785c2e2e5c2e2e5c657363617065642e747874|libtorch/x\\\\x5c\\.\\.\\\\x5c"
    "6c6962746f7263682f6109622e68|libtorch/a\\\\x09b\\.h"
    "6c6962746f7263682f610d622e68|libtorch/a\\\\x0db\\.h"
    "6c6962746f7263682f611b5b324a622e68|libtorch/a\\\\x1b.2Jb\\.h"
    "6c6962746f7263682f6122622e68|libtorch/a\"b\\.h"
    "6c6962746f7263682f615b5d622e68|libtorch/a..b\\.h"
    "6c6962746f7263682f613a73747265616d|libtorch/a:stream")
set(index 0)
foreach(spec IN LISTS cases)
  string(REPLACE "|" ";" spec "${spec}")
  list(GET spec 0 hex)
  list(GET spec 1 shown)
  math(EXPR index "${index} + 1")
  set(archive "${WORK}/archives/char-${index}.zip")
  execute_process(COMMAND "${PYTHON}" "${REPO}/tests/fetch/make-hostile-archive" "${base}"
                          "${archive}" --add ${hex} RESULT_VARIABLE rc)
  expect_that(rc EQUAL 0)
  fetch_archive(
    char-${index}
    EXPECT_FAIL
    ARGS "-DURL=https://example.invalid/char-${index}.zip" "-DARCHIVE=${archive}"
         "-DCACHE_DIR=${CACHE_DIR}"
    EXPECT "failed at the archive check step: refusing archive .*holds a character no libtorch"
           "${shown}" "Nothing was extracted"
    REJECT "${esc}")
endforeach()

# A name beyond ASCII (UTF-8 "é"): the reader, run in the C locale, refuses it already.
execute_process(COMMAND "${PYTHON}" "${REPO}/tests/fetch/make-hostile-archive" "${base}"
                        "${WORK}/archives/utf8.zip" --add 6c6962746f7263682f61e9622e68)
fetch_archive(
  utf8-name
  EXPECT_FAIL
  ARGS "-DURL=https://example.invalid/utf8.zip" "-DARCHIVE=${WORK}/archives/utf8.zip"
       "-DCACHE_DIR=${CACHE_DIR}"
  EXPECT "failed at the archive check step: refusing archive" "Nothing was extracted")

# A link whose target holds a backslash: on Windows it would climb out.
execute_process(
  COMMAND "${PYTHON}" "${REPO}/tests/fetch/make-hostile-archive" "${base}"
          "${WORK}/archives/link.zip" --link 6c6962746f7263682f6c696e6b 2e2e5c2e2e5c6f757473696465
  RESULT_VARIABLE rc)
expect_that(rc EQUAL 0)
fetch_archive(
  link-backslash
  EXPECT_FAIL
  ARGS "-DURL=https://example.invalid/link.zip" "-DARCHIVE=${WORK}/archives/link.zip"
       "-DCACHE_DIR=${CACHE_DIR}"
  EXPECT "holds a character no libtorch uses.*\\.\\.\\\\x5c\\.\\.\\\\x5coutside")

# The base archive itself passes: the refusals are about the added names.
fetch_archive(base ARGS "-DURL=https://example.invalid/base.zip" "-DARCHIVE=${base}"
                        "-DCACHE_DIR=${CACHE_DIR}")
expect_exists("${FETCH_RESULT_DIR}/share/cmake/Torch/TorchConfig.cmake")
expect_unchanged_outside()
