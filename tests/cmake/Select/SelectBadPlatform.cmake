torchcompat_select_libtorch(VERSION 2.4.0 PLATFORM solaris URL_VARIABLE url)
