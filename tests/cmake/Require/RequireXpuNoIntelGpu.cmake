include("${CMAKE_CURRENT_LIST_DIR}/../vendor_profile.cmake")
# The XPU build on a machine with no Intel GPU: it runs on the CPU only.
vendor_profile("${CMAKE_BINARY_DIR}/no-intel.json" AMD_NONE INTEL_NONE)
vendor_guard(
  cpu-only
  cpu-only
  "xpu would run on the CPU only: no Intel GPU is visible"
  TORCH
  2.7.0
  VARIANT
  xpu)
