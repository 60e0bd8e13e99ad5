# A profile with 100000 GPUs (issue 20): refused at once with the file named, not checked GPU by
# GPU for minutes.
file(READ "${CMAKE_CURRENT_LIST_DIR}/ProfileApplies.cmake" body)
string(REGEX MATCH "\\[=\\[(.*)\\]=\\]" json "${body}")
set(json "${CMAKE_MATCH_1}")
string(JSON gpu GET "${json}" gpus 0)
string(REPEAT "${gpu}," 99999 more)
string(REPLACE "\"gpus\": [" "\"gpus\": [${more}" json "${json}")
file(WRITE "${CMAKE_BINARY_DIR}/many.json" "${json}")
set(TORCHCOMPAT_TARGET_PROFILE "${CMAKE_BINARY_DIR}/many.json")
torchcompat_detect()
