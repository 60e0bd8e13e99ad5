# Makes find_package(TorchCompat) work from the build tree and from an install
# tree. Included by the top-level CMakeLists.txt only.

include(CMakePackageConfigHelpers)
include(GNUInstallDirs)

set(_torchcompat_version_file "${PROJECT_BINARY_DIR}/TorchCompatConfigVersion.cmake")
# The probe is the only compiled part and runs on the build host; the package
# itself does not depend on the consumer's architecture.
write_basic_package_version_file("${_torchcompat_version_file}" VERSION ${PROJECT_VERSION}
                                 COMPATIBILITY SameMajorVersion ARCH_INDEPENDENT)

# Build tree: a config that forwards to the sources and uses the probe built here.
file(
  GENERATE
  OUTPUT "${PROJECT_BINARY_DIR}/TorchCompatConfig.cmake"
  CONTENT
    "# Generated: TorchCompat used from its build tree.
if(NOT TORCHCOMPAT_PROBE_EXECUTABLE AND EXISTS \"$<TARGET_FILE:torchcompat-probe>\")
  set(TORCHCOMPAT_PROBE_EXECUTABLE \"$<TARGET_FILE:torchcompat-probe>\")
endif()
include(\"${PROJECT_SOURCE_DIR}/cmake/TorchCompatConfig.cmake\")
")

if(NOT PROJECT_IS_TOP_LEVEL)
  if(CMAKE_FIND_PACKAGE_REDIRECTS_DIR)
    # CMake 3.24+: FetchContent's own way of answering find_package for a dependency.
    file(WRITE "${CMAKE_FIND_PACKAGE_REDIRECTS_DIR}/torchcompat-config.cmake"
         "include(\"${PROJECT_BINARY_DIR}/TorchCompatConfig.cmake\")\n")
    configure_file("${_torchcompat_version_file}"
                   "${CMAKE_FIND_PACKAGE_REDIRECTS_DIR}/torchcompat-config-version.cmake" COPYONLY)
  else()
    set(TorchCompat_DIR "${PROJECT_BINARY_DIR}" CACHE PATH "TorchCompat's package directory")
  endif()
endif()

if(TORCHCOMPAT_INSTALL)
  set(_torchcompat_config_dir "${CMAKE_INSTALL_LIBDIR}/cmake/TorchCompat")
  set(_torchcompat_data_dir "${CMAKE_INSTALL_DATADIR}/torchcompat/data")
  # Paths relative to the config, so the installed tree can be moved.
  file(RELATIVE_PATH _torchcompat_data_rel "/prefix/${_torchcompat_config_dir}"
       "/prefix/${_torchcompat_data_dir}")
  file(RELATIVE_PATH _torchcompat_probe_rel "/prefix/${_torchcompat_config_dir}"
       "/prefix/${CMAKE_INSTALL_BINDIR}/torchcompat-probe${CMAKE_EXECUTABLE_SUFFIX}")
  file(
    WRITE "${PROJECT_BINARY_DIR}/install/TorchCompatInstallLayout.cmake"
    "# Generated at install: where the installed parts are, relative to this file.
set(_torchcompat_data_rel \"${_torchcompat_data_rel}\")
set(_torchcompat_probe_rel \"${_torchcompat_probe_rel}\")
")
  install(
    DIRECTORY cmake/
    DESTINATION "${_torchcompat_config_dir}"
    PATTERN "probe-project" EXCLUDE)
  install(FILES "${PROJECT_BINARY_DIR}/install/TorchCompatInstallLayout.cmake"
                "${_torchcompat_version_file}" DESTINATION "${_torchcompat_config_dir}")
  install(
    DIRECTORY data/
    DESTINATION "${_torchcompat_data_dir}"
    FILES_MATCHING
    PATTERN "*.json"
    PATTERN "*.md")
endif()
