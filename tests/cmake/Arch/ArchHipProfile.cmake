include("${CMAKE_CURRENT_LIST_DIR}/../vendor_profile.cmake")
# The HIP architectures of the target machine's AMD GPUs: distinct, in the probe's order; the
# GPU whose architecture the probe could not decode is left out, with a warning.
vendor_profile(
  "${CMAKE_BINARY_DIR}/amd.json"
  AMD
  gfx1100
  gfx942
  gfx1100
  null
  gfx1103)
torchcompat_hip_architectures(archs)
if(NOT archs STREQUAL "gfx1100;gfx942;gfx1103")
  message(FATAL_ERROR "HIP architectures: '${archs}'")
endif()
# Limited to what the ROCm libtorch carries (torch 2.3.0 rocm5.7 has no gfx942, gfx1103).
torchcompat_hip_architectures(archs LIBTORCH_BUILD 2.3.0 rocm5.7)
if(NOT archs STREQUAL "gfx1100")
  message(FATAL_ERROR "with torch 2.3.0 rocm5.7: '${archs}'")
endif()
torchcompat_hip_architectures(archs GPU_ARCHS gfx90a gfx1030 LIBTORCH_ARCHS gfx90a)
if(NOT archs STREQUAL "gfx90a")
  message(FATAL_ERROR "GPU_ARCHS and LIBTORCH_ARCHS: '${archs}'")
endif()
# A build whose list is not recorded limits nothing.
torchcompat_hip_architectures(archs LIBTORCH_BUILD 2.7.0 rocm6.3)
if(NOT archs STREQUAL "gfx1100;gfx942;gfx1103")
  message(FATAL_ERROR "with torch 2.7.0 rocm6.3: '${archs}'")
endif()
