include("${CMAKE_CURRENT_LIST_DIR}/../guard_data.cmake")
guard_machine(DRIVER 535.104.05 CUDA 12.2 GPUS 8.6)
torchcompat_report(TORCH 2.4.0 OUTPUT_VARIABLE text)
message(STATUS "${text}")
