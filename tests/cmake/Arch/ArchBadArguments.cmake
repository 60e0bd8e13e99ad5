torchcompat_cuda_architectures(archs GPU_ARCHS sm_86 CUDA_VERSION 12.4)
