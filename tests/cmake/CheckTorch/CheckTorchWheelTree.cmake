# A tree laid out like a torch wheel's site-packages/torch, built from Debian's
# real libtorch 1.13.1: its CMake files (without the ABI flag, as recent
# TorchConfig.cmake files are), its real libc10.so, and a version.py stating a
# CUDA 11.7 build as PyTorch's wheels write it. The version and CUDA come from
# version.py, the ABI from libc10's dynamic symbols: with nm, and without a
# working one from the library's bytes.
set(debian /usr/lib/x86_64-linux-gnu)
set(torch "${CMAKE_BINARY_DIR}/site-packages/torch")
file(READ "${debian}/cmake/Torch/TorchConfig.cmake" config)
string(REGEX REPLACE "[^\n]*_GLIBCXX_USE_CXX11_ABI[^\n]*" "" config "${config}")
if(config MATCHES "CXX11_ABI")
  message(FATAL_ERROR "the ABI flag is still in the copied TorchConfig.cmake")
endif()
file(WRITE "${torch}/share/cmake/Torch/TorchConfig.cmake" "${config}")
file(COPY "${debian}/cmake/Torch/TorchConfigVersion.cmake" DESTINATION "${torch}/share/cmake/Torch")
file(READ "${debian}/libc10.so" ignored LIMIT 4) # fails the case if Debian's libtorch is missing
get_filename_component(c10 "${debian}/libc10.so" REALPATH)
file(WRITE "${torch}/lib/libtorch_cuda.so" "")
file(COPY_FILE "${c10}" "${torch}/lib/libc10.so")
file(
  WRITE "${torch}/version.py"
  "from typing import Optional\n\n__all__ = ['__version__', 'debug', 'cuda', 'git_version', 'hip']\n"
  "__version__ = '1.13.1+cu117'\ndebug = False\ncuda: Optional[str] = '11.7'\n"
  "git_version = '49444c3e546bf240bed24a101e747422d1f8a0ee'\nhip: Optional[str] = None\n")

# A machine that runs cu117: the guard passes and the case sees only the facts.
set(TORCHCOMPAT_OVERRIDE_DRIVER 535.104.05)
set(TORCHCOMPAT_OVERRIDE_CUDA 12.2)
set(TORCHCOMPAT_OVERRIDE_GPU_ARCHS 8.6)
torchcompat_check_torch(
  DIR "${torch}"
  VERSION_VARIABLE version
  VARIANT_VARIABLE variant
  ABI_VARIABLE abi
  RESULT_VARIABLE ok)
if(NOT "${version}|${variant}|${abi}|${ok}" STREQUAL "1.13.1|cu117|cxx11|TRUE")
  message(FATAL_ERROR "read ${version}|${variant}|${abi}|${ok}, expected 1.13.1|cu117|cxx11|TRUE")
endif()

# nm that fails: the ABI is read from the bytes of the library instead.
find_program(false_program false REQUIRED)
set(CMAKE_NM "${false_program}")
torchcompat_check_torch(DIR "${torch}" ABI_VARIABLE abi)
if(NOT abi STREQUAL "cxx11")
  message(FATAL_ERROR "without nm the ABI read '${abi}', expected cxx11")
endif()
