include("${CMAKE_CURRENT_LIST_DIR}/../vendor_profile.cmake")
# gfx1103 (a Radeon 780M APU) has no code in torch 2.3.0 rocm5.7, whose gfx list stops at
# gfx1100: it fails, saying which builds have it (none the table knows), and the cpu build is a
# way out.
vendor_profile("${CMAKE_BINARY_DIR}/gfx1103.json" AMD gfx1103)
vendor_guard(
  problem
  fails
  "AMD GPU 0 \\(gfx1103\\) has no code in torch 2\\.3\\.0 rocm5\\.7, which carries code for gfx900, gfx906, gfx908, gfx90a, gfx1030, gfx1100 only: no ROCm build whose gfx list the table knows has code for gfx1103"
  TORCH
  2.3.0
  VARIANT
  rocm5.7
  WAY
  "^VARIANT cpu$")
