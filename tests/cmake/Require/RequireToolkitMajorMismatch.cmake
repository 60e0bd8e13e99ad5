include("${CMAKE_CURRENT_LIST_DIR}/../guard_data.cmake")
guard_machine(DRIVER 580.65.06 CUDA 13.0 GPUS 8.6)
set(TORCHCOMPAT_OVERRIDE_TOOLKIT 13.0)
torchcompat_require(TORCH 2.4.0 VARIANT cu121)
