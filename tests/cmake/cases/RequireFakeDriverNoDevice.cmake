# cuInit fails with CUDA_ERROR_NO_DEVICE: the driver is there, no GPU is.
torchcompat_require(TORCH 2.4.0 VARIANT cu121)
