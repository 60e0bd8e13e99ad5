torchcompat_require(TORCHVISION 0.19.0)
