# Issue 17: a source that is none of archive, wheel and auto is misuse, named with the knob.
set(TORCHCOMPAT_LIBTORCH_SOURCE pypi)
torchcompat_select_libtorch(VERSION 2.4.0 PLATFORM linux URL_VARIABLE url)
