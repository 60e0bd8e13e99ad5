#[=======================================================================[.rst:
TorchCompatSelectLibtorch
-------------------------

Picks the libtorch build that will run on this machine (or on the target the
``TORCHCOMPAT_OVERRIDE_*`` variables describe) and gives its official URL.

.. command:: torchcompat_select_libtorch

  .. code-block:: cmake

    torchcompat_select_libtorch(VERSION <version|latest>
                                [VARIANT <auto|cpu|cuXYZ|rocmX.Y>]
                                [PLATFORM <linux|windows|macos>]
                                [ARCH <x86_64|aarch64|arm64>]
                                [ABI <cxx11|pre-cxx11>] [CONFIG <Release|Debug>]
                                [DRIVER_POLICY <compat|strict>]
                                URL_VARIABLE <var>
                                [VARIANT_VARIABLE <var>] [REASON_VARIABLE <var>]
                                [RESULT_VARIABLE <var>] [MESSAGE_VARIABLE <var>])

  ``VERSION latest`` is the newest release whose libtorch the table lists for
  the platform; when newer releases were skipped, the selection line says
  which and why (their builds unknown, or none published). ``VARIANT auto``
  (the default) takes the newest CUDA variant of the release that passes every
  check here (the driver under ``DRIVER_POLICY``, code for every visible GPU);
  a variant that cannot be verified is never taken, and the selection names
  the ones it skipped and why. When no CUDA variant passes it takes ``cpu``
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
  Misuse (an unknown keyword, a malformed or unknown version, a variant never
  published) is always a fatal error.
#]=======================================================================]

include_guard(GLOBAL)
# The module's own policies, also when included by a cmake -P script that set none.
cmake_policy(PUSH)
cmake_policy(VERSION 3.22...4.4)

include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatDetect.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatTable.cmake")
# The remembered-answer key and the release texts the guard shares.
include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatRequire.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/Internal/TorchCompatArguments.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/Internal/TorchCompatPlatform.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/Internal/TorchCompatRunsHere.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/Internal/TorchCompatLibtorchUrl.cmake")

# The table's platform name from PLATFORM and ARCH (each defaulting to the host's).
function(_torchcompat_selection_platform out_var os arch)
  _torchcompat_host_platform(host_platform host_os)
  if(NOT os)
    set(os "${host_os}")
  endif()
  if(NOT arch)
    string(REGEX REPLACE "^[^-]*-" "" arch "${host_platform}")
  endif()
  if(NOT os MATCHES "^(linux|windows|macos)$")
    message(FATAL_ERROR "TorchCompat: PLATFORM '${os}' is not one of linux, windows, macos.")
  endif()
  if(NOT arch MATCHES "^(x86_64|aarch64|arm64)$")
    message(FATAL_ERROR "TorchCompat: ARCH '${arch}' is not one of x86_64, aarch64, arm64.")
  endif()
  # Apple calls it arm64, Linux aarch64; the table follows each platform's name.
  if(os STREQUAL "macos" AND arch STREQUAL "aarch64")
    set(arch arm64)
  elseif(os STREQUAL "linux" AND arch STREQUAL "arm64")
    set(arch aarch64)
  endif()
  set(${out_var} "${os}-${arch}" PARENT_SCOPE)
endfunction()

# VERSION latest: the newest release whose libtorch builds for the platform the
# table lists. Sets out_var, and note_var to one sentence saying which release
# it took and why it skipped newer ones ("" when it took the newest).
function(_torchcompat_latest_libtorch out_var note_var platform)
  _torchcompat_torch_versions(versions)
  list(REVERSE versions)
  set(unknown "")
  set(none "")
  _torchcompat_table(table torch-variants)
  foreach(version IN LISTS versions)
    _torchcompat_release_variants(variants "${version}" "${platform}" libtorch)
    if(variants)
      set(note "")
      if(unknown OR none)
        set(reasons "")
        if(unknown)
          list(JOIN unknown ", " text)
          list(APPEND reasons
               "the table does not know the libtorch builds of ${text} for ${platform}")
        endif()
        if(none)
          list(JOIN none ", " text)
          list(APPEND reasons "${text} published no libtorch for ${platform}")
        endif()
        list(JOIN reasons ", and " reasons)
        string(CONCAT note "VERSION latest is torch ${version}, the newest release with a known "
                      "libtorch for ${platform}; newer releases were skipped: ${reasons}")
      endif()
      set(${out_var} "${version}" PARENT_SCOPE)
      set(${note_var} "${note}" PARENT_SCOPE)
      return()
    endif()
    _torchcompat_json_type(
      type
      "${table}"
      releases
      "${version}"
      platforms
      "${platform}"
      libtorch)
    if(type STREQUAL "ARRAY")
      list(APPEND none "${version}")
    else()
      list(APPEND unknown "${version}")
    endif()
  endforeach()
  message(FATAL_ERROR "TorchCompat: the table lists no libtorch for ${platform}.")
