# cmake -P driver for _torchcompat_fetch_archive: every -D of the same name as a keyword is passed
# on; prints the extracted tree as "RESULT_DIR=...".
cmake_minimum_required(VERSION 3.22)
include("${REPO}/cmake/Internal/fetch/TorchCompatDownload.cmake")
# The config file sets this for a real consumer; the official base URL is read from the table.
set_property(GLOBAL PROPERTY TORCHCOMPAT_DATA_DIR "${REPO}/data")
set(args "")
foreach(keyword IN ITEMS URL SHA256 LOCK_FILE LOCK_KEY CACHE_DIR ARCHIVE)
  if(DEFINED ${keyword})
    list(APPEND args ${keyword} "${${keyword}}")
  endif()
endforeach()
foreach(flag IN ITEMS ALLOW_HTTP PIN_STORE LOCK_FILE_FALLBACK)
  if(${flag})
    list(APPEND args ${flag})
  endif()
endforeach()
_torchcompat_fetch_archive(${args} RESULT_DIR_VARIABLE result)
message(STATUS "RESULT_DIR=${result}")
