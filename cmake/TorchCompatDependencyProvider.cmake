#[=======================================================================[.rst:
TorchCompatDependencyProvider
-----------------------------

A dependency provider (CMake 3.24+) that answers ``find_package(Torch)`` of
an unmodified project with the libtorch that runs on this machine:

.. code-block:: console

  cmake -S <project> -B <build> \
        -DCMAKE_PROJECT_TOP_LEVEL_INCLUDES=<prefix>/lib/cmake/TorchCompat/TorchCompatDependencyProvider.cmake

For ``find_package(Torch ...)`` it calls :command:`torchcompat_fetch_libtorch`
and then ``find_package(Torch ... BYPASS_PROVIDER)`` on the fetched tree.
Every other package is left to CMake's own ``find_package``.

Cache variables
^^^^^^^^^^^^^^^

``TORCHCOMPAT_LIBTORCH_VERSION``
  The torch release to fetch, or ``latest`` (default).
``TORCHCOMPAT_LIBTORCH_VARIANT``
  ``auto`` (default), ``cpu``, ``cuXYZ`` or ``rocmX.Y``.
``TORCHCOMPAT_MIRROR``, ``TORCHCOMPAT_LIBTORCH_ARCHIVE``, ``TORCHCOMPAT_CACHE_DIR``,
``TORCHCOMPAT_LOCK_FILE``, ``TORCHCOMPAT_ALLOW_HTTP``
  As for :command:`torchcompat_fetch_libtorch`, except that nothing is
  written into the project's source tree: without ``TORCHCOMPAT_LOCK_FILE``
  the archive's hash is recorded in, and enforced from, the per-user pin
  store ``<cache>/pins.txt``. Relative paths are taken relative to the
  build directory.
#]=======================================================================]

include_guard(GLOBAL)

# Checked before the policies are set: they need a CMake that knows them.
if(CMAKE_VERSION VERSION_LESS 3.24)
  message(
    FATAL_ERROR "TorchCompat: the dependency provider needs CMake 3.24 or newer (this is "
                "${CMAKE_VERSION}); call torchcompat_fetch_libtorch() from the project " "instead")
endif()

# The module's own policies, also when included by a cmake -P script that set none.
cmake_policy(PUSH)
cmake_policy(VERSION 3.22...4.4)

# The package's commands, from the directory this file was installed into.
find_package(TorchCompat REQUIRED CONFIG PATHS "${CMAKE_CURRENT_LIST_DIR}" NO_DEFAULT_PATH)
include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatFetchLibtorch.cmake")

set(TORCHCOMPAT_LIBTORCH_VERSION "latest"
    CACHE STRING "TorchCompat: the torch release whose libtorch find_package(Torch) gets")
set(TORCHCOMPAT_LIBTORCH_VARIANT "auto"
    CACHE STRING "TorchCompat: the libtorch variant (auto, cpu, cuXYZ, rocmX.Y)")
set(TORCHCOMPAT_MIRROR ""
    CACHE STRING "TorchCompat: a base URL replacing https://download.pytorch.org/libtorch")
set(TORCHCOMPAT_LIBTORCH_ARCHIVE ""
    CACHE FILEPATH "TorchCompat: a local libtorch archive used instead of downloading")

function(_torchcompat_provide_libtorch)
  # Read by torchcompat_fetch_libtorch: without TORCHCOMPAT_LOCK_FILE, the hash goes to the per-user
  # pin store, never into the unmodified project's source tree.
  set(_TORCHCOMPAT_VIA_PROVIDER TRUE)
  torchcompat_fetch_libtorch(VERSION "${TORCHCOMPAT_LIBTORCH_VERSION}"
                             VARIANT "${TORCHCOMPAT_LIBTORCH_VARIANT}")
endfunction()

# A macro, not a function: find_package() must set Torch_FOUND, TORCH_LIBRARIES and the rest in the
# scope of the project's call.
macro(_torchcompat_dependency_provider _torchcompat_method _torchcompat_package)
  if("${_torchcompat_package}" STREQUAL "Torch")
    _torchcompat_provide_libtorch()
    find_package(Torch ${ARGN} BYPASS_PROVIDER)
  endif()
endmacro()

cmake_language(SET_DEPENDENCY_PROVIDER _torchcompat_dependency_provider SUPPORTED_METHODS
               FIND_PACKAGE)

cmake_policy(POP)
