# The build's SASS list is known and misses sm_100, its PTX list is not known, and the
# driver could JIT-compile CUDA 12.4 PTX: coverage cannot be verified, never a pass.
include("${CMAKE_CURRENT_LIST_DIR}/../guard_data.cmake")
guard_build_set(2.4.0 cu124 ptx null)
guard_machine(DRIVER 570.86.10 CUDA 12.8 GPUS 10.0)
torchcompat_require(TORCH 2.4.0 VARIANT cu124)
