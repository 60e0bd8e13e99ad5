#[=======================================================================[.rst:
TorchCompatProviderInit
-----------------------

An initial-cache file (``cmake -C``) that puts the TorchCompat dependency
provider in front of an unmodified project, on every CMake: every CMake reads
``-C`` files before the project, so on one that cannot run the provider
(before 3.24, which lacks dependency providers and silently ignores
``CMAKE_PROJECT_TOP_LEVEL_INCLUDES``) the configure stops here with a message
instead of building against whatever libtorch CMake finds by itself.

.. code-block:: console

  cmake -C <prefix>/lib/cmake/TorchCompat/TorchCompatProviderInit.cmake \
        -S <project> -B <build> [-DTORCHCOMPAT_LIBTORCH_VERSION=...]

It adds :module:`TorchCompatDependencyProvider` to
``CMAKE_PROJECT_TOP_LEVEL_INCLUDES`` (keeping what is there).
#]=======================================================================]

include_guard(GLOBAL)
cmake_policy(PUSH)
cmake_policy(VERSION 3.22...4.4)

if(CMAKE_VERSION VERSION_LESS 3.24)
  message(
    FATAL_ERROR
      "TorchCompat: the dependency provider needs CMake 3.24 or newer (this is ${CMAKE_VERSION}): "
      "with this CMake, find_package(Torch) would not go through it. Use a newer cmake (pip "
      "install cmake), or call torchcompat_fetch_libtorch() from the project.")
endif()
set(_torchcompat_provider "${CMAKE_CURRENT_LIST_DIR}/TorchCompatDependencyProvider.cmake")
set(_torchcompat_includes "${CMAKE_PROJECT_TOP_LEVEL_INCLUDES}")
if(NOT _torchcompat_provider IN_LIST _torchcompat_includes)
  list(APPEND _torchcompat_includes "${_torchcompat_provider}")
endif()
set(CMAKE_PROJECT_TOP_LEVEL_INCLUDES "${_torchcompat_includes}"
    CACHE STRING "Files included at the first project() call" FORCE)
unset(_torchcompat_includes)
unset(_torchcompat_provider)

cmake_policy(POP)
