# "latest" is the newest release by version, not by spelling: 2.10 comes after 2.9.
torchcompat_select_libtorch(
  VERSION latest
  VARIANT cpu
  PLATFORM linux
  ARCH x86_64
  URL_VARIABLE url)
string(REGEX MATCH "([0-9]+\\.[0-9]+\\.[0-9]+)%2Bcpu\\.zip$" match "${url}")
if(NOT CMAKE_MATCH_1 VERSION_GREATER "2.9.1")
  message(FATAL_ERROR "latest picked ${url}")
endif()
