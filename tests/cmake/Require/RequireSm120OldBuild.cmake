# A Blackwell GPU (sm_120) against a build that predates it and has no PTX to JIT.
set(TORCHCOMPAT_OVERRIDE_DRIVER 575.57.08)
set(TORCHCOMPAT_OVERRIDE_CUDA 12.9)
set(TORCHCOMPAT_OVERRIDE_GPU_ARCHS 12.0)
torchcompat_require(TORCH 2.4.0 VARIANT cu124)
