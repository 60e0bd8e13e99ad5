include("${CMAKE_CURRENT_LIST_DIR}/../vendor_profile.cmake")
# gfx942 (MI300) is in rocm6.0's list of torch 2.3.0 but not rocm5.7's: the failure names the
# builds that have it, and the other ROCm build of the release is the way out; for torch 2.2.0,
# none of whose ROCm builds has it, the newest release with one that passes here.
vendor_profile("${CMAKE_BINARY_DIR}/gfx942.json" AMD gfx942)
vendor_guard(
  problem
  fails
  "builds with code for gfx942: torch 2\\.4\\.1 rocm6\\.1, torch 2\\.4\\.1 rocm6\\.0, torch 2\\.4\\.0 rocm6\\.1, \\.\\.\\."
  TORCH
  2.3.0
  VARIANT
  rocm5.7
  WAY
  "^VARIANT rocm6\\.0$")
vendor_guard(
  problem
  fails
  "has no code in torch 2\\.2\\.0 rocm5\\.7"
  TORCH
  2.2.0
  VARIANT
  rocm5.7
  WAY
  "^TORCH 2\\.4\\.1\\+rocm6\\.1$")
