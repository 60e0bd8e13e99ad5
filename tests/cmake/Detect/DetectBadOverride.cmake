set(TORCHCOMPAT_OVERRIDE_GPU_ARCHS "sm_86")
torchcompat_detect()
