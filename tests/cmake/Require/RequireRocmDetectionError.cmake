include("${CMAKE_CURRENT_LIST_DIR}/../vendor_profile.cmake")
# The AMD detection could not answer: the build cannot be verified, with the detector's reason.
vendor_profile("${CMAKE_BINARY_DIR}/amd-error.json" AMD_ERROR)
vendor_guard(
  unverified
  unverified
  "AMD GPUs is not known \\(/sys/class/kfd/kfd/topology/nodes is not readable\\)"
  TORCH
  2.3.0
  VARIANT
  rocm5.7)
