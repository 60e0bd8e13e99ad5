include("${CMAKE_CURRENT_LIST_DIR}/../vendor_profile.cmake")
# A ROCm build on a machine with no AMD GPU: certain, it runs on the CPU only (issue 18).
vendor_profile("${CMAKE_BINARY_DIR}/no-amd.json" AMD_NONE INTEL_NONE)
vendor_guard(
  cpu-only
  cpu-only
  "rocm5\\.7 would run on the CPU only: no AMD GPU is visible \\(no GPU node"
  TORCH
  2.3.0
  VARIANT
  rocm5.7)
