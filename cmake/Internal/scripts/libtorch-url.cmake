# The official URL of one libtorch archive, rendered by _torchcompat_libtorch_url
# (TorchCompatLibtorchUrl.cmake), for scripts/libtorch-url: one renderer, one
# base URL (data/libtorch-archives.json).
#
#   cmake -DVERSION=<v> -DVARIANT=<v> -DPLATFORM=<p> -DABI=<a> -DCONFIG=<c>
#         -DDATA_DIR=<dir> -DOUTPUT_FILE=<file> -P libtorch-url.cmake
#
# OUTPUT_FILE gets "url <URL>" or "error <message>" (the message lists what
# the table does have).

cmake_minimum_required(VERSION 3.22...4.4)
foreach(
  input IN
  ITEMS VERSION
        VARIANT
        PLATFORM
        ABI
        CONFIG
        DATA_DIR
        OUTPUT_FILE)
  if(NOT DEFINED ${input})
    message(FATAL_ERROR "TorchCompat: libtorch-url.cmake needs -D${input}=...")
  endif()
endforeach()
include("${CMAKE_CURRENT_LIST_DIR}/../tables/TorchCompatLibtorchUrl.cmake")
_torchcompat_libtorch_url(
  url
  VERSION "${VERSION}"
  VARIANT "${VARIANT}"
  PLATFORM "${PLATFORM}"
  ABI "${ABI}"
  CONFIG "${CONFIG}"
  DATA_DIR "${DATA_DIR}"
  ERROR_VARIABLE error)
if(error)
  file(WRITE "${OUTPUT_FILE}" "error ${error}\n")
else()
  file(WRITE "${OUTPUT_FILE}" "url ${url}\n")
endif()
