# A B200 (sm_100) against 2.8.0 cu126, its architectures unknown: CUDA 12.6
# predates sm_100, so the build has no code for it.
include("${CMAKE_CURRENT_LIST_DIR}/../guard_data.cmake")
guard_build_set(2.8.0 cu126 sass null)
guard_build_set(2.8.0 cu126 ptx null)
guard_machine(DRIVER 575.57.08 CUDA 12.9 GPUS 10.0)
torchcompat_require(TORCH 2.8.0 VARIANT cu126)
