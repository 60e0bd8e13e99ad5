#[=======================================================================[.rst:
TorchCompatSelectLibtorch
-------------------------

Picks the libtorch build that will run on this machine (or on the target the
``TORCHCOMPAT_OVERRIDE_*`` variables describe) and gives its official URL.

.. command:: torchcompat_select_libtorch

  .. code-block:: cmake

    torchcompat_select_libtorch(VERSION <version|latest>
                                [VARIANT <auto|cpu|cuXYZ|rocmX.Y|xpu>]
                                [PLATFORM <linux|windows|macos>]
                                [ARCH <x86_64|aarch64|arm64>]
                                [ABI <cxx11|pre-cxx11>] [CONFIG <Release|Debug>]
                                [DRIVER_POLICY <compat|strict>]
                                [SOURCE <archive|wheel|auto>]
                                URL_VARIABLE <var>
                                [VARIANT_VARIABLE <var>] [REASON_VARIABLE <var>]
                                [RESULT_VARIABLE <var>] [MESSAGE_VARIABLE <var>]
                                [VERDICT_VARIABLE <var>]
                                [SOURCE_VARIABLE <var>] [RELEASE_VARIABLE <var>])

  ``VERSION latest`` is the newest release whose libtorch the table lists for
  the platform; when newer releases were skipped, the selection line says
  which and why (their builds unknown, or none published). ``VARIANT auto``
  (the default) takes the newest CUDA variant of the release that passes every
  check here (the driver under ``DRIVER_POLICY``, code for every visible GPU);
  a variant that cannot be verified is never taken, and the selection names
  the ones it skipped and why. Where the machine has AMD (or Intel) GPUs, the
  release's ROCm builds (newest first, then ``xpu``) are tried after the CUDA
  ones, each against those GPUs' architectures. When none passes it takes ``cpu``
  with a warning saying why. ``PLATFORM`` and ``ARCH`` default to the host's,
  ``ABI`` to ``cxx11`` on Linux (``pre-cxx11`` where a release had no cxx11
  build), ``CONFIG`` to ``Release`` (Windows only publishes both).

  Asking for what was never published (a variant the release never had, a
  Windows Debug build where none exists, ``pre-cxx11`` after it ended) is an
  error that lists what exists.

  The URL is ``https://download.pytorch.org/libtorch/<variant>/<file>`` with
  ``+`` written ``%2B``. ``REASON_VARIABLE`` receives one sentence on why
  this variant was chosen.

  ``RESULT_VARIABLE`` is set to ``TRUE`` when a build was selected and to
  ``FALSE`` when none of the release's libtorch builds runs here (the URL is
  then empty); without it that is a fatal error. ``MESSAGE_VARIABLE``
  receives the whole explanation (the selection line, any warning, or why
  nothing was selected), each part starting ``TorchCompat:``. Given together
  with ``RESULT_VARIABLE``, the selector prints nothing itself, so a caller in
  ``cmake -P`` script mode can print the text without CMake's call-stack lines.
  ``VERDICT_VARIABLE`` receives the selection as one JSON value:
  ``{"schema_version": 1, "ok", "variant", "url", "reason", "warning",
  "notice", "failure"}``, the texts whole (a caller renders them; none needs
  to split ``MESSAGE_VARIABLE``).

  ``SOURCE`` says where libtorch comes from (default:
  ``TORCHCOMPAT_LIBTORCH_SOURCE``, else ``auto``): ``archive``, the zip
  archives of download.pytorch.org; ``wheel``, PyPI's torch wheel for the
  platform (the URL is the wheel's on files.pythonhosted.org, the variant the
  one build PyPI publishes there; a release newer than the wheel table is
  read from the index at fetch time, and the URL is then the index's page for
  torch); ``auto``, the archive where one exists for the release and
  platform, else the wheel (Linux aarch64, and releases newer than the
  archive table), which the selection line says. ``VERSION latest`` under
  ``auto`` is the newest release with an archive for the platform, or with a
  wheel where the platform has no archives at all. ``SOURCE_VARIABLE``
  receives ``archive`` or ``wheel`` (the source used), ``RELEASE_VARIABLE``
  the release selected (``latest`` and ``2.4.0+cu121`` resolved).

  Misuse (an unknown keyword, a malformed or unknown version, a variant never
  published) is always a fatal error.
#]=======================================================================]

include_guard(GLOBAL)
# The module's own policies, also when included by a cmake -P script that set none.
cmake_policy(PUSH)
cmake_policy(VERSION 3.22...4.4)

include("${CMAKE_CURRENT_LIST_DIR}/Internal/checks/TorchCompatAnswerCache.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/Internal/common/TorchCompatArguments.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/Internal/tables/TorchCompatLibtorchArchive.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/Internal/checks/TorchCompatLibtorchChoice.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/Internal/checks/TorchCompatReleaseChecks.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/Internal/checks/TorchCompatWheelChoice.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/Internal/verdict/TorchCompatSelectionMessage.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/Internal/verdict/TorchCompatVerdict.cmake")

