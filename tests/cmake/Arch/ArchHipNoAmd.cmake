include("${CMAKE_CURRENT_LIST_DIR}/../vendor_profile.cmake")
# No AMD GPU on the target machine: an empty value and a warning that says why. A profile that
# does not know (saved by an older probe) says that instead.
vendor_profile("${CMAKE_BINARY_DIR}/none.json" AMD_NONE)
torchcompat_hip_architectures(archs)
if(NOT archs STREQUAL "")
  message(FATAL_ERROR "'${archs}'")
endif()
vendor_profile("${CMAKE_BINARY_DIR}/old.json")
torchcompat_hip_architectures(archs)
if(NOT archs STREQUAL "")
  message(FATAL_ERROR "'${archs}'")
endif()
