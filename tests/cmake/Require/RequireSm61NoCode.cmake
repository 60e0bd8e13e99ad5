# A Pascal GPU (sm_61) against a build that carries neither sm_6x SASS nor PTX.
include("${CMAKE_CURRENT_LIST_DIR}/../guard_data.cmake")
guard_machine(DRIVER 570.124.06 CUDA 12.8 GPUS 6.1)
torchcompat_require(TORCH 2.8.0 VARIANT cu128)
