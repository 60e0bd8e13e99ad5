# The wheel's runtime pin fits CUDA 12.6.2 (minimum 560.35.03) and 12.6.3 (560.35.05):
# driver 560.35.04 meets one and not the other, so the strict check cannot be verified.
include("${CMAKE_CURRENT_LIST_DIR}/../guard_data.cmake")
guard_build_set(2.7.0 cu126 cuda_toolkit null)
guard_build_set(2.7.0 cu126 cuda_toolkit_candidates [\"12.6.2\",\"12.6.3\"])
guard_machine(DRIVER 560.35.04 CUDA 12.6 GPUS 8.6)
torchcompat_require(TORCH 2.7.0 VARIANT cu126 DRIVER_POLICY strict)
