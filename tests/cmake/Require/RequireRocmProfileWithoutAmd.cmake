include("${CMAKE_CURRENT_LIST_DIR}/../vendor_profile.cmake")
# A target profile saved by a probe that did not look for AMD GPUs says nothing about them:
# not "none" (that would be CPU only), but not known.
vendor_profile("${CMAKE_BINARY_DIR}/old-probe.json")
vendor_guard(
  unverified
  unverified
  "whether this machine has AMD GPUs is not known \\(the target profile was saved by a torchcompat-probe that does not detect AMD GPUs\\)"
  TORCH
  2.3.0
  VARIANT
  rocm5.7)
vendor_guard(
  unverified
  unverified
  "whether this machine has Intel GPUs is not known"
  TORCH
  2.7.0
  VARIANT
  xpu)
