# The pair fix is a way out, not only inline (issue 15): TORCHVISION 0.18.0
# with torch 2.4.0 lists torchvision 0.19.0 first under "Ways out".
include("${CMAKE_CURRENT_LIST_DIR}/../guard_data.cmake")
guard_machine(DRIVER 550.54.14 CUDA 12.4 GPUS 8.6)
torchcompat_require(TORCH 2.4.0 TORCHVISION 0.18.0 VARIANT cu121)
