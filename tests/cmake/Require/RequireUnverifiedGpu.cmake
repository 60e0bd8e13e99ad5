# The build's architectures are unknown and CUDA 12.4 can compile for sm_86:
# GPU coverage cannot be verified (and is never a pass).
include("${CMAKE_CURRENT_LIST_DIR}/../guard_data.cmake")
guard_build_set(2.4.0 cu124 sass null)
guard_build_set(2.4.0 cu124 ptx null)
guard_machine(DRIVER 550.54.14 CUDA 12.4 GPUS 8.6)
torchcompat_require(TORCH 2.4.0 VARIANT cu124)
