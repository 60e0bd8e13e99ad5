# Neither variant list of 2.4.0 for linux-x86_64 is known and nothing else
# records a cu118 build: whether it was published cannot be verified.
include("${CMAKE_CURRENT_LIST_DIR}/../guard_data.cmake")
guard_data_copy(data)
guard_data_set(
  "${data}"
  torch-variants
  null
  releases
  2.4.0
  platforms
  linux-x86_64
  wheel)
guard_data_set(
  "${data}"
  torch-variants
  null
  releases
  2.4.0
  platforms
  linux-x86_64
  libtorch)
guard_data_remove("${data}" variant-builds builds 2.4.0 cu118)
guard_data_set(
  "${data}"
  torch-releases
  "\"cu121\""
  releases
  2.4.0
  pypi_variant_by_platform
  linux-x86_64)
set(TORCHCOMPAT_OVERRIDE_DRIVER 550.54.14)
set(TORCHCOMPAT_OVERRIDE_CUDA 12.4)
set(TORCHCOMPAT_OVERRIDE_GPU_ARCHS 8.6)
torchcompat_require(TORCH 2.4.0 VARIANT cu118)
