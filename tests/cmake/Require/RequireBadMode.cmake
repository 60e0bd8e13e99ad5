torchcompat_require(TORCH 2.4.0 MODE STATUS)
