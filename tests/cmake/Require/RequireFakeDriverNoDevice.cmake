# cuInit fails with CUDA_ERROR_NO_DEVICE: the driver is there, no GPU is; the
# project needs one.
torchcompat_require(TORCH 2.4.0 VARIANT cu121 REQUIRE_GPU)
