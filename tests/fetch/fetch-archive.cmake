# cmake -P driver for _torchcompat_fetch_archive: every -D of the same name as a keyword is passed
# on; prints the extracted tree as "RESULT_DIR=...".
include("${REPO}/cmake/Internal/TorchCompatDownload.cmake")
set(args "")
foreach(keyword IN ITEMS URL SHA256 LOCK_FILE LOCK_KEY CACHE_DIR ARCHIVE)
  if(DEFINED ${keyword})
    list(APPEND args ${keyword} "${${keyword}}")
  endif()
endforeach()
if(ALLOW_HTTP)
  list(APPEND args ALLOW_HTTP)
endif()
_torchcompat_fetch_archive(${args} RESULT_DIR_VARIABLE result)
message(STATUS "RESULT_DIR=${result}")
