# SASS misses sm_35 and the PTX list is unknown, but CUDA 12.4 emits no PTX that
# reaches sm_35 (it targets 5.0 and newer): a plain failure, derived from the rules.
include("${CMAKE_CURRENT_LIST_DIR}/../guard_data.cmake")
guard_build_set(2.4.0 cu124 ptx null)
guard_machine(DRIVER 550.54.14 CUDA 12.4 GPUS 3.5)
torchcompat_require(TORCH 2.4.0 VARIANT cu124)
