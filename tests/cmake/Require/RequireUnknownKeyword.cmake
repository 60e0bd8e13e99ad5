torchcompat_require(TORCH 2.4.0 TORCHVISON 0.19.0)
