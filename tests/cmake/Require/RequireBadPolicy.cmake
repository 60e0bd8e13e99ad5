torchcompat_require(TORCH 2.4.0 DRIVER_POLICY lenient)