endfunction()

# _torchcompat_choose_variant(<prefix> VERSION <v> PLATFORM <p> POLICY <p> KIND <wheel|libtorch>)
# The newest CUDA variant of the release that passes every check here, else
# cpu. A build that cannot be verified (its architectures unknown, say) is
# never chosen: it is skipped, and said so. Sets <prefix>_VARIANT ("" when
# nothing runs and there is no cpu build), <prefix>_REASON,
# <prefix>_REJECTIONS (one "variant: why not" per CUDA variant that fails or
# would run on the CPU only), <prefix>_SKIPPED (one "variant: what cannot be
# verified" per unverifiable one) and <prefix>_ADVICE (a driver to install or
# upgrade when that alone would let the newest build run).
function(_torchcompat_choose_variant prefix)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "VERSION;PLATFORM;POLICY;KIND" "")
  _torchcompat_release_variants(variants "${arg_VERSION}" "${arg_PLATFORM}" "${arg_KIND}")
  _torchcompat_cuda_variants(cuda_variants "${variants}")

  set(chosen "")
  set(reason "")
  set(rejections "")
  set(skipped "")
  set(advice "")
  set(gpu_failed FALSE)
  if(cuda_variants)
    _torchcompat_machine(machine)
  endif()
  foreach(variant IN LISTS cuda_variants)
    _torchcompat_evaluate_variant(
      evaluation
      VERSION "${arg_VERSION}"
      VARIANT "${variant}"
      POLICY "${arg_POLICY}"
      PLATFORM "${arg_PLATFORM}"
      MACHINE machine)
    if(NOT advice AND evaluation_ADVICE)
      set(advice "${evaluation_ADVICE}")
    endif()
    if(evaluation_VERDICT STREQUAL "pass")
      set(chosen "${variant}")
      string(CONCAT reason "${variant} is the newest CUDA build of torch ${arg_VERSION} that "
                    "passes every check here (${machine_DESC}, ${arg_POLICY} policy)")
      break()
    elseif(evaluation_VERDICT STREQUAL "unknown")
      list(GET evaluation_UNKNOWNS 0 first)
      list(APPEND skipped "${variant}: ${first}")
    elseif(evaluation_VERDICT STREQUAL "cpu-only")
      list(APPEND rejections "${variant}: ${evaluation_CPU_ONLY}, so it would run on the CPU only")
    else()
      list(GET evaluation_PROBLEMS 0 first)
      list(APPEND rejections "${variant}: ${first}")
      if(evaluation_GPU_FAILED)
        set(gpu_failed TRUE)
      endif()
    endif()
  endforeach()
  if(chosen)
    set(advice "")
    if(skipped)
      list(JOIN skipped ", and " skipped_text)
      string(APPEND reason ". Newer builds were skipped, as they cannot be verified: "
             "${skipped_text}")
    endif()
  elseif("cpu" IN_LIST variants)
    set(chosen cpu)
    set(why ${rejections} ${skipped})
    if(why)
      list(GET why 0 first)
      set(reason "cpu, because no CUDA build is verified to run here (${first})")
    else()
      set(reason "cpu, the only build of torch ${arg_VERSION} for ${arg_PLATFORM}")
    endif()
  endif()
  set(${prefix}_VARIANT "${chosen}" PARENT_SCOPE)
  set(${prefix}_REASON "${reason}" PARENT_SCOPE)
  set(${prefix}_REJECTIONS "${rejections}" PARENT_SCOPE)
  set(${prefix}_SKIPPED "${skipped}" PARENT_SCOPE)
  set(${prefix}_ADVICE "${advice}" PARENT_SCOPE)
  set(${prefix}_GPU_FAILED ${gpu_failed} PARENT_SCOPE)
endfunction()

