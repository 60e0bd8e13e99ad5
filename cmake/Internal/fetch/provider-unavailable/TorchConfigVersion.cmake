# Accepts every request, so that the "not found" of TorchConfig.cmake beside it is what the
# project sees rather than a version mismatch.
set(PACKAGE_VERSION "0")
set(PACKAGE_VERSION_COMPATIBLE TRUE)
set(PACKAGE_VERSION_EXACT TRUE)
