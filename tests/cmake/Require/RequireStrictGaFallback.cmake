# When the update a build shipped with is not recorded, strict uses the GA row
# of its CUDA minor and says so.
include("${CMAKE_CURRENT_LIST_DIR}/../guard_data.cmake")
guard_build_set(2.5.1 cu124 cuda_toolkit null)
guard_machine(DRIVER 550.40.07 CUDA 12.4 GPUS 8.6)
torchcompat_require(TORCH 2.5.1 VARIANT cu124 DRIVER_POLICY strict)
