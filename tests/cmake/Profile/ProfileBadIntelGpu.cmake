include("${CMAKE_CURRENT_LIST_DIR}/../vendor_profile.cmake")
# An Intel GPU that is not a plain object (the probe writes none) is refused before anything
# reads the profile's GPUs.
vendor_profile("${CMAKE_BINARY_DIR}/nested.json" INTEL Xe-HPG)
file(READ "${TORCHCOMPAT_TARGET_PROFILE}" json)
string(
  JSON
  json
  SET
  "${json}"
  intel
  gpus
  0
  driver
  "{\"name\": \"i915\"}")
file(WRITE "${TORCHCOMPAT_TARGET_PROFILE}" "${json}")
torchcompat_detect()
