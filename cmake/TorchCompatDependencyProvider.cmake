#[=======================================================================[.rst:
TorchCompatDependencyProvider
-----------------------------

A dependency provider (CMake 3.24+) that answers ``find_package(Torch)`` of
an unmodified project with the libtorch that runs on this machine. Put it in
front of the project with the initial-cache file beside it, which works with
every CMake and refuses loudly where the provider cannot work (before 3.24):

.. code-block:: console

  cmake -C <prefix>/lib/cmake/TorchCompat/TorchCompatProviderInit.cmake \
        -S <project> -B <build>

or, on CMake 3.24 and newer, directly:

.. code-block:: console

  cmake -S <project> -B <build> \
        -DCMAKE_PROJECT_TOP_LEVEL_INCLUDES=<prefix>/lib/cmake/TorchCompat/TorchCompatDependencyProvider.cmake

For each ``find_package(Torch ...)`` call:

* A ``Torch_DIR`` or ``Torch_ROOT`` the user set (``-D``, a variable, or
  ``Torch_ROOT`` in the environment) is used as it is: nothing is selected or
  downloaded, and the libtorch found is guarded like
  :command:`torchcompat_check_torch` does.
* Otherwise the call's own request is honoured: its version or range and
  ``EXACT`` choose the release (``latest`` is the newest release in the range
  whose libtorch runs here; a pinned ``TORCHCOMPAT_LIBTORCH_VERSION`` outside
  the range is an error naming both), :command:`torchcompat_fetch_libtorch`
  fetches it, and ``find_package(Torch ... BYPASS_PROVIDER)`` loads it with
  every piece its config resolves (``Caffe2_DIR``, ``TORCH_LIBRARY``,
  ``c10_LIBRARY``, the imported targets' files) taken from the fetched tree,
  whatever the system, ``CMAKE_PREFIX_PATH`` or ``<Pkg>_ROOT`` hold; anything
  that still comes from elsewhere is an error naming it.
* When no libtorch can be had, a ``REQUIRED`` call stops the configure with
  TorchCompat's message. A ``QUIET`` or optional call gets ``Torch_FOUND``
  false and one warning saying why, and the project's own logic goes on.

On a machine where no CUDA build runs, the CPU-only choice is one status
line, printed once per build folder until the answer changes.

Every other package is left to CMake's own ``find_package``.

Cache variables
^^^^^^^^^^^^^^^

``TORCHCOMPAT_LIBTORCH_VERSION``
  The torch release to fetch, or ``latest`` (default).
``TORCHCOMPAT_LIBTORCH_VARIANT``
  ``auto`` (default), ``cpu``, ``cuXYZ`` or ``rocmX.Y``.
``TORCHCOMPAT_LIBTORCH_SOURCE``
  ``archive``, ``wheel`` or ``auto`` (empty: the environment's, else
  ``auto``): libtorch from download.pytorch.org's archives or from PyPI's
  torch wheel (with the ``nvidia-*`` wheels a CUDA wheel pins), as for
  :command:`torchcompat_select_libtorch`. ``auto`` takes the wheel where no
  archive exists (Linux aarch64).
``TORCHCOMPAT_PYPI_INDEX_URL``
  A mirror of PyPI's simple index for the wheels (like pip's ``--index-url``).
``TORCHCOMPAT_MIRROR``, ``TORCHCOMPAT_LIBTORCH_ARCHIVE``, ``TORCHCOMPAT_CACHE_DIR``,
``TORCHCOMPAT_LOCK_FILE``, ``TORCHCOMPAT_ALLOW_HTTP``, ``TORCHCOMPAT_STATE_DIR``
  As for :command:`torchcompat_fetch_libtorch`, except that nothing is
  written into the project's source tree: without ``TORCHCOMPAT_LOCK_FILE``
  the archive's hash is recorded in, and enforced from, the per-user pin
  store (``pins.txt`` in the per-user state folder, which clearing the cache
  leaves alone). Relative paths are taken relative to the build directory.
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
include("${CMAKE_CURRENT_LIST_DIR}/Internal/fetch/TorchCompatProviderRequest.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/Internal/fetch/TorchCompatProviderTree.cmake")

