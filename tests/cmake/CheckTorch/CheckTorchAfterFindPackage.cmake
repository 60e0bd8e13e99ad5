# The usual order: find_package(Torch), then the check reads Torch_DIR.
enable_language(CXX)
find_package(Torch REQUIRED PATHS /usr/lib/x86_64-linux-gnu/cmake/Torch NO_DEFAULT_PATH)
torchcompat_check_torch(RESULT_VARIABLE ok)
if(NOT ok)
  message(FATAL_ERROR "Debian's CPU libtorch should pass on any machine")
endif()
