# 2.15.0 cu132 ships the CUDA 13.2.2 runtime, whose minimum driver is
# 595.71.05: strict fails driver 595.50 (the GA row would pass it).
include("${CMAKE_CURRENT_LIST_DIR}/../guard_data.cmake")
guard_build_set(2.15.0 cu132 cuda_toolkit "\"13.2.2\"")
guard_build_set(2.15.0 cu132 sass "[\"7.5\",\"8.0\",\"8.6\",\"9.0\",\"10.0\",\"12.0\"]")
guard_machine(DRIVER 595.50 CUDA 13.2 GPUS 8.6)
torchcompat_require(TORCH 2.15.0 VARIANT cu132 DRIVER_POLICY strict)