set(TORCHCOMPAT_LIBTORCH_VERSION "latest"
    CACHE STRING "TorchCompat: the torch release whose libtorch find_package(Torch) gets")
set(TORCHCOMPAT_LIBTORCH_VARIANT "auto"
    CACHE STRING "TorchCompat: the libtorch variant (auto, cpu, cuXYZ, rocmX.Y)")
set(TORCHCOMPAT_MIRROR ""
    CACHE STRING "TorchCompat: a base URL replacing https://download.pytorch.org/libtorch")
set(TORCHCOMPAT_LIBTORCH_SOURCE ""
    CACHE STRING "TorchCompat: libtorch from the archive, the wheel or auto (empty: auto)")
# A STRING, not a FILEPATH: CMake would make a relative -D value absolute against the folder cmake
# was started in, where the documented meaning is the build folder.
set(TORCHCOMPAT_LIBTORCH_ARCHIVE ""
    CACHE STRING "TorchCompat: a local libtorch archive used instead of downloading")
# What find_package(Torch) finds when no libtorch can be had for an optional call: a config that
# says so, so that CMake's own search, which runs after a provider that found nothing, finds
# neither a system libtorch nor anything else.
set(_TORCHCOMPAT_UNAVAILABLE_TORCH_DIR
    "${CMAKE_CURRENT_LIST_DIR}/Internal/fetch/provider-unavailable")
set(_TORCHCOMPAT_PROVIDER_FETCH_SCRIPT "${CMAKE_CURRENT_LIST_DIR}/torchcompat-provider-fetch.cmake")

# The folder of a libtorch the user chose (Torch_DIR, else Torch_ROOT), or "". A Torch_DIR this
# provider set, its stand-in for "not available", or a search's NOTFOUND is not the user's.
function(_torchcompat_user_torch out_var)
  set(chosen "")
  if(Torch_DIR AND NOT Torch_DIR STREQUAL "${_TORCHCOMPAT_FETCHED_TORCH_DIR}"
     AND NOT Torch_DIR STREQUAL "${_TORCHCOMPAT_UNAVAILABLE_TORCH_DIR}")
    set(chosen "${Torch_DIR}")
  elseif(NOT "${Torch_ROOT}" STREQUAL "")
    set(chosen "${Torch_ROOT}")
  elseif(NOT "$ENV{Torch_ROOT}" STREQUAL "")
    set(chosen "$ENV{Torch_ROOT}")
  endif()
  set(${out_var} "${chosen}" PARENT_SCOPE)
endfunction()

