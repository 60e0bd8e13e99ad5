torchcompat_require(TORCH 1.13.0 TORCHVISION 1.4.0 VARIANT cpu)
