# Installs the TorchCompat build tree BUILD_DIR into a staging prefix, then
# moves it to DESTINATION: package cases find it there, which proves the
# install tree holds no absolute paths.
cmake_minimum_required(VERSION 3.22...4.4)
get_filename_component(parent "${DESTINATION}" DIRECTORY)
set(staging "${parent}/staging-prefix")
file(REMOVE_RECURSE "${staging}" "${DESTINATION}")
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${staging}"
                RESULT_VARIABLE result OUTPUT_QUIET)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "cmake --install ${BUILD_DIR} failed (${result})")
endif()
file(RENAME "${staging}" "${DESTINATION}")
