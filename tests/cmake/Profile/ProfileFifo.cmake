# A profile that is a named pipe nobody writes is refused, not waited on.
execute_process(COMMAND mkfifo "${CMAKE_BINARY_DIR}/pipe.json" RESULT_VARIABLE made)
if(NOT made EQUAL 0)
  message(FATAL_ERROR "mkfifo failed: ${made}")
endif()
set(TORCHCOMPAT_TARGET_PROFILE "${CMAKE_BINARY_DIR}/pipe.json")
torchcompat_detect()
