include("${CMAKE_CURRENT_LIST_DIR}/../vendor_profile.cmake")
# torch 2.7.0 rocm6.3's gfx list is not in the table (data/rocm-xpu-targets.md, Known gaps): even
# for a GPU as common as gfx1100 that cannot be verified, and it is not a pass.
vendor_profile("${CMAKE_BINARY_DIR}/gfx1100.json" AMD gfx1100)
vendor_guard(
  unverified
  unverified
  "the gfx list of torch 2\\.7\\.0 rocm6\\.3 is not in the table \\(from 2\\.5 the ROCm builder images.*so whether AMD GPU 0 \\(gfx1100\\) has code in it cannot be verified"
  TORCH
  2.7.0
  VARIANT
  rocm6.3)
