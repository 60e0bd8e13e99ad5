include("${CMAKE_CURRENT_LIST_DIR}/../vendor_profile.cmake")
# An AMD GPU whose architecture the probe could not decode cannot be checked against any list.
vendor_profile("${CMAKE_BINARY_DIR}/undecoded.json" AMD null)
vendor_guard(
  unverified
  unverified
  "could not decode the architecture of AMD GPU 0 \\(gfx_target_version 110300, not decoded\\)"
  TORCH
  2.3.0
  VARIANT
  rocm5.7)
