#[=======================================================================[.rst:
TorchCompatFetchLibtorch
------------------------

Downloads the libtorch build that :command:`torchcompat_select_libtorch`
picks, verifies it, extracts it into a per-user cache and points
``Torch_DIR`` at it, so that ``find_package(Torch)`` finds it.

.. command:: torchcompat_fetch_libtorch

  ::

    torchcompat_fetch_libtorch(
      VERSION <version|latest>
      [VARIANT auto|cpu|cuXYZ|rocmX.Y] [PLATFORM linux|windows|macos]
      [ARCH x86_64|aarch64|arm64] [ABI cxx11|pre-cxx11] [CONFIG Release|Debug]
      [DRIVER_POLICY compat|strict] [SOURCE archive|wheel|auto]
      [SHA256 <hex>] [LOCK_FILE <path>]
      [MIRROR <base-url>] [ARCHIVE <path>] [CACHE_DIR <dir>] [ALLOW_HTTP]
      [URL_VARIABLE <var>] [VARIANT_VARIABLE <var>] [REASON_VARIABLE <var>]
      [SOURCE_VARIABLE <var>])

  The selection arguments are passed to :command:`torchcompat_select_libtorch`
  unchanged (``SOURCE`` too: the libtorch archive, or PyPI's torch wheel; see
  below). Then:

  ``SHA256``
    The archive's expected SHA-256. Without it, the hash recorded for the
    archive's official URL in the lock file is enforced; the first download
    records it there.
  ``LOCK_FILE``
    The lock file. Default: ``TORCHCOMPAT_LOCK_FILE``, else
    ``${CMAKE_SOURCE_DIR}/torchcompat.lock``. One line per archive,
    ``<sha256>  <official-url>``, sorted; commit it with your sources. When
    the default's directory is not writable and lacks the line, the hash goes
    to the per-user pin store instead (``pins.txt`` in the per-user state
    folder, ``TORCHCOMPAT_STATE_DIR``; see ``docs/fetch.md``). A relative path
    is taken relative to the build directory.
  ``MIRROR``
    A base URL that replaces ``https://download.pytorch.org/libtorch`` (the
    rest of the path is kept). Default: ``TORCHCOMPAT_MIRROR``.
  ``ARCHIVE``
    A local copy of the archive, used in place of any download and verified
    the same way. Default: ``TORCHCOMPAT_LIBTORCH_ARCHIVE``.
  ``CACHE_DIR``
    Default: ``TORCHCOMPAT_CACHE_DIR`` (variable, then environment), else the
    per-user cache directory (``$XDG_CACHE_HOME/torchcompat``,
    ``~/.cache/torchcompat``, ``~/Library/Caches/torchcompat``,
    ``%LOCALAPPDATA%/torchcompat``). A relative path is taken relative to
    the build directory.
  ``ALLOW_HTTP``
    Accept a plain ``http://`` mirror (also ``TORCHCOMPAT_ALLOW_HTTP``).
    TLS certificates are always verified.

  Downloads happen under a file lock, into temporary names that are renamed
  into place once verified and extracted: concurrent configures share one
  download and an interrupted one leaves nothing that is used. Before
  extraction the archive's listing is checked against a model of the tree
  it would create (nothing outside the tree is ever created, changed or
  linked), and after it the tree against the listing; the stamp and the
  recorded hash are written only when every step passed. With the tree
  cached, a configure does no network I/O, no hashing and no extraction.

  With the wheel as the source (``SOURCE wheel``, or ``auto`` where no
  archive exists), the torch wheel and, for a CUDA wheel, the ``nvidia-*``
  wheels it pins (its ``Requires-Dist``, markers evaluated for the target
  platform) are fetched and only what C++ needs is unpacked, in the wheels'
  own layout: ``<entry>/site-packages/torch/{include,lib,share,version.py}``
  beside ``<entry>/site-packages/nvidia/<pkg>/lib``, where the CUDA build's
  libraries find their CUDA libraries. Each wheel is verified against the
  SHA-256 the index publishes: from ``data/torch-wheels.json`` for the
  releases it knows, else read from the index (PEP 691 JSON, or PEP 503
  HTML) at fetch time; no hash is trusted on first use, and the lock file or
  pin store records them like an archive's. ``TORCHCOMPAT_PYPI_INDEX_URL``
  (like pip's ``--index-url``; variable, else environment) names a mirror of
  PyPI's simple index to take the files from; ``MIRROR`` applies to archives
  only. ``ARCHIVE`` may name a local copy of the torch wheel (a ``.whl``
  given without ``SOURCE`` makes the wheel the source); it is checked against
  the published hash like a download.
  ``TorchCompat_LIBTORCH_DIR`` is then ``<entry>/site-packages/torch``.

  Knobs (variable, else environment variable): ``TORCHCOMPAT_LOCK_TIMEOUT``
  (default 3600 s), ``TORCHCOMPAT_DOWNLOAD_TIMEOUT`` (7200 s, the whole
  download), ``TORCHCOMPAT_INACTIVITY_TIMEOUT`` (120 s without data),
  ``TORCHCOMPAT_MAX_ENTRIES`` (1000000) and ``TORCHCOMPAT_MAX_UNPACKED_SIZE``
  (64 GiB). See ``docs/fetch.md``.

Result variables
^^^^^^^^^^^^^^^^

``Torch_DIR``
  Cache entry and variable in the caller's scope:
  ``<tree>/share/cmake/Torch``. A ``Torch_DIR`` the user set (``-DTorch_DIR``,
  or a variable) is kept, with a warning when it is not the fetched tree; one
  this command set on an earlier configure is moved to the new tree.
``TorchCompat_LIBTORCH_DIR``
  The extracted libtorch tree.
``Caffe2_DIR``, ``TORCH_LIBRARY``, ``c10_LIBRARY``, ...
  Cache entries pointed into the fetched tree (or removed where the tree has
  no such piece) whenever ``Torch_DIR`` is the fetched tree: libtorch's own
  config finds these with searches that look at ``CMAKE_PREFIX_PATH``,
  ``<Pkg>_ROOT`` and the system prefixes before the tree, so a system
  libtorch would otherwise supply the libraries while the headers come from
  the fetched tree.

.. command:: torchcompat_verify_libtorch

  ::

    torchcompat_verify_libtorch([DIR <tree>])

  Call after ``find_package(Torch)``: fails, naming the piece and its path,
  when anything libtorch's config resolved (``Torch_DIR``, ``Caffe2_DIR``,
  the libraries it looked up, ``TORCH_INCLUDE_DIRS``, the imported targets'
  files) lies outside ``<tree>`` (default: ``TorchCompat_LIBTORCH_DIR``).
  The dependency provider does this itself.
