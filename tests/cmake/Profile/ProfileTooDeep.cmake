# A profile nested a thousand levels deep (issue 20): refused with the file named before CMake's
# JSON reader, which recurses, sees it.
file(READ "${CMAKE_CURRENT_LIST_DIR}/ProfileApplies.cmake" body)
string(REGEX MATCH "\\[=\\[(.*)\\]=\\]" json "${body}")
string(REPEAT "[" 1000 open)
string(REPEAT "]" 1000 close)
string(REPLACE "\"schema_version\": 1," "\"schema_version\": 1, \"x\": ${open}${close}," json
               "${CMAKE_MATCH_1}")
file(WRITE "${CMAKE_BINARY_DIR}/deep.json" "${json}")
set(TORCHCOMPAT_TARGET_PROFILE "${CMAKE_BINARY_DIR}/deep.json")
torchcompat_detect()
