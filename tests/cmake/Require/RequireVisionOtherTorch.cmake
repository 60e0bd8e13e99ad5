torchcompat_require(TORCH 1.13.0 TORCHVISION 0.15.2 VARIANT cpu)