``<URL_VARIABLE>``, ``<VARIANT_VARIABLE>``, ``<REASON_VARIABLE>``
  The official URL, the variant and the reason for it, from the selection
  (for a wheel read from the index, the wheel's URL and the variant its
  ``version.py`` states).
``<SOURCE_VARIABLE>``
  ``archive`` or ``wheel``: where the libtorch came from.
#]=======================================================================]

include_guard(GLOBAL)
# The module's own policies, also when included by a cmake -P script that set none.
cmake_policy(PUSH)
cmake_policy(VERSION 3.22...4.4)

include("${CMAKE_CURRENT_LIST_DIR}/Internal/common/TorchCompatArguments.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/Internal/fetch/TorchCompatDownload.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/Internal/fetch/TorchCompatProviderTree.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/Internal/fetch/TorchCompatWheelFetch.cmake")

function(torchcompat_fetch_libtorch)
  set(selection_keywords
      VERSION
      VARIANT
      PLATFORM
      ARCH
      ABI
      CONFIG
      DRIVER_POLICY
      SOURCE)
  set(fetch_keywords SHA256 LOCK_FILE MIRROR ARCHIVE CACHE_DIR)
  set(result_keywords URL_VARIABLE VARIANT_VARIABLE REASON_VARIABLE SOURCE_VARIABLE)
  set(one_value ${selection_keywords} ${fetch_keywords} ${result_keywords})
  cmake_parse_arguments(PARSE_ARGV 0 arg "ALLOW_HTTP" "${one_value}" "")
  if(NOT COMMAND torchcompat_select_libtorch)
    message(
      FATAL_ERROR
        "TorchCompat: torchcompat_fetch_libtorch needs "
        "torchcompat_select_libtorch; load the package with "
        "find_package(TorchCompat) rather than including this module alone")
  endif()
  _torchcompat_check_arguments(torchcompat_fetch_libtorch arg "ALLOW_HTTP;${one_value}" VERSION)

  _torchcompat_fetch_option(archive "${arg_ARCHIVE}" TORCHCOMPAT_LIBTORCH_ARCHIVE)
  # A local torch wheel names its source: the wheel's checks and layout, not an archive's.
  if(archive MATCHES "\\.whl$" AND "${arg_SOURCE}" STREQUAL "")
    _torchcompat_libtorch_source(knob_source "")
    if(knob_source STREQUAL "auto")
      set(arg_SOURCE wheel)
    endif()
  endif()
  set(selection_args "")
  foreach(keyword IN LISTS selection_keywords)
    if(DEFINED arg_${keyword})
      list(APPEND selection_args ${keyword} "${arg_${keyword}}")
    endif()
  endforeach()
  torchcompat_select_libtorch(
    ${selection_args}
    URL_VARIABLE url
    VARIANT_VARIABLE variant
    REASON_VARIABLE reason SOURCE_VARIABLE source RELEASE_VARIABLE release)

  _torchcompat_fetch_option(mirror "${arg_MIRROR}" TORCHCOMPAT_MIRROR)
  _torchcompat_fetch_option(lock_file "${arg_LOCK_FILE}" TORCHCOMPAT_LOCK_FILE)
  _torchcompat_fetch_option(cache_dir "${arg_CACHE_DIR}" TORCHCOMPAT_CACHE_DIR)

  # Each value is passed as one quoted argument, so that paths holding ";" stay whole; only flags
  # go through lists.
  set(store_flags "")
  if(lock_file STREQUAL "")
    if(_TORCHCOMPAT_VIA_PROVIDER)
      # An unmodified project did not ask for a file in its source tree: the per-user pin store.
      set(store_flags PIN_STORE)
    else()
      set(lock_file "${CMAKE_SOURCE_DIR}/torchcompat.lock")
      set(store_flags LOCK_FILE_FALLBACK PIN_STORE)
    endif()
  endif()
  if(arg_ALLOW_HTTP)
    list(APPEND store_flags ALLOW_HTTP)
  endif()
  if(source STREQUAL "wheel")
    _torchcompat_selection_platform(platform "${arg_PLATFORM}" "${arg_ARCH}")
    _torchcompat_fetch_wheels(
      RELEASE
      "${release}"
      PLATFORM
      "${platform}"
      SHA256
      "${arg_SHA256}"
      CACHE_DIR
      "${cache_dir}"
      ARCHIVE
      "${archive}"
      LOCK_FILE
      "${lock_file}"
      ${store_flags}
      RESULT_DIR_VARIABLE
      tree
      URL_VARIABLE
      url
      VARIANT_VARIABLE
      wheel_variant)
    if(NOT wheel_variant STREQUAL "")
      set(variant "${wheel_variant}")
    endif()
  else()
    _torchcompat_apply_mirror(download_url "${url}" "${mirror}")
    _torchcompat_fetch_archive(
      URL "${download_url}"
      LOCK_KEY "${url}"
      SHA256 "${arg_SHA256}"
      CACHE_DIR "${cache_dir}"
      ARCHIVE "${archive}"
      LOCK_FILE "${lock_file}" ${store_flags}
      RESULT_DIR_VARIABLE tree)
  endif()

  set(torch_dir "${tree}/share/cmake/Torch")
  if(NOT EXISTS "${torch_dir}/TorchConfig.cmake" AND NOT EXISTS "${torch_dir}/torch-config.cmake")
    message(FATAL_ERROR "TorchCompat: ${url} does not look like a libtorch ${source}: "
                        "no share/cmake/Torch/TorchConfig.cmake in ${tree}")
  endif()
  message(STATUS "TorchCompat: libtorch ${variant} from ${url} in ${tree}")

  _torchcompat_point_torch_dir("${torch_dir}")
  if(torch_dir_KEPT)
    _torchcompat_unpin_torch_search()
  else()
    set(Torch_DIR "${torch_dir}" PARENT_SCOPE)
    _torchcompat_pin_torch_search("${tree}")
  endif()
  set(TorchCompat_LIBTORCH_DIR "${tree}" PARENT_SCOPE)
  foreach(result IN ITEMS URL VARIANT REASON SOURCE)
    if(NOT "${arg_${result}_VARIABLE}" STREQUAL "")
      string(TOLOWER "${result}" value)
      set(${arg_${result}_VARIABLE} "${${value}}" PARENT_SCOPE)
    endif()
  endforeach()
