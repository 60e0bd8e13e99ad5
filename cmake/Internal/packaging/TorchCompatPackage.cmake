# Makes find_package(TorchCompat) work from the build tree and from an install
# tree, installs the package, and (top level only) describes the release
# packages for CPack. Included by the top-level CMakeLists.txt only.

include(GNUInstallDirs)

# The version check lives in the sources (cmake/TorchCompatConfigVersion.cmake);
# other trees forward to it.
file(WRITE "${PROJECT_BINARY_DIR}/TorchCompatConfigVersion.cmake"
     "include(\"${PROJECT_SOURCE_DIR}/cmake/TorchCompatConfigVersion.cmake\")\n")

if(PROJECT_IS_TOP_LEVEL)
  # Build tree: a config that forwards to the sources and uses the probe built here.
  file(
    GENERATE
    OUTPUT "${PROJECT_BINARY_DIR}/TorchCompatConfig.cmake"
    CONTENT
      "# Generated: TorchCompat used from its build tree.
set(_TORCHCOMPAT_BUILD_TREE_PROBE \"$<TARGET_FILE:torchcompat-probe>\")
include(\"${PROJECT_SOURCE_DIR}/cmake/TorchCompatConfig.cmake\")
")
else()
  # The parent's find_package(TorchCompat) gets the source-tree config, whose
  # probe comes from the per-user cache.
  if(CMAKE_FIND_PACKAGE_REDIRECTS_DIR)
    # CMake 3.24+: FetchContent's own way of answering find_package for a dependency.
    set(_torchcompat_parent_config_dir "${CMAKE_FIND_PACKAGE_REDIRECTS_DIR}")
    set(_torchcompat_parent_config "torchcompat-config")
    set(_torchcompat_parent_version "torchcompat-config-version")
  else()
    set(_torchcompat_parent_config_dir "${PROJECT_BINARY_DIR}/parent-config")
    set(_torchcompat_parent_config "TorchCompatConfig")
    set(_torchcompat_parent_version "TorchCompatConfigVersion")
    set(TorchCompat_DIR "${_torchcompat_parent_config_dir}" CACHE PATH
                                                                  "TorchCompat's package directory")
  endif()
  file(WRITE "${_torchcompat_parent_config_dir}/${_torchcompat_parent_config}.cmake"
       "include(\"${PROJECT_SOURCE_DIR}/cmake/TorchCompatConfig.cmake\")\n")
  file(WRITE "${_torchcompat_parent_config_dir}/${_torchcompat_parent_version}.cmake"
       "include(\"${PROJECT_SOURCE_DIR}/cmake/TorchCompatConfigVersion.cmake\")\n")
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
  # The package's modules; the files that only build and package it stay behind.
  install(
    DIRECTORY cmake/
    DESTINATION "${_torchcompat_config_dir}"
    PATTERN "probe-project" EXCLUDE
    PATTERN "packaging" EXCLUDE
    PATTERN "scripts" EXCLUDE)
  install(FILES "${PROJECT_BINARY_DIR}/install/TorchCompatInstallLayout.cmake"
          DESTINATION "${_torchcompat_config_dir}")
  if(NOT PROJECT_IS_TOP_LEVEL)
    # A parent that installs TorchCompat with itself installs the probe it
    # uses, the per-user cache's (tool/ installs its own target at top level).
    _torchcompat_probe_executable(_torchcompat_probe)
    if(_torchcompat_probe)
      install(PROGRAMS "${_torchcompat_probe}" DESTINATION "${CMAKE_INSTALL_BINDIR}")
    endif()
  endif()
  # The torchcompat command, told where the package is relative to bin/.
  file(RELATIVE_PATH _torchcompat_cli_rel "/prefix/${CMAKE_INSTALL_BINDIR}"
       "/prefix/${_torchcompat_config_dir}")
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
                                         "${PROJECT_SOURCE_DIR}/bin/torchcompat")
  file(READ "${PROJECT_SOURCE_DIR}/bin/torchcompat" _torchcompat_cli)
  string(REPLACE "installed_package_dir=\"\"" "installed_package_dir=\"${_torchcompat_cli_rel}\""
                 _torchcompat_cli "${_torchcompat_cli}")
  file(WRITE "${PROJECT_BINARY_DIR}/install/torchcompat" "${_torchcompat_cli}")
  install(PROGRAMS "${PROJECT_BINARY_DIR}/install/torchcompat"
          DESTINATION "${CMAKE_INSTALL_BINDIR}")
  install(
    DIRECTORY data/
    DESTINATION "${_torchcompat_data_dir}"
    FILES_MATCHING
    PATTERN "*.json"
    PATTERN "*.md")
  # Named as the package (Debian's /usr/share/doc/<package>), not the project.
  install(FILES LICENSE README.md CHANGELOG.md
          DESTINATION "${CMAKE_INSTALL_DATAROOTDIR}/doc/torchcompat")
endif()

if(PROJECT_IS_TOP_LEVEL AND TORCHCOMPAT_INSTALL)
  include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatCPack.cmake")
endif()
