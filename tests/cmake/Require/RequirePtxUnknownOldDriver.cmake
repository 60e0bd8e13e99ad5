# SASS misses sm_100 and the PTX list is unknown, but a driver that supports only
# CUDA 12.2 could not JIT-compile CUDA 12.4 PTX anyway: a plain failure.
include("${CMAKE_CURRENT_LIST_DIR}/../guard_data.cmake")
guard_build_set(2.4.0 cu124 ptx null)
guard_machine(DRIVER 535.54.03 CUDA 12.2 GPUS 10.0)
torchcompat_require(TORCH 2.4.0 VARIANT cu124)
