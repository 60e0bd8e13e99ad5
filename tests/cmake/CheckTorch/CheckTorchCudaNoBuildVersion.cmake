# A CUDA libtorch tree without build-version: its CUDA version is unknown, so
# the check cannot be verified and fails unless ACCEPT_UNVERIFIED.
set(root "${CMAKE_BINARY_DIR}/libtorch")
file(WRITE "${root}/share/cmake/Torch/TorchConfig.cmake"
     "set(TORCH_CXX_FLAGS \"-D_GLIBCXX_USE_CXX11_ABI=1\")\n")
file(WRITE "${root}/share/cmake/Torch/TorchConfigVersion.cmake" "set(PACKAGE_VERSION \"2.4.0\")\n")
file(WRITE "${root}/lib/libtorch_cuda.so" "")
torchcompat_check_torch(DIR "${root}" RESULT_VARIABLE ok MODE WARNING)
if(ok)
  message(FATAL_ERROR "an unverifiable tree passed")
endif()
torchcompat_check_torch(DIR "${root}" RESULT_VARIABLE accepted ACCEPT_UNVERIFIED)
if(NOT accepted)
  message(FATAL_ERROR "ACCEPT_UNVERIFIED should accept it")
endif()
