# Prints the mirrored form of an official URL, then fails on a foreign one.
include("${REPO}/cmake/Internal/fetch/TorchCompatDownload.cmake")
# The config file sets this for a real consumer; the official base URL is read from the table.
set_property(GLOBAL PROPERTY TORCHCOMPAT_DATA_DIR "${REPO}/data")
_torchcompat_apply_mirror(url "https://download.pytorch.org/libtorch/cpu/x%2Bcpu.zip"
                          "https://mirror.example/libtorch/")
message(STATUS "${url}")
_torchcompat_apply_mirror(url "https://example.org/x.zip" "https://mirror.example/libtorch")
