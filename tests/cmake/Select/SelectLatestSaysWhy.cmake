# VERSION latest names the release it took and why it skipped the newer ones:
# one whose libtorch builds the table does not know, one that published none.
include("${CMAKE_CURRENT_LIST_DIR}/../guard_data.cmake")
guard_variants_set(2.15.0 libtorch null)
guard_variants_set(2.14.1 libtorch "[]")
torchcompat_select_libtorch(
  VERSION latest
  VARIANT cpu
  PLATFORM linux
  ARCH x86_64
  URL_VARIABLE url MESSAGE_VARIABLE text)
if(NOT
   text
   MATCHES
   "VERSION latest is torch ([0-9.]+), the newest release with a known libtorch for linux-x86_64. newer releases were skipped: the table does not know the libtorch builds of 2\\.15\\.0[0-9., ]* for linux-x86_64, and 2\\.14\\.1 published no libtorch for linux-x86_64"
)
  message(FATAL_ERROR "unexpected:\n${text}")
endif()
if(NOT CMAKE_MATCH_1 VERSION_LESS 2.14.1)
  message(FATAL_ERROR "took ${CMAKE_MATCH_1}")
endif()
