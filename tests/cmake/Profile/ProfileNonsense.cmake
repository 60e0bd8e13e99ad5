# Hand-edited into nonsense: a compute capability no GPU has.
file(READ "${CMAKE_CURRENT_LIST_DIR}/ProfileApplies.cmake" body)
string(REGEX MATCH "\\[=\\[(.*)\\]=\\]" json "${body}")
string(REPLACE "\"8.6\"" "\"-1.-1\"" json "${CMAKE_MATCH_1}")
file(WRITE "${CMAKE_BINARY_DIR}/edited.json" "${json}")
set(TORCHCOMPAT_TARGET_PROFILE "${CMAKE_BINARY_DIR}/edited.json")
torchcompat_detect()