# VARIANT auto for a libtorch. Sets <out>_VARIANT ("" when nothing can run),
# <out>_REASON, <out>_WARNING (a warning's text, or "") and <out>_FAILURE (why
# nothing can run, or "").
function(_torchcompat_auto_variant out version platform policy)
  _torchcompat_choose_variant(
    choice
    VERSION "${version}"
    PLATFORM "${platform}"
    POLICY "${policy}"
    KIND libtorch)
  set(failure "")
  set(details "")
  if(choice_REJECTIONS)
    _torchcompat_bullets(text "${choice_REJECTIONS}")
    string(APPEND details "${text}")
  endif()
  if(choice_SKIPPED)
    _torchcompat_bullets(text "${choice_SKIPPED}")
    string(APPEND details "\nSkipped, as they cannot be verified (TorchCompat never picks an "
           "unverified build):${text}")
  endif()
  if(choice_ADVICE)
    string(APPEND details "\nTo use the GPU: ${choice_ADVICE}.")
  endif()
  if(details)
    _torchcompat_machine(machine)
    _torchcompat_machine_text(machine_text machine)
    if(machine_text)
      string(APPEND details "\nChecked against: ${machine_text}")
    endif()
  endif()
  if(choice_GPU_FAILED AND (NOT choice_VARIANT OR choice_VARIANT STREQUAL "cpu"))
    _torchcompat_machine(machine)
    _torchcompat_newest_release_that_runs(newest "${version}" "${platform}" "${policy}" machine
                                          libtorch)
    if(newest)
      string(APPEND details "\nThe newest release with a libtorch that has code for these GPUs "
             "and passes every check here: ${newest}.")
    endif()
  endif()
  if(NOT choice_VARIANT)
    _torchcompat_release_variants(variants "${version}" "${platform}" libtorch)
    if(variants)
      list(JOIN variants ", " variant_text)
      string(CONCAT failure "TorchCompat: no libtorch of torch ${version} for ${platform} is "
                    "verified to run here, and it has no cpu build (it has ${variant_text}).")
    else()
      _torchcompat_release_known_text(known "${version}" "${platform}")
      string(
        CONCAT failure
               "TorchCompat: the table does not know which libtorch builds torch "
               "${version} has for ${platform} (${known}), so none can be selected. An "
               "older release whose builds are known can be (VERSION latest takes the "
               "newest of them).")
    endif()
    string(APPEND failure "${details}")
  endif()
  set(warning "")
  if(choice_VARIANT STREQUAL "cpu" AND details)
    string(CONCAT warning "TorchCompat: using the cpu libtorch of torch ${version}: no CUDA build "
                  "is verified to run here.${details}")
  endif()
  set(${out}_VARIANT "${choice_VARIANT}" PARENT_SCOPE)
  set(${out}_REASON "${choice_REASON}" PARENT_SCOPE)
  set(${out}_WARNING "${warning}" PARENT_SCOPE)
  set(${out}_FAILURE "${failure}" PARENT_SCOPE)
endfunction()

# ABI and CONFIG defaults for a platform.
function(_torchcompat_default_abi_config abi_var config_var platform abi config)
  if(platform MATCHES "^linux")
    if(NOT abi)
      set(abi cxx11)
    endif()
  elseif(abi AND NOT abi STREQUAL "none")
    message(FATAL_ERROR "TorchCompat: ABI ${abi} applies to Linux builds only; ${platform} "
                        "libtorch has a single ABI.")
  else()
    set(abi none)
  endif()
  if(NOT config)
    set(config Release)
  endif()
  if(NOT abi MATCHES "^(cxx11|pre-cxx11|none)$")
    message(FATAL_ERROR "TorchCompat: ABI '${abi}' is not cxx11 or pre-cxx11.")
  endif()
  if(NOT config MATCHES "^(Release|Debug)$")
    message(FATAL_ERROR "TorchCompat: CONFIG '${config}' is not Release or Debug.")
  endif()
  set(${abi_var} "${abi}" PARENT_SCOPE)
  set(${config_var} "${config}" PARENT_SCOPE)
endfunction()

# The URL of one archive; ABI and CONFIG may be "" for their defaults.
function(
  _torchcompat_archive_url
  out_var
  version
  variant
  platform
  abi
  config)
  _torchcompat_default_abi_config(chosen_abi config "${platform}" "${abi}" "${config}")
  _torchcompat_data_dir(data_dir)
  _torchcompat_libtorch_url(
    url
    VERSION "${version}"
    VARIANT "${variant}"
    PLATFORM "${platform}"
    ABI "${chosen_abi}"
    CONFIG "${config}"
    DATA_DIR "${data_dir}"
    ERROR_VARIABLE error)
  if(error AND NOT abi AND chosen_abi STREQUAL "cxx11")
    # The first releases published pre-cxx11 archives only.
    _torchcompat_libtorch_url(
      url
      VERSION "${version}"
      VARIANT "${variant}"
      PLATFORM "${platform}"
      ABI pre-cxx11
      CONFIG "${config}"
      DATA_DIR "${data_dir}"
      ERROR_VARIABLE pre_cxx11_error)
    if(NOT pre_cxx11_error)
      set(error "")
    endif()
  endif()
  if(error)
    message(FATAL_ERROR "${error}")
  endif()
  set(${out_var} "${url}" PARENT_SCOPE)
endfunction()

