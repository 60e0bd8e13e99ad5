# Debian's libtorch-dev, a real CPU libtorch: the expected version is what its own files say.
set(dir /usr/lib/x86_64-linux-gnu/cmake/Torch)
file(STRINGS "${dir}/TorchConfigVersion.cmake" line REGEX "set\\(PACKAGE_VERSION" LIMIT_COUNT 1)
string(REGEX MATCH "[0-9]+\\.[0-9]+\\.[0-9]+" expected "${line}")
torchcompat_check_torch(
  DIR "${dir}"
  VERSION_VARIABLE version
  VARIANT_VARIABLE variant
  ABI_VARIABLE abi
  RESULT_VARIABLE ok)
if(NOT version STREQUAL expected
   OR NOT variant STREQUAL "cpu"
   OR NOT abi STREQUAL "cxx11"
   OR NOT ok)
  message(
    FATAL_ERROR "read ${version} ${variant} ${abi} ${ok}, expected ${expected} cpu cxx11 TRUE")
endif()
