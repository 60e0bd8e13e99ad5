torchcompat_require(TORCH 2.4.7 VARIANT cpu)
