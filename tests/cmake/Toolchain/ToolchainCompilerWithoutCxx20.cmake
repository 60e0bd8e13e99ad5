# A compiler that cannot compile C++20 (CMake lists no cxx_std_20 for it; the
# list of this real compiler is cut to what an older GCC reports) fails the
# guard for a release that needs C++20, whatever CMAKE_CXX_STANDARD says.
enable_language(CXX)
list(REMOVE_ITEM CMAKE_CXX_COMPILE_FEATURES cxx_std_20 cxx_std_23 cxx_std_26)
set(CMAKE_CXX_STANDARD 20)
torchcompat_require(TORCH 2.14.0 VARIANT cpu)
