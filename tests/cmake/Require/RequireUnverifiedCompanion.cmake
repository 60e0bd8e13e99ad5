# The table does not know torchvision for the release: the pair cannot be
# verified, and the guard fails on it by default.
include("${CMAKE_CURRENT_LIST_DIR}/../guard_data.cmake")
guard_table_set(torch-releases null releases 2.4.0 torchvision)
torchcompat_require(TORCH 2.4.0 TORCHVISION 0.19.0 VARIANT cpu)
