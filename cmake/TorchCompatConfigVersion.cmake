# find_package(TorchCompat <version>) compatibility: the same major version,
# at least as new as asked (or inside the asked range). One file serves the
# source, build and install trees, so they cannot disagree.
include("${CMAKE_CURRENT_LIST_DIR}/Internal/common/TorchCompatVersion.cmake")
set(PACKAGE_VERSION "${_TORCHCOMPAT_VERSION}")
string(REGEX MATCH "^[0-9]+" _torchcompat_major "${PACKAGE_VERSION}")
set(PACKAGE_VERSION_COMPATIBLE FALSE)
set(PACKAGE_VERSION_EXACT FALSE)

if(PACKAGE_FIND_VERSION_RANGE)
  set(_torchcompat_in_range TRUE)
  if(PACKAGE_VERSION VERSION_LESS PACKAGE_FIND_VERSION_MIN)
    set(_torchcompat_in_range FALSE)
  endif()
  if(PACKAGE_FIND_VERSION_RANGE_MAX STREQUAL "INCLUDE" AND PACKAGE_VERSION VERSION_GREATER
                                                           PACKAGE_FIND_VERSION_MAX)
    set(_torchcompat_in_range FALSE)
  elseif(PACKAGE_FIND_VERSION_RANGE_MAX STREQUAL "EXCLUDE" AND NOT PACKAGE_VERSION VERSION_LESS
                                                               PACKAGE_FIND_VERSION_MAX)
    set(_torchcompat_in_range FALSE)
  endif()
  if(_torchcompat_in_range AND PACKAGE_FIND_VERSION_MIN_MAJOR STREQUAL _torchcompat_major)
    set(PACKAGE_VERSION_COMPATIBLE TRUE)
  endif()
  unset(_torchcompat_in_range)
elseif(PACKAGE_FIND_VERSION)
  if(NOT PACKAGE_VERSION VERSION_LESS PACKAGE_FIND_VERSION AND PACKAGE_FIND_VERSION_MAJOR STREQUAL
                                                               _torchcompat_major)
    set(PACKAGE_VERSION_COMPATIBLE TRUE)
  endif()
  if(PACKAGE_VERSION VERSION_EQUAL PACKAGE_FIND_VERSION)
    set(PACKAGE_VERSION_EXACT TRUE)
  endif()
else()
  set(PACKAGE_VERSION_COMPATIBLE TRUE)
endif()
unset(_torchcompat_major)
