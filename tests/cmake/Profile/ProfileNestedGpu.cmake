# A GPU object with a nested value (issue 20): an error naming the file, not a GPU silently dropped.
file(READ "${CMAKE_CURRENT_LIST_DIR}/ProfileApplies.cmake" body)
string(REGEX MATCH "\\[=\\[(.*)\\]=\\]" json "${body}")
string(REPLACE "\"uuid\": \"GPU-1\"" "\"uuid\": \"GPU-1\", \"extra\": {\"clocks\": [1, 2]}" json
               "${CMAKE_MATCH_1}")
file(WRITE "${CMAKE_BINARY_DIR}/nested.json" "${json}")
set(TORCHCOMPAT_TARGET_PROFILE "${CMAKE_BINARY_DIR}/nested.json")
torchcompat_detect()
