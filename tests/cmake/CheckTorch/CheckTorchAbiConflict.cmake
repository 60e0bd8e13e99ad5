set(CMAKE_CXX_FLAGS "-O2 -D_GLIBCXX_USE_CXX11_ABI=0")
torchcompat_check_torch(DIR /usr/lib/x86_64-linux-gnu/cmake/Torch)
