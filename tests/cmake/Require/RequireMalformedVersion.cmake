torchcompat_require(TORCH 2.4 TORCHVISION latest)
