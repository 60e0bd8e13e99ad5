include("${CMAKE_CURRENT_LIST_DIR}/../guard_data.cmake")
guard_machine(DRIVER 550.54.14 CUDA 12.4 GPUS 8.6)
set(TORCHCOMPAT_OVERRIDE_CUDNN 8.9.7)
torchcompat_require(TORCH 2.4.0 VARIANT cu121)
