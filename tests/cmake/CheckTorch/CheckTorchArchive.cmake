# A tree laid out like an official archive, its variant in build-version.
set(root "${CMAKE_BINARY_DIR}/libtorch")
file(WRITE "${root}/build-version" "2.1.0+cu121\n")
file(WRITE "${root}/share/cmake/Torch/TorchConfig.cmake"
     "set(TORCH_CXX_FLAGS \"-D_GLIBCXX_USE_CXX11_ABI=0\")\n")
set(TORCHCOMPAT_OVERRIDE_DRIVER 470.82.01)
set(TORCHCOMPAT_OVERRIDE_CUDA 11.4)
set(TORCHCOMPAT_OVERRIDE_GPU_ARCHS 8.6)
torchcompat_check_torch(DIR "${root}")
