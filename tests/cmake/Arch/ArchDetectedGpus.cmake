# With no arguments: the GPUs detected here (the fake driver's, -env.txt) and
# the toolkit detected here (this machine's real one).
torchcompat_detect(QUIET)
torchcompat_cuda_architectures(archs)
if(NOT archs MATCHES "^(61-real;)?80-real$")
  message(
    FATAL_ERROR
      "architectures for sm 8.0 and 6.1 with CUDA ${TorchCompat_CUDA_TOOLKIT_VERSION}: '${archs}'")
endif()
