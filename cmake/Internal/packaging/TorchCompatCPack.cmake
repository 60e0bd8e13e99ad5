# The release packages of the install tree, made by `cpack` in a top-level
# build directory: a relocatable .tar.gz (unpack anywhere; every installed path
# is relative) and a Debian package (installs under /usr). `cpack --config
# CPackSourceConfig.cmake` makes the source release archive,
# torchcompat-<version>.tar.gz, that FetchContent's URL can name.
# Included by cmake/Internal/packaging/TorchCompatPackage.cmake, top level only.

set(TORCHCOMPAT_PACKAGE_MAINTAINER
    "TorchCompat maintainers <maintainers@users.noreply.r-seed-c1ed9377.example>"
    CACHE STRING "TorchCompat: the Maintainer field of the .deb (Name <email>)")

set(CPACK_PACKAGE_NAME torchcompat)
set(CPACK_PACKAGE_VENDOR "TorchCompat contributors")
set(CPACK_PACKAGE_CONTACT "${TORCHCOMPAT_PACKAGE_MAINTAINER}")
# CPACK_PACKAGE_VERSION comes from project(), which reads TorchCompatVersion.cmake.
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
# The .deb's long description (its first line is the summary above).
string(
  CONCAT
    CPACK_PACKAGE_DESCRIPTION
    "torchcompat-probe detects the CUDA toolkits, NVIDIA driver, GPUs and cuDNN of a machine; the "
    "CMake package TorchCompat turns that and its compatibility tables into a configure-time guard "
    "and a libtorch selector and fetcher; the torchcompat command answers from the shell.")
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/LICENSE")
set(CPACK_RESOURCE_FILE_README "${PROJECT_SOURCE_DIR}/README.md")
set(CPACK_PACKAGE_CHECKSUM SHA256)
set(CPACK_STRIP_FILES TRUE)
# An absolute destination would make the .tar.gz unmovable: refuse it.
set(CPACK_ERROR_ON_ABSOLUTE_INSTALL_DESTINATION TRUE)
set(CPACK_PACKAGE_FILE_NAME
    "${CPACK_PACKAGE_NAME}-${PROJECT_VERSION}-${CMAKE_SYSTEM_NAME}-${CMAKE_SYSTEM_PROCESSOR}")

if(CMAKE_SYSTEM_NAME STREQUAL "Linux")
  set(CPACK_GENERATOR TGZ DEB)
else()
  set(CPACK_GENERATOR TGZ)
endif()

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${TORCHCOMPAT_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
# The torchcompat command runs the CMake package in script mode.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "cmake (>= 3.22)")
find_program(TORCHCOMPAT_DPKG_SHLIBDEPS dpkg-shlibdeps)
mark_as_advanced(TORCHCOMPAT_DPKG_SHLIBDEPS)
if(TORCHCOMPAT_DPKG_SHLIBDEPS)
  # The C and C++ runtime the probe links, with the versions it needs.
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
endif()

set(CPACK_SOURCE_GENERATOR TGZ)
set(CPACK_SOURCE_PACKAGE_FILE_NAME "${CPACK_PACKAGE_NAME}-${PROJECT_VERSION}")
# Build folders, version control and caches are not sources.
string(REGEX REPLACE "([][+.*()^$?|\\\\])" "\\\\\\1" _torchcompat_source_re "${PROJECT_SOURCE_DIR}")
string(REGEX REPLACE "([][+.*()^$?|\\\\])" "\\\\\\1" _torchcompat_binary_re "${PROJECT_BINARY_DIR}")
set(_torchcompat_ignore
    "^${_torchcompat_source_re}/build/"
    "^${_torchcompat_binary_re}/"
    "^${_torchcompat_source_re}/\\.git/"
    "^${_torchcompat_source_re}/\\.git$"
    "/__pycache__/"
    "\\.pyc$"
    "~$")
# CPack writes these into CPackSourceConfig.cmake unescaped: double each backslash.
string(REPLACE "\\" "\\\\" CPACK_SOURCE_IGNORE_FILES "${_torchcompat_ignore}")

# A re-made source archive must be byte for byte the same, or every consumer's URL_HASH breaks:
# entries owned by 0:0 (CMake 4.3+; older CMakes use the packager's ids) and every time stamp set
# to SOURCE_DATE_EPOCH, by default the time of the checkout's last commit (read by cpack, which
# includes this file before it packs).
set(CPACK_ARCHIVE_UID 0)
set(CPACK_ARCHIVE_GID 0)
set(_torchcompat_epoch "")
find_package(Git QUIET)
if(GIT_FOUND AND EXISTS "${PROJECT_SOURCE_DIR}/.git")
  execute_process(
    COMMAND "${GIT_EXECUTABLE}" log -1 --format=%ct
    WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}"
    OUTPUT_VARIABLE _torchcompat_epoch
    OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
endif()
if(NOT _torchcompat_epoch MATCHES "^[0-9]+$")
  # No history (an unpacked source archive): the newest file's time is as stable as the tree.
  file(TIMESTAMP "${PROJECT_SOURCE_DIR}/CMakeLists.txt" _torchcompat_epoch "%s" UTC)
endif()
set(CPACK_PROJECT_CONFIG_FILE "${PROJECT_BINARY_DIR}/TorchCompatCPackProject.cmake")
file(
  WRITE "${CPACK_PROJECT_CONFIG_FILE}"
  "# Written by TorchCompatCPack.cmake: reproducible archives unless SOURCE_DATE_EPOCH is given.\n"
  "if(\"\$ENV{SOURCE_DATE_EPOCH}\" STREQUAL \"\")\n"
  "  set(ENV{SOURCE_DATE_EPOCH} ${_torchcompat_epoch})\n" "endif()\n")

include(CPack)
