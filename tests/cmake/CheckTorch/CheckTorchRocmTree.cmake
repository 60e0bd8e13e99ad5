include("${CMAKE_CURRENT_LIST_DIR}/../vendor_profile.cmake")
# A ROCm libtorch tree is checked against the machine's AMD GPUs: torch 2.3.0 rocm5.7 has no
# code for gfx1103 and has code for gfx1100 (issue 18). Without build-version its libtorch_hip
# says it is no cpu build, so it cannot be verified rather than pass as one.
set(root "${CMAKE_BINARY_DIR}/libtorch")
file(WRITE "${root}/share/cmake/Torch/TorchConfig.cmake"
     "set(TORCH_CXX_FLAGS \"-D_GLIBCXX_USE_CXX11_ABI=1\")\n")
file(WRITE "${root}/share/cmake/Torch/TorchConfigVersion.cmake" "set(PACKAGE_VERSION \"2.3.0\")\n")
file(WRITE "${root}/build-version" "2.3.0+rocm5.7\n")
file(WRITE "${root}/lib/libtorch_hip.so" "")

vendor_profile("${CMAKE_BINARY_DIR}/gfx1103.json" AMD gfx1103)
torchcompat_check_torch(
  DIR "${root}"
  RESULT_VARIABLE ok
  VARIANT_VARIABLE variant VERDICT_VARIABLE verdict
  MODE WARNING)
string(JSON answer GET "${verdict}" answer)
if(ok OR NOT variant STREQUAL "rocm5.7" OR NOT answer STREQUAL "problem")
  message(FATAL_ERROR "gfx1103: ${ok} ${variant} ${answer}")
endif()

vendor_profile("${CMAKE_BINARY_DIR}/gfx1100.json" AMD gfx1100)
torchcompat_check_torch(DIR "${root}" RESULT_VARIABLE ok VERDICT_VARIABLE verdict)
string(JSON answer GET "${verdict}" answer)
if(NOT ok OR NOT answer STREQUAL "works")
  message(FATAL_ERROR "gfx1100: ${ok} ${answer}")
endif()

file(REMOVE "${root}/build-version")
torchcompat_check_torch(
  DIR "${root}"
  RESULT_VARIABLE ok
  VARIANT_VARIABLE variant
  MODE WARNING)
if(ok OR NOT variant STREQUAL "")
  message(FATAL_ERROR "a ROCm tree without build-version: ${ok} '${variant}'")
endif()
