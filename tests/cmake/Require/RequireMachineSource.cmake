# When the probe says which machine it describes (a target profile), the
# guard's failure names it where it describes the machine.
set(TorchCompat_MACHINE_SOURCE "target profile deploy.json, probed on gpu-host")
set(TORCHCOMPAT_OVERRIDE_DRIVER 470.82.01)
set(TORCHCOMPAT_OVERRIDE_CUDA 11.4)
set(TORCHCOMPAT_OVERRIDE_GPU_ARCHS 8.6)
torchcompat_require(TORCH 2.4.0 VARIANT cu121)
