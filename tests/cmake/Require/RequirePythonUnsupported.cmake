torchcompat_require(TORCH 1.13.0 PYTHON 3.12 VARIANT cpu)