# The release to fetch for the request: the pinned TORCHCOMPAT_LIBTORCH_VERSION when it satisfies
# the request, else (latest) the newest release in the request whose libtorch runs here. Sets
# out_version, or out_problem to why there is none.
function(_torchcompat_provider_release out_version out_problem request)
  _torchcompat_find_request_text(asked ${request})
  set(pinned "${TORCHCOMPAT_LIBTORCH_VERSION}")
  if(NOT pinned STREQUAL "latest" AND NOT pinned STREQUAL "")
    string(REGEX REPLACE "\\+.*$" "" release "${pinned}")
    _torchcompat_release_satisfies(ok "${release}" ${request})
    if(NOT ok)
      set(${out_problem}
          "TORCHCOMPAT_LIBTORCH_VERSION is ${pinned}, which ${asked} does not accept; set it to a release the project asks for, or to latest"
          PARENT_SCOPE)
      return()
    endif()
    set(${out_version} "${pinned}" PARENT_SCOPE)
    return()
  endif()
  # A second find_package(Torch) in the same configure (a subdirectory, a QUIET try then a
  # REQUIRED one) gets the release the first one got whenever it accepts it: two libtorch trees
  # in one project would mix.
  get_property(answered GLOBAL PROPERTY _TORCHCOMPAT_PROVIDER_RELEASE)
  if(NOT "${answered}" STREQUAL "")
    _torchcompat_release_satisfies(ok "${answered}" ${request})
    if(ok)
      set(${out_version} "${answered}" PARENT_SCOPE)
      return()
    endif()
  endif()
  _torchcompat_selection_platform(platform "" "")
  _torchcompat_libtorch_source(source "")
  set(wheels_too FALSE)
  if(source STREQUAL "wheel")
    set(wheels_too TRUE)
  elseif(source STREQUAL "auto")
    _torchcompat_platform_has_archives(has_archives "${platform}")
    if(NOT has_archives)
      set(wheels_too TRUE)
    endif()
  endif()
  if("${${request}_VERSION}" STREQUAL "")
    if(wheels_too)
      _torchcompat_latest_wheel(latest "${platform}")
    else()
      _torchcompat_latest_libtorch(latest note "${platform}")
    endif()
    set(${out_version} "${latest}" PARENT_SCOPE)
    return()
  endif()
  _torchcompat_torch_versions(versions)
  list(REVERSE versions)
  set(variant "${TORCHCOMPAT_LIBTORCH_VARIANT}")
  foreach(version IN LISTS versions)
    _torchcompat_release_satisfies(ok "${version}" ${request})
    if(NOT ok)
      continue()
    endif()
    _torchcompat_release_variants(variants "${version}" "${platform}" libtorch)
    if(wheels_too)
      _torchcompat_wheel_record(wheel "${version}" "${platform}")
      set(variants "${wheel_VARIANT}")
    endif()
    if(NOT variants OR (variant AND NOT variant STREQUAL "auto" AND NOT variant IN_LIST variants))
      continue()
    endif()
    torchcompat_select_libtorch(VERSION "${version}" VARIANT "${variant}"
                                URL_VARIABLE url RESULT_VARIABLE runs MESSAGE_VARIABLE ignored)
    if(runs)
      set(${out_version} "${version}" PARENT_SCOPE)
      return()
    endif()
  endforeach()
  set(${out_problem}
      "no torch release that ${asked} accepts has a libtorch (${variant}) that runs here for ${platform}"
      PARENT_SCOPE)
endfunction()

# Fetches in a child cmake, so that a failure is a reason to report rather than the end of the
# configure (for an optional find_package). Sets out_problem to the child's TorchCompat message.
function(_torchcompat_fetch_in_child out_problem version)
  _torchcompat_knob_names(names)
  set(definitions "")
  foreach(name IN LISTS names)
    # One argument each, also for a value that is a list (GPU_ARCHS 8.6;9.0) or a path with ';'.
    string(REPLACE ";" "\\;" value "${${name}}")
    list(APPEND definitions "-D${name}=${value}")
  endforeach()
  # The child's own lines would repeat what the fetch in this process says next; only its error
  # is wanted.
  execute_process(
    COMMAND "${CMAKE_COMMAND}" ${definitions} "-DTORCHCOMPAT_LIBTORCH_VERSION=${version}" -P
            "${_TORCHCOMPAT_PROVIDER_FETCH_SCRIPT}"
    WORKING_DIRECTORY "${CMAKE_BINARY_DIR}"
    RESULT_VARIABLE rc
    OUTPUT_QUIET
    ERROR_VARIABLE errors)
  set(problem "")
  if(NOT rc EQUAL 0)
    # The error ends the child, so it is its last "CMake Error" block; warnings come before it.
    string(FIND "${errors}" "CMake Error" at REVERSE)
    if(at GREATER -1)
      string(SUBSTRING "${errors}" ${at} -1 errors)
    endif()
    string(FIND "${errors}" "TorchCompat: " at)
    string(FIND "${errors}" "\nCall Stack" end)
    if(at GREATER -1)
      if(end GREATER at)
        math(EXPR length "${end} - ${at}")
        string(SUBSTRING "${errors}" ${at} ${length} errors)
      else()
        string(SUBSTRING "${errors}" ${at} -1 errors)
      endif()
    endif()
    string(REGEX REPLACE "[ \n]+" " " problem "${errors}")
    string(STRIP "${problem}" problem)
    string(REGEX REPLACE "^TorchCompat: " "" problem "${problem}")
    if(problem STREQUAL "")
      set(problem "the trial fetch (cmake -P ${_TORCHCOMPAT_PROVIDER_FETCH_SCRIPT}) failed with "
                  "exit status ${rc} and no message")
      string(JOIN "" problem ${problem})
    endif()
  endif()
  set(${out_problem} "${problem}" PARENT_SCOPE)
