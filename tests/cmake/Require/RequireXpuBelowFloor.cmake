include("${CMAKE_CURRENT_LIST_DIR}/../vendor_profile.cmake")
# A Gen9 iGPU (HD Graphics 530) is older than the Alchemist (Arc A-Series) floor of torch 2.7.0's
# Intel GPU page: the XPU build fails, and the cpu build is the way out. For 2.8.0, whose page the
# table lacks, the same GPU cannot be verified: no floor, no "no".
vendor_profile("${CMAKE_BINARY_DIR}/gen9.json" INTEL Gen9)
vendor_guard(
  problem
  fails
  "Intel GPU 0 \\(Gen9\\) is older than the Alchemist \\(Xe-HPG\\) GPUs that PyTorch supports for torch 2\\.7\\.0 xpu"
  TORCH
  2.7.0
  VARIANT
  xpu
  WAY
  "^VARIANT cpu$")
vendor_guard(
  unverified
  unverified
  "the Intel GPUs that torch 2\\.8\\.0 xpu supports are not in the table"
  TORCH
  2.8.0
  VARIANT
  xpu)
