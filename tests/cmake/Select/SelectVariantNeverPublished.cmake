torchcompat_select_libtorch(
  VERSION 2.4.0
  VARIANT cu117
  PLATFORM linux
  URL_VARIABLE url)