endfunction()

# Decides where find_package(Torch <args>) is answered from and fetches what it needs. Sets, in
# the caller (the provider, so the project's scope): _torchcompat_provider_mode (user, fetched or
# unavailable), _torchcompat_provider_tree and _torchcompat_provider_problem.
function(_torchcompat_provide_libtorch)
  _torchcompat_find_request(request ${ARGN})
  _torchcompat_user_torch(user)
  set(_torchcompat_provider_tree "" PARENT_SCOPE)
  set(_torchcompat_provider_problem "" PARENT_SCOPE)
  if(NOT user STREQUAL "")
    # The fetched tree's Torch_DIR would win over the user's Torch_ROOT, and the entries pointed
    # into it over the pieces of the user's libtorch.
    if(DEFINED Torch_DIR AND NOT Torch_DIR STREQUAL user)
      unset(Torch_DIR CACHE)
      set(Torch_DIR "" PARENT_SCOPE)
    endif()
    _torchcompat_unpin_torch_search()
    set(_torchcompat_provider_mode user PARENT_SCOPE)
    return()
  endif()
  # Not the user's (a search's NOTFOUND, or the stand-in of an earlier run that found nothing):
  # the fetch below must not take it for a choice to keep.
  if(DEFINED Torch_DIR AND NOT Torch_DIR STREQUAL "${_TORCHCOMPAT_FETCHED_TORCH_DIR}")
    unset(Torch_DIR CACHE)
    unset(Torch_DIR)
  endif()
  set(optional TRUE)
  if(request_REQUIRED)
    set(optional FALSE)
  endif()
  set(problem "")
  _torchcompat_provider_release(version problem request)
  _torchcompat_fetch_key(key "${version}")
  if(problem STREQUAL "" AND optional)
    if(NOT "${_TORCHCOMPAT_PROVIDER_FETCHED}" STREQUAL key
       OR NOT EXISTS "${_TORCHCOMPAT_FETCHED_TORCH_DIR}/TorchConfig.cmake")
      _torchcompat_fetch_in_child(problem "${version}")
    endif()
  endif()
  if(NOT problem STREQUAL "")
    if(NOT optional)
      message(FATAL_ERROR "TorchCompat: ${problem}.")
    endif()
    set(_torchcompat_provider_mode unavailable PARENT_SCOPE)
    set(_torchcompat_provider_problem "TorchCompat: ${problem}" PARENT_SCOPE)
    set(_torchcompat_provider_quiet ${request_QUIET} PARENT_SCOPE)
    return()
  endif()
  # Read by torchcompat_fetch_libtorch: without TORCHCOMPAT_LOCK_FILE, the hash goes to the per-user
  # pin store, never into the unmodified project's source tree; and the CPU-only notice is one line.
  set(_TORCHCOMPAT_VIA_PROVIDER TRUE)
  torchcompat_fetch_libtorch(VERSION "${version}" VARIANT "${TORCHCOMPAT_LIBTORCH_VARIANT}")
  set(_TORCHCOMPAT_PROVIDER_FETCHED "${key}" CACHE INTERNAL "the provider's last good fetch")
  set_property(GLOBAL PROPERTY _TORCHCOMPAT_PROVIDER_RELEASE "${version}")
  set(_torchcompat_provider_mode fetched PARENT_SCOPE)
  set(_torchcompat_provider_tree "${TorchCompat_LIBTORCH_DIR}" PARENT_SCOPE)
