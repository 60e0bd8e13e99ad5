# The CI machine has no NVIDIA driver; a fake-free environment must say so.
torchcompat_require(TORCH 2.4.0 VARIANT cu124)
