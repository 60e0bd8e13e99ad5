# When the probe says which machine it describes (a target profile), the
# guard's failure names it where it describes the machine.
include("${CMAKE_CURRENT_LIST_DIR}/../guard_data.cmake")
set(TorchCompat_MACHINE_SOURCE "target profile deploy.json, probed on gpu-host")
guard_machine(DRIVER 470.82.01 CUDA 11.4 GPUS 8.6)
torchcompat_require(TORCH 2.4.0 VARIANT cu121)
