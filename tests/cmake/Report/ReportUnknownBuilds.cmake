# The report on a release whose builds the table does not know says so in
# words and what it does know; it never prints an empty list.
include("${CMAKE_CURRENT_LIST_DIR}/../guard_data.cmake")
foreach(kind IN ITEMS wheel libtorch)
  guard_variants_set(2.15.0 ${kind} null)
endforeach()
guard_table_set(torch-releases "\"cu132\"" releases 2.15.0 pypi_variant_by_platform linux-x86_64)
guard_machine(DRIVER 595.71.05 CUDA 13.2 GPUS 8.6)
torchcompat_report(TORCH 2.15.0 OUTPUT_VARIABLE text)
message(STATUS "${text}")
if(text MATCHES "\\(\\)|\\(it has \\)")
  message(FATAL_ERROR "an empty list in:\n${text}")
endif()
