include("${CMAKE_CURRENT_LIST_DIR}/../guard_data.cmake")
guard_data_copy(data)
guard_data_set("${data}" torch-releases null releases 2.4.0 python)
torchcompat_require(TORCH 2.4.0 PYTHON 3.12 VARIANT cpu)
