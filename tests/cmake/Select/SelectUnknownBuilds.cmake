# A release whose libtorch builds the table does not know: with the archive as
# the source (SOURCE auto takes PyPI's wheel instead, SelectWheelAuto), the
# selector says so in words, with what is known, and never prints an empty list.
include("${CMAKE_CURRENT_LIST_DIR}/../guard_data.cmake")
guard_variants_set(2.15.0 libtorch null)
guard_table_set(torch-releases "\"cu132\"" releases 2.15.0 pypi_variant_by_platform linux-x86_64)
guard_machine(DRIVER 595.71.05 CUDA 13.2 GPUS 8.6)
torchcompat_select_libtorch(
  VERSION 2.15.0
  PLATFORM linux
  ARCH x86_64 SOURCE archive
  URL_VARIABLE url RESULT_VARIABLE ok MESSAGE_VARIABLE text)
if(ok OR url OR text MATCHES "\\(\\)|has \\)|: ?\\.|, \\)")
  message(FATAL_ERROR "expected a failure without empty lists:\n${text}")
endif()
if(NOT
   text
   MATCHES
   "the table does not know which libtorch builds torch 2\\.15\\.0 has for linux-x86_64 \\(known: its PyPI wheel is cu132"
)
  message(FATAL_ERROR "unexpected:\n${text}")
endif()
