# sm_120 against 2.6.0 cu126, as the real table has it (known or not): fails.
set(TORCHCOMPAT_OVERRIDE_DRIVER 575.57.08)
set(TORCHCOMPAT_OVERRIDE_CUDA 12.9)
set(TORCHCOMPAT_OVERRIDE_GPU_ARCHS 12.0)
torchcompat_require(TORCH 2.6.0 VARIANT cu126)
