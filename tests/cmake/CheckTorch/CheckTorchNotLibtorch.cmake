torchcompat_check_torch(DIR "${CMAKE_BINARY_DIR}")
