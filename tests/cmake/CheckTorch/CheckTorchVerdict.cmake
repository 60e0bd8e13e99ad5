# torchcompat_check_torch(VERDICT_VARIABLE) hands on the guard's verdict on the
# tree's version and variant (issue 15): a cu121 archive on a 470 driver fails,
# with VARIANT cu118 among the ways out; a CUDA tree of unknown CUDA gives "".
set(root "${CMAKE_BINARY_DIR}/libtorch")
file(WRITE "${root}/build-version" "2.1.0+cu121\n")
file(WRITE "${root}/share/cmake/Torch/TorchConfig.cmake"
     "set(TORCH_CXX_FLAGS \"-D_GLIBCXX_USE_CXX11_ABI=1\")\n")
set(TORCHCOMPAT_OVERRIDE_DRIVER 470.82.01)
set(TORCHCOMPAT_OVERRIDE_CUDA 11.4)
set(TORCHCOMPAT_OVERRIDE_GPU_ARCHS 8.6)
torchcompat_check_torch(DIR "${root}" MODE WARNING RESULT_VARIABLE ok VERDICT_VARIABLE verdict)
string(JSON answer GET "${verdict}" answer)
string(JSON variant GET "${verdict}" variant)
set(cmake_arguments "")
string(JSON count LENGTH "${verdict}" ways_out)
math(EXPR last "${count} - 1")
foreach(index RANGE ${last})
  string(
    JSON
    argument
    GET
    "${verdict}"
    ways_out
    ${index}
    cmake)
  list(APPEND cmake_arguments "${argument}")
endforeach()
if(ok
   OR NOT answer STREQUAL "problem"
   OR NOT variant STREQUAL "cu121"
   OR NOT "VARIANT cu118" IN_LIST cmake_arguments)
  message(FATAL_ERROR "expected a failed cu121 with VARIANT cu118 as a way out: ${verdict}")
endif()

file(REMOVE "${root}/build-version")
file(WRITE "${root}/share/cmake/Torch/TorchConfigVersion.cmake" "set(PACKAGE_VERSION \"2.1.0\")\n")
file(WRITE "${root}/lib/libtorch_cuda.so" "")
torchcompat_check_torch(DIR "${root}" MODE WARNING RESULT_VARIABLE ok ACCEPT_UNVERIFIED
                                                                      VERDICT_VARIABLE verdict)
if(NOT verdict STREQUAL "")
  message(FATAL_ERROR "a tree of unknown CUDA has no guard verdict, got: ${verdict}")
endif()
message(STATUS "check_torch verdicts as documented")
