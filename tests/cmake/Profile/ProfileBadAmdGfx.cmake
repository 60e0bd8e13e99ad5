include("${CMAKE_CURRENT_LIST_DIR}/../vendor_profile.cmake")
# A profile whose AMD GPU names no gfx architecture is refused before anything reads it.
vendor_profile("${CMAKE_BINARY_DIR}/bad-gfx.json" AMD sm_86)
torchcompat_detect()
