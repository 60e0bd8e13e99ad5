# Strict policy with the toolkit's minimum driver unknown, and a driver whose
# own CUDA is older than the build's: the driver cannot be verified.
include("${CMAKE_CURRENT_LIST_DIR}/../guard_data.cmake")
guard_build_set(2.4.0 cu124 cuda_toolkit null)
guard_table_set(cuda-toolkits null toolkits 12.4.0 linux_min_driver)
guard_machine(DRIVER 545.23.08 CUDA 12.3 GPUS 8.6)
torchcompat_require(TORCH 2.4.0 VARIANT cu124 DRIVER_POLICY strict)