function(torchcompat_select_libtorch)
  set(one_value
      VERSION
      VARIANT
      PLATFORM
      ARCH
      ABI
      CONFIG
      DRIVER_POLICY
      SOURCE
      URL_VARIABLE
      VARIANT_VARIABLE
      REASON_VARIABLE
      RESULT_VARIABLE
      MESSAGE_VARIABLE
      VERDICT_VARIABLE
      SOURCE_VARIABLE
      RELEASE_VARIABLE)
  cmake_parse_arguments(PARSE_ARGV 0 arg "" "${one_value}" "")
  # Before a remembered answer is looked up: misuse is an error on every call.
  _torchcompat_check_arguments(torchcompat_select_libtorch arg "${one_value}"
                               "VERSION;URL_VARIABLE")
  set(quiet FALSE)
  if(arg_RESULT_VARIABLE AND arg_MESSAGE_VARIABLE)
    set(quiet TRUE)
  endif()
  set(failure_mode FATAL_ERROR)
  if(arg_RESULT_VARIABLE)
    set(failure_mode WARNING)
  endif()
  # The knob is part of the answer's key: resolved into the argument first.
  _torchcompat_libtorch_source(source "${arg_SOURCE}")
  set(arg_SOURCE "${source}")
  # A wheel read from the index at fetch time is named by the index's URL.
  _torchcompat_pypi_index(arg_INDEX)
  # A selection depends only on its arguments, the machine and the tables: a
  # re-configure with none of them changed reuses it (and repeats its warning).
  _torchcompat_answer_key(
    key
    select
    arg
    VERSION
    VARIANT
    PLATFORM
    ARCH
    ABI
    CONFIG
    DRIVER_POLICY
    SOURCE
    INDEX)
  if(DEFINED _TORCHCOMPAT_SELECTED_${key})
    set(selection "${_TORCHCOMPAT_SELECTED_${key}}")
    list(GET selection 0 variant)
    list(GET selection 1 url)
    list(GET selection 2 reason)
    list(GET selection 3 warning)
    list(GET selection 4 status)
    set(notice "")
    list(LENGTH selection parts)
    if(parts GREATER 5)
      list(GET selection 5 notice)
    endif()
    set(source archive)
    set(release "")
    if(parts GREATER 7)
      list(GET selection 6 source)
      list(GET selection 7 release)
    endif()
    foreach(part IN ITEMS warning status)
      string(REPLACE "<newline>" "\n" ${part} "${${part}}")
    endforeach()
    set(auto_WAYS "${_TORCHCOMPAT_SELECTED_WAYS_${key}}")
    _torchcompat_selection_report(
      text
      ${quiet}
      ${failure_mode}
      "${status}"
      "${warning}"
      ""
      "${notice}")
    _torchcompat_publish_selection(TRUE)
    return()
  endif()
  _torchcompat_policy_and_mode(policy mode arg)
  _torchcompat_selection_platform(platform "${arg_PLATFORM}" "${arg_ARCH}")

  set(version "${arg_VERSION}")
  set(latest_note "")
  set(from_auto FALSE)
  if(version STREQUAL "latest")
    if(source STREQUAL "auto")
      _torchcompat_platform_has_archives(has_archives "${platform}")
      if(NOT has_archives)
        set(source wheel)
        set(from_auto TRUE)
      endif()
    endif()
    if(source STREQUAL "wheel")
      _torchcompat_latest_wheel(version "${platform}")
    else()
      _torchcompat_latest_libtorch(version latest_note "${platform}")
    endif()
  else()
    # PEP 440 (cli helper): 2.4.0+cu121 names its variant; a pre-release or
    # rebuild of a release is that release, said in the status line.
    _torchcompat_require_release(given VERSION torch "${version}")
    if(given_VARIANT)
      if(arg_VARIANT AND NOT arg_VARIANT STREQUAL "auto" AND NOT arg_VARIANT STREQUAL given_VARIANT)
        message(FATAL_ERROR "TorchCompat: VERSION ${version} names variant ${given_VARIANT}, but "
                            "VARIANT is ${arg_VARIANT}. Give one or make them agree.")
      endif()
      set(arg_VARIANT "${given_VARIANT}")
    endif()
    set(latest_note "${given_NOTE}")
    set(version "${given_RELEASE}")
    _torchcompat_torch_record(known "${version}")
    # Only the wheel source reaches past the tables: the index names the newer releases' wheels.
    if(known OR NOT source STREQUAL "wheel")
      _torchcompat_require_known_release(VERSION "${version}")
    endif()
  endif()
  if(source STREQUAL "auto")
    set(source archive)
    _torchcompat_release_variants(archive_variants "${version}" "${platform}" libtorch)
    if(NOT archive_variants)
      _torchcompat_wheel_record(auto_wheel "${version}" "${platform}")
      if(auto_wheel_FOUND)
        set(source wheel)
        set(from_auto TRUE)
      endif()
    endif()
  endif()
  if(source STREQUAL "wheel")
    _torchcompat_wheel_choice(wheel "${version}" "${platform}" "${arg_VARIANT}" "${policy}"
                              "${from_auto}")
    set(variant "${wheel_VARIANT}")
    set(url "${wheel_URL}")
    set(reason "${wheel_REASON}")
    set(warning "${wheel_WARNING}")
    set(notice "")
    set(shown_variant "${variant}")
    if(shown_variant STREQUAL "")
      set(shown_variant "(variant read at fetch time)")
    endif()
    set(status "TorchCompat: libtorch ${version} ${shown_variant} for ${platform} from a wheel: "
               "${reason}")
    string(JOIN "" status ${status})
    _torchcompat_finish_selection()
    return()
  endif()

  set(warning "")
  set(notice "")
  set(variant "${arg_VARIANT}")
  if(NOT variant OR variant STREQUAL "auto")
    _torchcompat_auto_variant(auto "${version}" "${platform}" "${policy}")
    if(auto_FAILURE)
      _torchcompat_selection_report(text ${quiet} ${failure_mode} "" "" "${auto_FAILURE}")
      set(variant "")
      set(url "")
      set(reason "")
      _torchcompat_publish_selection(FALSE)
      return()
    endif()
    set(variant "${auto_VARIANT}")
    set(reason "${auto_REASON}")
    set(warning "${auto_WARNING}")
    set(notice "${auto_NOTICE}")
  else()
    _torchcompat_check_variant_name("${variant}")
    set(reason "${variant}, as asked")
  endif()

  _torchcompat_archive_url(url "${version}" "${variant}" "${platform}" "${arg_ABI}" "${arg_CONFIG}")
  set(status "TorchCompat: libtorch ${version} ${variant} for ${platform}: ${reason}")
  _torchcompat_finish_selection()