endfunction()

# After find_package(Torch): every piece libtorch's config resolved must lie in the fetched tree.
function(torchcompat_verify_libtorch)
  cmake_parse_arguments(PARSE_ARGV 0 arg "" "DIR" "")
  _torchcompat_check_arguments(torchcompat_verify_libtorch arg "DIR" "")
  set(tree "${arg_DIR}")
  if(tree STREQUAL "")
    set(tree "${TorchCompat_LIBTORCH_DIR}")
  endif()
  if(tree STREQUAL "")
    message(FATAL_ERROR "TorchCompat: torchcompat_verify_libtorch() needs DIR <libtorch>, or "
                        "torchcompat_fetch_libtorch() first.")
  endif()
  if(NOT Torch_FOUND)
    message(
      FATAL_ERROR
        "TorchCompat: torchcompat_verify_libtorch() checks what "
        "find_package(Torch) found: call it after a find_package(Torch) that " "succeeded.")
  endif()
  _torchcompat_check_torch_pieces("${tree}")
endfunction()

# Points Torch_DIR at the fetched tree, unless the user pointed it elsewhere
# (-DTorch_DIR, or a variable): theirs is kept, with a warning. A Torch_DIR this
# command set before (a re-configure, another version) is the package's to move.
# Sets torch_dir_KEPT in the caller.
function(_torchcompat_point_torch_dir torch_dir)
  set(ours "${_TORCHCOMPAT_FETCHED_TORCH_DIR}")
  if(Torch_DIR AND NOT Torch_DIR STREQUAL ours)
    get_filename_component(given "${Torch_DIR}" ABSOLUTE)
    if(NOT given STREQUAL torch_dir)
      message(WARNING "TorchCompat: Torch_DIR is set to '${Torch_DIR}', not to the libtorch "
                      "fetched for this machine ('${torch_dir}'): find_package(Torch) will use "
                      "yours. Unset Torch_DIR (-UTorch_DIR) to use the fetched one.")
    endif()
    set(torch_dir_KEPT TRUE PARENT_SCOPE)
    return()
  endif()
  set(Torch_DIR "${torch_dir}" CACHE PATH "The libtorch that torchcompat_fetch_libtorch fetched"
                                     FORCE)
  set(_TORCHCOMPAT_FETCHED_TORCH_DIR "${torch_dir}" CACHE INTERNAL "the Torch_DIR the fetch set")
  set(torch_dir_KEPT FALSE PARENT_SCOPE)
endfunction()

# An argument wins over the knob of the same meaning.
function(_torchcompat_fetch_option out argument knob)
  set(value "${argument}")
  if(value STREQUAL "" AND NOT "${${knob}}" STREQUAL "")
    set(value "${${knob}}")
  endif()
  set(${out} "${value}" PARENT_SCOPE)
endfunction()

cmake_policy(POP)
