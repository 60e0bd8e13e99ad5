torchcompat_detect(FORCE)
