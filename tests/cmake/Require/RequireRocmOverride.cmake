include("${CMAKE_CURRENT_LIST_DIR}/../vendor_profile.cmake")
# TORCHCOMPAT_OVERRIDE_AMD_GFX describes the target machine's AMD GPUs through the probe, as a
# cache variable or from the environment: empty means none (the ROCm build runs on the CPU
# only), gfx1103 has no code in torch 2.3.0 rocm5.7, gfx1100 has.
set(TORCHCOMPAT_OVERRIDE_AMD_GFX "")
vendor_guard(
  cpu-only
  cpu-only
  "no AMD GPU is visible \\(TORCHCOMPAT_OVERRIDE_AMD_GFX"
  TORCH
  2.3.0
  VARIANT
  rocm5.7)
set(TORCHCOMPAT_OVERRIDE_AMD_GFX "gfx1100;gfx1103")
vendor_guard(
  problem
  fails
  "AMD GPU 1 \\([^)]*gfx1103\\) has no code in torch 2\\.3\\.0 rocm5\\.7"
  TORCH
  2.3.0
  VARIANT
  rocm5.7)
set(TORCHCOMPAT_OVERRIDE_AMD_GFX "gfx1100")
vendor_guard(
  works
  -
  ""
  TORCH
  2.3.0
  VARIANT
  rocm5.7)
unset(TORCHCOMPAT_OVERRIDE_AMD_GFX)
# The environment's, when no cache or normal variable names it (the -env.txt sets Intel's).
vendor_guard(
  problem
  fails
  "Intel GPU 0 \\([^)]*Gen9\\) is older than the Alchemist"
  TORCH
  2.7.0
  VARIANT
  xpu)
