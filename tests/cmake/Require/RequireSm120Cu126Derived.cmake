# sm_120 against 2.6.0 cu126 with its architecture lists unknown: CUDA 12.6
# cannot compile for sm_120, so the build has no SASS for it: a plain fail,
# not a pass and not "cannot be verified".
include("${CMAKE_CURRENT_LIST_DIR}/../guard_data.cmake")
guard_build_set(2.6.0 cu126 sass null)
guard_build_set(2.6.0 cu126 ptx null)
guard_machine(DRIVER 575.57.08 CUDA 12.9 GPUS 12.0)
torchcompat_require(TORCH 2.6.0 VARIANT cu126)
