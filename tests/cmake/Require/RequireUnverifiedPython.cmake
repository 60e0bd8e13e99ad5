include("${CMAKE_CURRENT_LIST_DIR}/../guard_data.cmake")
guard_table_set(torch-releases null releases 2.4.0 python)
guard_table_set(torch-releases null releases 2.4.0 python_by_platform)
torchcompat_require(TORCH 2.4.0 PYTHON 3.12 VARIANT cpu)
