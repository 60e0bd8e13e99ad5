# The project links cuDNN 9.1.0, and the cuDNN the build ships is unknown.
include("${CMAKE_CURRENT_LIST_DIR}/../guard_data.cmake")
guard_build_set(2.4.0 cu124 cudnn null)
guard_machine(DRIVER 550.54.14 CUDA 12.4 GPUS 8.6)
torchcompat_require(TORCH 2.4.0 VARIANT cu124 CUDNN 9.1.0)