function(torchcompat_select_libtorch)
  set(one_value
      VERSION
      VARIANT
      PLATFORM
      ARCH
      ABI
      CONFIG
      DRIVER_POLICY
      URL_VARIABLE
      VARIANT_VARIABLE
      REASON_VARIABLE
      RESULT_VARIABLE
      MESSAGE_VARIABLE)
  cmake_parse_arguments(PARSE_ARGV 0 arg "" "${one_value}" "")
  set(quiet FALSE)
  if(arg_RESULT_VARIABLE AND arg_MESSAGE_VARIABLE)
    set(quiet TRUE)
  endif()
  set(failure_mode FATAL_ERROR)
  if(arg_RESULT_VARIABLE)
    set(failure_mode WARNING)
  endif()
  # A selection depends only on its arguments, the machine and the tables: a
  # re-configure with none of them changed reuses it (and repeats its warning).
  _torchcompat_answer_key(key select ${ARGN})
  if(DEFINED _TORCHCOMPAT_SELECTED_${key})
    set(selection "${_TORCHCOMPAT_SELECTED_${key}}")
    list(GET selection 0 variant)
    list(GET selection 1 url)
    list(GET selection 2 reason)
    list(GET selection 3 warning)
    list(GET selection 4 status)
    foreach(part IN ITEMS warning status)
      string(REPLACE "<newline>" "\n" ${part} "${${part}}")
    endforeach()
    _torchcompat_selection_report(text ${quiet} ${failure_mode} "${status}" "${warning}" "")
    _torchcompat_publish_selection(TRUE "${variant}" "${url}" "${reason}" "${text}")
    return()
  endif()
  _torchcompat_check_arguments(torchcompat_select_libtorch arg "${one_value}"
                               "VERSION;URL_VARIABLE")
  _torchcompat_policy_and_mode(policy mode arg)
  _torchcompat_selection_platform(platform "${arg_PLATFORM}" "${arg_ARCH}")

  set(version "${arg_VERSION}")
  set(latest_note "")
  if(version STREQUAL "latest")
    _torchcompat_latest_libtorch(version latest_note "${platform}")
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
    _torchcompat_require_known_release(VERSION "${version}")
  endif()

  set(warning "")
  set(variant "${arg_VARIANT}")
  if(NOT variant OR variant STREQUAL "auto")
    _torchcompat_auto_variant(auto "${version}" "${platform}" "${policy}")
    if(auto_FAILURE)
      _torchcompat_selection_report(text ${quiet} ${failure_mode} "" "" "${auto_FAILURE}")
      _torchcompat_publish_selection(FALSE "" "" "" "${text}")
      return()
    endif()
    set(variant "${auto_VARIANT}")
    set(reason "${auto_REASON}")
    set(warning "${auto_WARNING}")
  else()
    _torchcompat_check_variant_name("${variant}")
    set(reason "${variant}, as asked")
  endif()

  _torchcompat_archive_url(url "${version}" "${variant}" "${platform}" "${arg_ABI}" "${arg_CONFIG}")
  set(status "TorchCompat: libtorch ${version} ${variant} for ${platform}: ${reason}")
  if(latest_note)
    set(status "TorchCompat: ${latest_note}.\n${status}")
  endif()
  _torchcompat_selection_report(text ${quiet} ${failure_mode} "${status}" "${warning}" "")
  # A list holds the parts, so ';' inside the texts would split them; a cache
  # entry holds one line.
  foreach(part IN ITEMS reason warning status)
    set(${part}_stored "${${part}}")
    string(REPLACE ";" "," ${part}_stored "${${part}_stored}")
    string(REPLACE "\n" "<newline>" ${part}_stored "${${part}_stored}")
  endforeach()
  set(_TORCHCOMPAT_SELECTED_${key}
      "${variant};${url};${reason_stored};${warning_stored};${status_stored}"
      CACHE INTERNAL "a torchcompat_select_libtorch() answer")
  _torchcompat_publish_selection(TRUE "${variant}" "${url}" "${reason}" "${text}")
endfunction()

# Prints a selection's status line and warning (or its failure, as
# failure_mode), unless quiet, and sets out_var to all of it for MESSAGE_VARIABLE.
function(
  _torchcompat_selection_report
  out_var
  quiet
  failure_mode
  status
  warning
  failure)
  set(parts "")
  foreach(part IN ITEMS warning status failure)
    if(${part})
      string(REPLACE ";" "," piece "${${part}}")
      list(APPEND parts "${piece}")
    endif()
  endforeach()
  list(JOIN parts "\n" text)
  if(NOT quiet)
    if(warning)
      message(WARNING "${warning}")
    endif()
    if(status)
      message(STATUS "${status}")
    endif()
    if(failure)
      message(${failure_mode} "${failure}")
    endif()
  endif()
  set(${out_var} "${text}" PARENT_SCOPE)
endfunction()

# Sets the caller's URL_VARIABLE, VARIANT_VARIABLE, REASON_VARIABLE,
# RESULT_VARIABLE and MESSAGE_VARIABLE.
macro(_torchcompat_publish_selection ok variant url reason text)
  # A macro so that PARENT_SCOPE reaches torchcompat_select_libtorch's caller.
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
endmacro()

cmake_policy(POP)
