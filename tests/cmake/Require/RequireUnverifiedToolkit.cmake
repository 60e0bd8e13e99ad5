# The project's own toolkit (12.4) under strict policy, its minimum driver not
# recorded, on a driver whose CUDA is older: cannot be verified.
include("${CMAKE_CURRENT_LIST_DIR}/../guard_data.cmake")
guard_table_set(cuda-toolkits null toolkits 12.4.0 linux_min_driver)
guard_machine(DRIVER 545.23.08 CUDA 12.3 GPUS 8.6)
set(TORCHCOMPAT_OVERRIDE_TOOLKIT 12.4)
torchcompat_require(TORCH 2.4.0 VARIANT cpu DRIVER_POLICY strict)
