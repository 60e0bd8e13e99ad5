# torch 2.14.0 states C++20 only as CXX_STANDARD on its imported target, which
# reaches no consumer: a project that compiles as C++17 fails before its
# compile does, with the release, the standard and the way out.
enable_language(CXX)
set(CMAKE_CXX_STANDARD 17)
torchcompat_require(TORCH 2.14.0 VARIANT cpu)