endfunction()

# Reports, remembers and publishes a selection (a macro: it ends torchcompat_select_libtorch with
# the variables that function set).
macro(_torchcompat_finish_selection)
  if(latest_note)
    set(status "TorchCompat: ${latest_note}.\n${status}")
  endif()
  _torchcompat_selection_report(
    text
    ${quiet}
    ${failure_mode}
    "${status}"
    "${warning}"
    ""
    "${notice}")
  # A list holds the parts, so ';' inside the texts would split them; a cache
  # entry holds one line.
  foreach(part IN ITEMS reason warning status notice)
    set(${part}_stored "${${part}}")
    string(REPLACE ";" "," ${part}_stored "${${part}_stored}")
    string(REPLACE "\n" "<newline>" ${part}_stored "${${part}_stored}")
  endforeach()
  set(release "${version}")
  set(_TORCHCOMPAT_SELECTED_${key}
      "${variant};${url};${reason_stored};${warning_stored};${status_stored};${notice_stored};${source};${release}"
      CACHE INTERNAL "a torchcompat_select_libtorch() answer")
  # Its ways out (JSON: a ';' stays inside), on one line as a cache entry must be.
  string(REPLACE "\n" " " ways_stored "${auto_WAYS}")
  set(_TORCHCOMPAT_SELECTED_WAYS_${key} "${ways_stored}"
      CACHE INTERNAL "the ways out of a torchcompat_select_libtorch() answer")
  _torchcompat_publish_selection(TRUE)
endmacro()

# Sets the caller's URL_VARIABLE, VARIANT_VARIABLE, REASON_VARIABLE,
# RESULT_VARIABLE and MESSAGE_VARIABLE from its variables variant, url,
# reason and text. A macro so that PARENT_SCOPE reaches
# torchcompat_select_libtorch's caller; the texts are read as variables, not
# passed as arguments: a macro reads its arguments' backslashes again (a
# Windows path's \U would be an invalid escape, a \" would lose its \).
macro(_torchcompat_publish_selection ok)
  set(${arg_URL_VARIABLE} "${url}" PARENT_SCOPE)
  if(arg_VARIANT_VARIABLE)
    set(${arg_VARIANT_VARIABLE} "${variant}" PARENT_SCOPE)
  endif()
  if(arg_REASON_VARIABLE)
    set(${arg_REASON_VARIABLE} "${reason}" PARENT_SCOPE)
  endif()
  if(arg_RESULT_VARIABLE)
    set(${arg_RESULT_VARIABLE} ${ok} PARENT_SCOPE)
  endif()
  if(arg_MESSAGE_VARIABLE)
    set(${arg_MESSAGE_VARIABLE} "${text}" PARENT_SCOPE)
  endif()
  if(arg_SOURCE_VARIABLE)
    set(${arg_SOURCE_VARIABLE} "${source}" PARENT_SCOPE)
  endif()
  if(arg_RELEASE_VARIABLE)
    set(${arg_RELEASE_VARIABLE} "${release}" PARENT_SCOPE)
  endif()
  if(arg_VERDICT_VARIABLE)
    # warning, notice and auto_FAILURE are the caller's, as each path set them.
    _torchcompat_selection_verdict(
      selection_verdict
      "${ok}"
      "${variant}"
      "${url}"
      "${reason}"
      "${warning}"
      "${notice}"
      "${auto_FAILURE}"
      "${auto_WAYS}")
    set(${arg_VERDICT_VARIABLE} "${selection_verdict}" PARENT_SCOPE)
  endif()
endmacro()

cmake_policy(POP)
