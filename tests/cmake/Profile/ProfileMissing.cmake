set(TORCHCOMPAT_TARGET_PROFILE "${CMAKE_BINARY_DIR}/no-such-profile.json")
torchcompat_detect()
