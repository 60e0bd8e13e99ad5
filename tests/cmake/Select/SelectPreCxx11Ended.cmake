torchcompat_select_libtorch(
  VERSION 2.8.0
  VARIANT cpu
  PLATFORM linux
  ABI pre-cxx11
  URL_VARIABLE url)
