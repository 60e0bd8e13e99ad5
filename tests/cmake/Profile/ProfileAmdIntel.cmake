include("${CMAKE_CURRENT_LIST_DIR}/../vendor_profile.cmake")
# A target profile's AMD and Intel GPUs answer for the target machine: torchcompat_detect gives
# the distinct decoded gfx and generations, and counts the GPUs, the undecoded one included.
vendor_profile(
  "${CMAKE_BINARY_DIR}/amd-intel.json"
  AMD
  gfx1100
  gfx942
  gfx1100
  null
  INTEL
  Xe-HPG)
torchcompat_detect()
set(actual
    "${TorchCompat_AMD_GFX}|${TorchCompat_AMD_GPU_COUNT}|${TorchCompat_INTEL_GENERATIONS}|${TorchCompat_INTEL_GPU_COUNT}"
)
if(NOT actual STREQUAL "gfx1100;gfx942|4|Xe-HPG|1")
  message(FATAL_ERROR "AMD and Intel answers: ${actual}")
endif()
# A profile without the members knows nothing of such GPUs: no gfx, no count.
vendor_profile("${CMAKE_BINARY_DIR}/old-probe.json")
torchcompat_detect(QUIET)
if(NOT "${TorchCompat_AMD_GFX}|${TorchCompat_AMD_GPU_COUNT}" STREQUAL "|0")
  message(FATAL_ERROR "old profile: ${TorchCompat_AMD_GFX}|${TorchCompat_AMD_GPU_COUNT}")
endif()
