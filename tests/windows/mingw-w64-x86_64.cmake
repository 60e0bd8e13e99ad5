# Cross-compiles for 64-bit Windows with Debian's mingw-w64 (package
# g++-mingw-w64-x86-64-posix). The posix flavour has std::thread and friends;
# everything is linked statically so the programs run under Wine, or on a
# Windows machine, without the MinGW runtime DLLs beside them.
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)

set(_torchcompat_mingw_prefix x86_64-w64-mingw32)
set(CMAKE_C_COMPILER ${_torchcompat_mingw_prefix}-gcc-posix)
set(CMAKE_CXX_COMPILER ${_torchcompat_mingw_prefix}-g++-posix)
set(CMAKE_RC_COMPILER ${_torchcompat_mingw_prefix}-windres)

set(CMAKE_FIND_ROOT_PATH /usr/${_torchcompat_mingw_prefix})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

set(CMAKE_EXE_LINKER_FLAGS_INIT "-static")
set(CMAKE_SHARED_LINKER_FLAGS_INIT "-static")

# Tests run the programs through Wine when it is there.
find_program(
  TORCHCOMPAT_WINE
  NAMES wine64 wine
  PATHS /usr/lib/wine
  NO_CMAKE_FIND_ROOT_PATH)
if(TORCHCOMPAT_WINE)
  set(CMAKE_CROSSCOMPILING_EMULATOR "${TORCHCOMPAT_WINE}")
endif()
