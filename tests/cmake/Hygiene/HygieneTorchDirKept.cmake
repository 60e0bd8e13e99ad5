# A Torch_DIR the user set (-DTorch_DIR, see -args.txt) is kept by the fetch,
# with a warning naming both trees; the fetched tree is still reported.
set(own "${Torch_DIR}")
set(tree "${CMAKE_CURRENT_BINARY_DIR}/pack/libtorch")
file(WRITE "${tree}/share/cmake/Torch/TorchConfig.cmake" "set(Torch_FOUND TRUE)\n")
file(WRITE "${tree}/include/torch/torch.h" "")
file(WRITE "${tree}/lib/README" "")
set(archive "${CMAKE_CURRENT_BINARY_DIR}/libtorch-cpu.zip")
execute_process(COMMAND "${CMAKE_COMMAND}" -E tar cf "${archive}" --format=zip libtorch
                WORKING_DIRECTORY "${CMAKE_CURRENT_BINARY_DIR}/pack" RESULT_VARIABLE packed)
if(NOT packed EQUAL 0)
  message(FATAL_ERROR "could not pack the stand-in archive")
endif()
file(SHA256 "${archive}" hash)
torchcompat_fetch_libtorch(
  VERSION 2.4.0
  VARIANT cpu
  PLATFORM linux
  ARCH x86_64
  SHA256 "${hash}"
  ARCHIVE "${archive}"
  LOCK_FILE "${CMAKE_CURRENT_BINARY_DIR}/torchcompat.lock"
  CACHE_DIR "${CMAKE_CURRENT_BINARY_DIR}/cache")
if(NOT Torch_DIR STREQUAL own OR NOT "$CACHE{Torch_DIR}" STREQUAL own)
  message(FATAL_ERROR "Torch_DIR was '${own}', is now '${Torch_DIR}' (cache '$CACHE{Torch_DIR}')")
endif()
if(NOT EXISTS "${TorchCompat_LIBTORCH_DIR}/share/cmake/Torch/TorchConfig.cmake")
  message(FATAL_ERROR "TorchCompat_LIBTORCH_DIR '${TorchCompat_LIBTORCH_DIR}' is no fetched tree")
endif()
message(STATUS "Torch_DIR kept: ${Torch_DIR}")
