# A real-looking driver (fake libcuda and NVML) with a GTX 1080 beside an A100.
torchcompat_require(TORCH 2.8.0 VARIANT cu128)
