include("${CMAKE_CURRENT_LIST_DIR}/../vendor_profile.cmake")
# gfx1100 (Radeon RX 7900) is in torch 2.3.0 rocm5.7's gfx list: the build passes.
vendor_profile("${CMAKE_BINARY_DIR}/gfx1100.json" AMD gfx1100)
vendor_guard(
  works
  -
  ""
  TORCH
  2.3.0
  VARIANT
  rocm5.7)
torchcompat_require(TORCH 2.3.0 VARIANT rocm5.7)
