# 2.5.1 cu124 shipped CUDA 12.4 Update 1, whose minimum driver is 550.54.15:
# strict fails driver 550.54.14 (the GA row's minimum).
include("${CMAKE_CURRENT_LIST_DIR}/../guard_data.cmake")
guard_build_set(2.5.1 cu124 cuda_toolkit "\"12.4.1\"")
guard_machine(DRIVER 550.54.14 CUDA 12.4 GPUS 8.6)
torchcompat_require(TORCH 2.5.1 VARIANT cu124 DRIVER_POLICY strict)
