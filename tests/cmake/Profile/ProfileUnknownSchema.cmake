file(WRITE "${CMAKE_BINARY_DIR}/future.json"
     [=[{"schema_version": 7, "probe": {"host": "h", "time": "2030-01-01T00:00:00Z"}}]=])
set(TORCHCOMPAT_TARGET_PROFILE "${CMAKE_BINARY_DIR}/future.json")
torchcompat_detect()
