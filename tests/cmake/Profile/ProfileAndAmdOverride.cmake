include("${CMAKE_CURRENT_LIST_DIR}/../vendor_profile.cmake")
# The AMD override and a target profile both describe the target machine: one of them, please.
vendor_profile("${CMAKE_BINARY_DIR}/p.json" AMD gfx1100)
set(TORCHCOMPAT_OVERRIDE_AMD_GFX "gfx942")
torchcompat_detect()
