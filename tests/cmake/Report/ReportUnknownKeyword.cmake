torchcompat_report(TORCH 2.4.0 FORMAT json)
