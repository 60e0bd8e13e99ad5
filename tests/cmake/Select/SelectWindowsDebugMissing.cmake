torchcompat_select_libtorch(
  VERSION 2.13.0
  VARIANT cpu
  PLATFORM windows
  CONFIG Debug
  URL_VARIABLE url)
