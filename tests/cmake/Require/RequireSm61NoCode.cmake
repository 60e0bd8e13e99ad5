# A Pascal GPU (sm_61) against a build that carries neither sm_6x SASS nor PTX.
set(TORCHCOMPAT_OVERRIDE_DRIVER 570.124.06)
set(TORCHCOMPAT_OVERRIDE_CUDA 12.8)
set(TORCHCOMPAT_OVERRIDE_GPU_ARCHS 6.1)
torchcompat_require(TORCH 2.8.0 VARIANT cu128)
