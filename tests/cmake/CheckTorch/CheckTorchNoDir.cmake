torchcompat_check_torch()
