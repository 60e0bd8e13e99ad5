include("${CMAKE_CURRENT_LIST_DIR}/../guard_data.cmake")
guard_machine(DRIVER 575.57.08 CUDA 12.9 GPUS 12.0)
torchcompat_require(TORCH 2.8.0 VARIANT cu128)
