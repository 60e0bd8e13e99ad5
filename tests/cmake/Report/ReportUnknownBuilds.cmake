# The report on a release whose builds the table does not know says so in
# words and what it does know; it never prints an empty list.
include("${CMAKE_CURRENT_LIST_DIR}/../guard_data.cmake")
guard_data_copy(data)
foreach(kind IN ITEMS wheel libtorch)
  guard_data_set(
    "${data}"
    torch-variants
    null
    releases
    2.15.0
    platforms
    linux-x86_64
    ${kind})
endforeach()
guard_data_set(
  "${data}"
  torch-releases
  "\"cu132\""
  releases
  2.15.0
  pypi_variant_by_platform
  linux-x86_64)
set(TORCHCOMPAT_OVERRIDE_DRIVER 595.71.05)
set(TORCHCOMPAT_OVERRIDE_CUDA 13.2)
set(TORCHCOMPAT_OVERRIDE_GPU_ARCHS 8.6)
torchcompat_report(TORCH 2.15.0 OUTPUT_VARIABLE text)
message(STATUS "${text}")
if(text MATCHES "\\(\\)|\\(it has \\)")
  message(FATAL_ERROR "an empty list in:\n${text}")
endif()
