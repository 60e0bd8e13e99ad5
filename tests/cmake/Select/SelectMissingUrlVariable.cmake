torchcompat_select_libtorch(VERSION 2.4.0)
