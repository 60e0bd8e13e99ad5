# The package's own modules pass the layout rules of tests/cmake/module_layout.cmake.
set(layout_root "${TorchCompat_DIR}")
include("${CMAKE_CURRENT_LIST_DIR}/../module_layout.cmake")
