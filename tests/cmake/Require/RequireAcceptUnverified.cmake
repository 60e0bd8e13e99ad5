# TORCHCOMPAT_ACCEPT_UNVERIFIED (here from -args.txt) turns what cannot be
# verified into a warning; the guard passes.
include("${CMAKE_CURRENT_LIST_DIR}/../guard_data.cmake")
guard_build_set(2.4.0 cu124 sass null)
guard_build_set(2.4.0 cu124 ptx null)
guard_machine(DRIVER 550.54.14 CUDA 12.4 GPUS 8.6)
torchcompat_require(TORCH 2.4.0 VARIANT cu124 RESULT_VARIABLE ok)
if(NOT ok)
  message(FATAL_ERROR "ACCEPT_UNVERIFIED should make this a pass")
endif()
torchcompat_require(TORCH 2.4.0 VARIANT cu124 ACCEPT_UNVERIFIED)
