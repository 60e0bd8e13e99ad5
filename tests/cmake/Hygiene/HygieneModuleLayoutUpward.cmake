# A copy of the package where a low layer reaches up: a common/ module includes
# a checks/ module, and a fetch/ module calls a public command. The layout
# check must name both.
set(layout_root "${CMAKE_CURRENT_BINARY_DIR}/upward-package")
file(REMOVE_RECURSE "${layout_root}")
file(COPY "${TorchCompat_DIR}/" DESTINATION "${layout_root}")
file(APPEND "${layout_root}/Internal/common/TorchCompatJson.cmake"
     "include(\"\${CMAKE_CURRENT_LIST_DIR}/../checks/TorchCompatRunsHere.cmake\")\n")
file(APPEND "${layout_root}/Internal/fetch/TorchCompatFetchKnobs.cmake"
     "function(_torchcompat_upward)\n  torchcompat_detect()\nendfunction()\n")
include("${CMAKE_CURRENT_LIST_DIR}/../module_layout.cmake")
