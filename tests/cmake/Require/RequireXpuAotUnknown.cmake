include("${CMAKE_CURRENT_LIST_DIR}/../vendor_profile.cmake")
# An Arc A770 (Xe-HPG) is at PyTorch's floor, but the XPU build's AOT targets are not in the
# table: cannot be verified, never a pass.
vendor_profile("${CMAKE_BINARY_DIR}/arc.json" INTEL Xe-HPG)
vendor_guard(
  unverified
  unverified
  "the AOT targets of torch 2\\.7\\.0 xpu are not in the table"
  TORCH
  2.7.0
  VARIANT
  xpu)
