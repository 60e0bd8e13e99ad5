#[=======================================================================[.rst:
TorchCompatConfig
-----------------

Entry point of the ``TorchCompat`` package: ``find_package(TorchCompat)``.

It works from an install tree (relocatable), from a build tree, and from a
source tree reached through ``FetchContent`` or ``add_subdirectory``. It needs
CMake 3.22 or newer (an older CMake stops with one line saying so) and sets
its own policies (3.22 to 4.4), whatever the consumer's
``cmake_minimum_required()`` says: a project that still asks for 3.5 gets the
same behaviour, and no policy warnings. It
provides the commands of the package's modules:

* :command:`torchcompat_detect` (``TorchCompatDetect``)
* :command:`torchcompat_require` (``TorchCompatRequire``)
* :command:`torchcompat_cuda_architectures` (``TorchCompatCudaArchitectures``)
* :command:`torchcompat_hip_architectures` (``TorchCompatHipArchitectures``)
* :command:`torchcompat_check_torch` (``TorchCompatCheckTorch``)
* :command:`torchcompat_report` (``TorchCompatReport``)
* :command:`torchcompat_select_libtorch` (``TorchCompatSelectLibtorch``)
* :command:`torchcompat_fetch_libtorch` (``TorchCompatFetchLibtorch``)

Script mode
^^^^^^^^^^^

``find_package(TorchCompat)`` also works in ``cmake -P`` scripts (the
``torchcompat`` command runs the package that way). There,
:command:`torchcompat_detect`, :command:`torchcompat_require`,
:command:`torchcompat_check_torch`, :command:`torchcompat_select_libtorch`
and :command:`torchcompat_report` work as in a project (tested by
``tests/cli/script_mode.cmake``); :command:`torchcompat_fetch_libtorch` is not
tested there (its lock file defaults to the current directory, a script's
source directory). Scripts have no targets, so ``TorchCompat::probe`` is not
defined; from a source tree the probe is built once into the per-user cache
(``TORCHCOMPAT_CACHE_DIR``, else ``$XDG_CACHE_HOME/torchcompat`` or
``~/.cache/torchcompat``), saying so on one line first. The package sets its
own policies, so a script needs no ``cmake_minimum_required()``.

Result variables
^^^^^^^^^^^^^^^^

Set in the scope of every ``find_package(TorchCompat)`` call, so sibling
directories that each find the package each get them.

``TorchCompat_FOUND``
  True.
``TorchCompat_VERSION``
  The package's version.
``TorchCompat_DATA_DIR``
  The compatibility tables (``*.json``) the commands read.

Imported target
^^^^^^^^^^^^^^^

``TorchCompat::probe``
  The ``torchcompat-probe`` executable. From a source tree it is compiled at
  configure time with the host compiler, on first use. Not defined in script
  mode.
#]=======================================================================]

# Checked before anything else: the modules use commands and policies of 3.22.
if(CMAKE_VERSION VERSION_LESS 3.22)
  message(
    FATAL_ERROR
      "TorchCompat: the package needs CMake 3.22 or newer (this is "
      "${CMAKE_VERSION}); update CMake (pip install cmake, or Kitware's apt " "repository)")
endif()

# The package's own policies, whatever the caller's, popped at the end so the
# caller's scope keeps its own: every command defined while they are in force
# keeps them. A cmake -P script that never called cmake_minimum_required()
# would otherwise get CMake 2.x behaviour.
cmake_policy(PUSH)
cmake_policy(VERSION 3.22...4.4)

# No include_guard here: the result variables and CMAKE_MODULE_PATH belong to
# the directory that calls find_package(), so every call sets them (two sibling
# directories each get them). The modules included below guard themselves.
get_filename_component(_torchcompat_module_dir "${CMAKE_CURRENT_LIST_DIR}" ABSOLUTE)
if(NOT _torchcompat_module_dir IN_LIST CMAKE_MODULE_PATH)
  list(PREPEND CMAKE_MODULE_PATH "${_torchcompat_module_dir}")
endif()

include("${_torchcompat_module_dir}/Internal/common/TorchCompatLayout.cmake")
_torchcompat_locate_layout("${_torchcompat_module_dir}")

include(TorchCompatDetect)
include(TorchCompatRequire)
include(TorchCompatCudaArchitectures)
include(TorchCompatHipArchitectures)
foreach(_torchcompat_module IN ITEMS TorchCompatCheckTorch TorchCompatSelectLibtorch
                                     TorchCompatReport TorchCompatFetchLibtorch)
  if(EXISTS "${_torchcompat_module_dir}/${_torchcompat_module}.cmake")
    include(${_torchcompat_module})
  endif()
endforeach()
unset(_torchcompat_module)

# A prebuilt probe (install or build tree, or TORCHCOMPAT_PROBE_EXECUTABLE) is
# known now; one compiled from source waits for the first detection.
get_property(_torchcompat_prebuilt GLOBAL PROPERTY TORCHCOMPAT_INSTALLED_PROBE)
if(_torchcompat_prebuilt OR TORCHCOMPAT_PROBE_EXECUTABLE)
  _torchcompat_probe_executable(_torchcompat_prebuilt)
endif()
unset(_torchcompat_prebuilt)
unset(_torchcompat_module_dir)

set(TorchCompat_FOUND TRUE)
cmake_policy(POP)
