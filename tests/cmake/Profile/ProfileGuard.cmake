# The guard judges the target machine of a profile, and says which machine it judged.
file(READ "${CMAKE_CURRENT_LIST_DIR}/ProfileApplies.cmake" body)
string(REGEX MATCH "\\[=\\[(.*)\\]=\\]" json "${body}")
string(REPLACE "535.104.05" "470.82.01" json "${CMAKE_MATCH_1}")
string(REPLACE "\"cuda_version\": \"12.2\"" "\"cuda_version\": \"11.4\"" json "${json}")
file(WRITE "${CMAKE_BINARY_DIR}/old-driver.json" "${json}")
set(TORCHCOMPAT_TARGET_PROFILE "${CMAKE_BINARY_DIR}/old-driver.json")
torchcompat_require(TORCH 2.4.0 VARIANT cu121)
