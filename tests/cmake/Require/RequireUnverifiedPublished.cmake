# Neither variant list of 2.4.0 for linux-x86_64 is known and nothing else
# records a cu118 build: whether it was published cannot be verified.
include("${CMAKE_CURRENT_LIST_DIR}/../guard_data.cmake")
guard_data_copy(data)
guard_variants_set(2.4.0 wheel null)
guard_variants_set(2.4.0 libtorch null)
guard_data_remove("${data}" variant-builds builds 2.4.0 cu118)
guard_table_set(torch-releases "\"cu121\"" releases 2.4.0 pypi_variant_by_platform linux-x86_64)
guard_machine(DRIVER 550.54.14 CUDA 12.4 GPUS 8.6)
torchcompat_require(TORCH 2.4.0 VARIANT cu118)
