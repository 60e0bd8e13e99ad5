# The project compiles CUDA 12.4 code; the target driver only supports 12.2.
include("${CMAKE_CURRENT_LIST_DIR}/../guard_data.cmake")
guard_machine(DRIVER 535.104.05 CUDA 12.2 GPUS 8.6)
set(TORCHCOMPAT_OVERRIDE_TOOLKIT 12.4)
torchcompat_require(TORCH 2.4.0 VARIANT cu121)
