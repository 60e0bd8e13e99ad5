include("${CMAKE_CURRENT_LIST_DIR}/../guard_data.cmake")
guard_machine(DRIVER 470.82.01 CUDA 11.4 GPUS 8.6)
torchcompat_require(TORCH 2.1.0 VARIANT cu118 DRIVER_POLICY strict)
