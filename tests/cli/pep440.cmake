# PEP 440 versions as pip and distributions write them: what they parse to,
# which release they stand for, and the note that says so.
cmake_minimum_required(VERSION 3.22...4.4)
include("${PACKAGE_DIR}/Internal/common/TorchCompatVersion.cmake")

set(failures "")
# input | normalized | release | variant | note regex ("" = no note)
foreach(
  case IN
  ITEMS "1.13.0a0+gitunknown|1.13.0a0+gitunknown|1.13.0||pre-release \\(a0\\) and a local build"
        "2.5.0.dev20240901+cu121|2.5.0.dev20240901+cu121|2.5.0|cu121|development build"
        "2.4.0+cu121|2.4.0+cu121|2.4.0|cu121|"
        "0.14.1a0|0.14.1a0|0.14.1||taken as torch 0\\.14\\.1: it is a pre-release"
        "2.4.0|2.4.0|2.4.0||"
        "2.4.0.post1|2.4.0.post1|2.4.0||rebuild \\(post1\\)"
        "2.0.0RC1|2.0.0rc1|2.0.0||pre-release \\(rc1\\)"
        "v1.2.3-beta.2|1.2.3b2|1.2.3||pre-release \\(b2\\)"
        "2.1.0+rocm5.6|2.1.0+rocm5.6|2.1.0|rocm5.6|"
        "1.0-1|1.0.post1|1.0||rebuild"
        "2.3.0+cpu.cxx11.abi|2.3.0+cpu.cxx11.abi|2.3.0||local build")
  string(REPLACE "|" ";" case "${case}")
  list(GET case 0 input)
  list(GET case 1 normalized)
  list(GET case 2 release)
  list(GET case 3 variant)
  list(GET case 4 note)
  _torchcompat_version_release(v torch "${input}")
  if(NOT v_VALID
     OR NOT v_NORMALIZED STREQUAL normalized
     OR NOT v_RELEASE STREQUAL release
     OR NOT v_VARIANT STREQUAL variant)
    list(APPEND failures "${input}: valid=${v_VALID} normalized=${v_NORMALIZED} "
         "release=${v_RELEASE} variant=${v_VARIANT}")
  endif()
  if(note STREQUAL "" AND NOT v_NOTE STREQUAL "")
    list(APPEND failures "${input}: unexpected note '${v_NOTE}'")
  elseif(NOT note STREQUAL "" AND NOT v_NOTE MATCHES "${note}")
    list(APPEND failures "${input}: note '${v_NOTE}' does not match '${note}'")
  endif()
endforeach()

foreach(
  input IN
  ITEMS latest
        "2.4.0+"
        "2.4..0"
        "2.4.0+cu121+x"
        ""
        "2.4.0 beta"
        "1.0.dev1.post1"
        "2.4.0+cu_")
  _torchcompat_parse_version(v "${input}")
  if(v_VALID)
    list(APPEND failures "'${input}' parsed as ${v_NORMALIZED}")
  endif()
endforeach()

# The source-build series: PyTorch's tree numbers each X.Y branch X.Y.0a0.
_torchcompat_source_build_series(series "1.13.0a0+gitunknown")
_torchcompat_source_build_series(not_series "1.13.1a0")
if(NOT series STREQUAL "1.13" OR NOT not_series STREQUAL "")
  list(APPEND failures "source build series: '${series}', '${not_series}'")
endif()

if(failures)
  list(JOIN failures "\n" failures)
  message(FATAL_ERROR "${failures}")
endif()