endfunction()

# The TORCHCOMPAT_ variables set here: the knobs a fetch reads.
function(_torchcompat_knob_names out_var)
  get_cmake_property(names VARIABLES)
  list(FILTER names INCLUDE REGEX "^TORCHCOMPAT_")
  set(${out_var} "${names}" PARENT_SCOPE)
endfunction()

# What a fetch depends on, so that an optional call's trial fetch runs again only when it changed.
function(_torchcompat_fetch_key out_var version)
  _torchcompat_knob_names(names)
  set(key "${version}")
  foreach(name IN LISTS names)
    string(APPEND key "|${name}=${${name}}")
  endforeach()
  # The knobs a fetch also reads from the environment.
  foreach(
    name IN
    ITEMS CACHE_DIR
          STATE_DIR
          MIRROR
          LIBTORCH_ARCHIVE
          LIBTORCH_SOURCE
          PYPI_INDEX_URL
          OVERRIDE_DRIVER
          OVERRIDE_CUDA
          OVERRIDE_GPU_ARCHS
          OVERRIDE_CUDNN
          OVERRIDE_TOOLKIT
          TARGET_PROFILE)
    string(APPEND key "|ENV{${name}}=$ENV{TORCHCOMPAT_${name}}")
  endforeach()
  string(SHA256 key "${key}")
  set(${out_var} "${key}" PARENT_SCOPE)
endfunction()

# A macro, not a function: find_package() must set Torch_FOUND, TORCH_LIBRARIES and the rest in the
# scope of the project's call.
macro(_torchcompat_dependency_provider _torchcompat_method _torchcompat_package)
  if("${_torchcompat_package}" STREQUAL "Torch")
    # While the provider works, Torch_FOUND is TRUE: when it stops with an error, CMake then takes
    # the request as answered and does not run its own search, whose generic "set Torch_DIR"
    # error would otherwise be the last thing on screen (and whose result would be cached).
    set(Torch_FOUND TRUE)
    # An earlier optional call of this configure that found nothing left its stand-in here.
    if("${Torch_DIR}" STREQUAL "${_TORCHCOMPAT_UNAVAILABLE_TORCH_DIR}")
      unset(Torch_DIR)
    endif()
    _torchcompat_provide_libtorch(${ARGN})
    unset(Torch_FOUND)
    if(_torchcompat_provider_mode STREQUAL "fetched")
      # torchcompat_fetch_libtorch pointed libtorch's own searches into the tree.
      find_package(Torch ${ARGN} BYPASS_PROVIDER)
      if(Torch_FOUND)
        _torchcompat_check_torch_pieces("${_torchcompat_provider_tree}")
      endif()
    elseif(_torchcompat_provider_mode STREQUAL "user")
      find_package(Torch ${ARGN} BYPASS_PROVIDER)
      if(Torch_FOUND)
        torchcompat_check_torch(DIR "${Torch_DIR}")
      endif()
    else()
      # CMake's own search runs next and finds this stand-in, which says "not found" with the
      # reason: CMake prints it as its one warning, except for a QUIET call, where this does.
      set(Torch_DIR "${_TORCHCOMPAT_UNAVAILABLE_TORCH_DIR}")
      set(_TORCHCOMPAT_TORCH_UNAVAILABLE "${_torchcompat_provider_problem}")
      if(_torchcompat_provider_quiet)
        message(WARNING "${_torchcompat_provider_problem}")
      endif()
      set(Torch_FOUND FALSE)
    endif()
    unset(_torchcompat_provider_mode)
    unset(_torchcompat_provider_tree)
    unset(_torchcompat_provider_problem)
    unset(_torchcompat_provider_quiet)
  endif()
endmacro()

if(NOT CMAKE_SCRIPT_MODE_FILE)
  cmake_language(SET_DEPENDENCY_PROVIDER _torchcompat_dependency_provider SUPPORTED_METHODS
                 FIND_PACKAGE)
endif()

cmake_policy(POP)
