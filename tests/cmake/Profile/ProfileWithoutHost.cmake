# Saved by a probe that did not yet say where and when it ran.
file(READ "${CMAKE_CURRENT_LIST_DIR}/ProfileApplies.cmake" body)
string(REGEX MATCH "\\[=\\[(.*)\\]=\\]" json "${body}")
string(REPLACE "\"host\": \"gpu-node-7\", " "" json "${CMAKE_MATCH_1}")
file(WRITE "${CMAKE_BINARY_DIR}/old.json" "${json}")
set(TORCHCOMPAT_TARGET_PROFILE "${CMAKE_BINARY_DIR}/old.json")
torchcompat_detect()
