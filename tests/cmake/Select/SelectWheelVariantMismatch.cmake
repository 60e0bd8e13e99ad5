# Issue 17: PyPI publishes one torch wheel per platform; asking the wheel source for another
# variant is an error that names the one it has and the way to the archive.
torchcompat_select_libtorch(
  VERSION 2.15.0
  VARIANT cpu
  PLATFORM linux
  ARCH x86_64 SOURCE wheel
  URL_VARIABLE url)
