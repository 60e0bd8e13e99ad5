#[=======================================================================[.rst:
TorchCompatRequire
------------------

The configure-time guard: checks that a torch release, its companions and one
of its builds go together and will run on this machine (or on the target
machine the ``TORCHCOMPAT_OVERRIDE_*`` variables describe).

.. command:: torchcompat_require

  .. code-block:: cmake

    torchcompat_require(TORCH <version>
                        [TORCHVISION <version>] [TORCHAUDIO <version>]
                        [PYTHON <major.minor>] [VARIANT <cpu|cuXYZ|rocmX.Y>]
                        [CUDNN <version>] [DRIVER_POLICY <compat|strict>]
                        [ACCEPT_UNVERIFIED] [REQUIRE_GPU]
                        [MODE <FATAL_ERROR|WARNING>] [RESULT_VARIABLE <var>]
                        [MESSAGE_VARIABLE <var>] [VERDICT_VARIABLE <var>])

  Checks, in turn: the versions are releases and pair with each other
  (``TORCH 1.13.0 TORCHVISION 1.4.0`` fails: torch 1.13.0 pairs with
  torchvision 0.14.0); the Python version is one the release has wheels for;
  the variant was published for this platform; the NVIDIA driver runs the
  variant's CUDA under the driver policy; every visible GPU is covered by the
  variant's SASS or PTX; a CUDA toolkit the project compiles with has the
  variant's CUDA major and runs on the driver; cuDNN matches the one the
  variant ships; the project's C++ standard meets the one the release needs
  and the machine's glibc meets the floor of the release's Linux builds (both
  from ``data/torch-wheels.json``).

  The C++ standard is checked where the project has enabled ``CXX``: against
  ``CMAKE_CXX_STANDARD``, else the compiler's default
  (``CMAKE_CXX_STANDARD_DEFAULT``), and the compiler must offer the standard
  (``cxx_std_NN`` in ``CMAKE_CXX_COMPILE_FEATURES``). A release whose
  ``TorchConfig.cmake`` asks ``target_compile_features(torch INTERFACE
  cxx_std_20)`` (2.15.0) has CMake raise every target that links torch to
  C++20, even below a lower ``CMAKE_CXX_STANDARD`` with
  ``CXX_STANDARD_REQUIRED``: that passes, with a note. A release that states
  the standard only as ``CXX_STANDARD`` on its imported target (2.12.0 to
  2.14.1 for C++20), which reaches no consumer, fails when the project
  compiles below it. The glibc is ``TORCHCOMPAT_OVERRIDE_GLIBC`` (cache or
  environment), else a target profile's ``"glibc"`` member (the probe does
  not write one: without it the check cannot be verified), else this host's
  ``getconf GNU_LIBC_VERSION``.

  Each check passes, fails, or cannot be verified (the table lacks the fact,
  or the machine could not be probed), with its reason. What can be derived
  is derived first: a CUDA X.Y build carries no SASS for an architecture that
  CUDA X.Y cannot compile for (``data/gpu-code-rules.json``), so such a GPU
  fails unless PTX that covers it is recorded. A CUDA build on a machine with
  no NVIDIA driver, or no GPU, would run on the CPU only: a warning, unless
  ``REQUIRE_GPU``.

  ``TORCH``
    Required. A local part names the variant: ``2.4.0+cu121``. Other PEP 440
    forms are taken as their release, and the answer says so
    (``1.13.0a0+gitunknown`` is checked as 1.13.0).
  ``VARIANT``
    Defaults to the local part of ``TORCH``, else to the variant of the torch
    installed for the detected Python if it is the same release, else to the
    plain PyPI wheel's CUDA on Linux x86_64 and ``cpu`` elsewhere.
  ``CUDNN``
    The cuDNN the project links. Without it, cuDNN is checked only when
    ``TORCHCOMPAT_OVERRIDE_CUDNN`` is set: libtorch archives and wheels bring
    their own.
  ``DRIVER_POLICY``
    ``compat`` (default, or ``TORCHCOMPAT_DRIVER_POLICY``): NVIDIA's
    minor-version compatibility, what PyTorch's binaries rely on. ``strict``:
    the driver must meet the build's own CUDA toolkit minimum.
  ``ACCEPT_UNVERIFIED``
    What cannot be verified is reported as a warning and the guard passes.
    Without it (and without the cache variable
    ``TORCHCOMPAT_ACCEPT_UNVERIFIED``), cannot-be-verified fails the guard:
    unknown is never a pass.
  ``REQUIRE_GPU``
    The project needs the GPU: a CUDA build that would run on the CPU only
    (no driver, no GPU), or ``VARIANT cpu``, fails the guard. Also the cache
    variable ``TORCHCOMPAT_REQUIRE_GPU``.
  ``MODE``
    How a failed check is reported: ``FATAL_ERROR`` (default) or ``WARNING``.
    With ``RESULT_VARIABLE`` and no ``MODE``, ``WARNING``.
  ``RESULT_VARIABLE``
    Set to ``TRUE`` or ``FALSE``.
  ``MESSAGE_VARIABLE``
    Set to the whole explanation, each part starting ``TorchCompat:``: what
    failed or could not be verified and why, and the ways out; on success the
    "every check passed" line (the checks that passed are listed in the
    verdict only). Given together with ``RESULT_VARIABLE``, the
    guard prints nothing itself (not even status lines) and never stops the
    configure for a failed check, so a caller in ``cmake -P`` script mode can
    print the text without CMake's call-stack lines. Given alone, the guard
    reports as usual.

  ``VERDICT_VARIABLE``
    Set to the verdict as one JSON object (the schema is in ``docs/cli.md``,
    "The verdict"): ``answer`` (``works``, ``cpu-only``, ``problem`` or
    ``unverified``), every check with its status (``fails``, ``unverified``,
    ``cpu-only``, ``passes``) and reason, the machine checked against (each
    fact with where it came from), and the ways out as actions, each with its ``kind`` and the
    argument (``cmake``) that takes it. The messages, and ``MESSAGE_VARIABLE``,
    are rendered from this value.

  The guard works in script mode (``cmake -P``) as well as in a project: it
  uses no target or project-only command.

  A failure message lists what was found and where, what is needed and by
  which rule, the machine it was checked against (with
  ``TorchCompat_MACHINE_SOURCE`` when the probe recorded which machine that
  is), and the ways out. Each way out was evaluated on the same machine:
  other builds only when they pass every check, driver advice only when the
  driver is what failed ("install" when there is none), ``DRIVER_POLICY
  compat`` only when the build passes under it, and, when no build of the
  release has code for the GPUs, the newest release whose build does. Misuse (an unknown keyword, a malformed
  version, a corrupt table) is always a fatal error.
#]=======================================================================]

include_guard(GLOBAL)
# The module's own policies, also when included by a cmake -P script that set none.
cmake_policy(PUSH)
cmake_policy(VERSION 3.22...4.4)

include("${CMAKE_CURRENT_LIST_DIR}/Internal/checks/TorchCompatAnswerCache.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/Internal/common/TorchCompatArguments.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/Internal/checks/TorchCompatGuardMachine.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/Internal/checks/TorchCompatInstallChoice.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/Internal/verdict/TorchCompatGuardMessage.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/Internal/tables/TorchCompatPlatform.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/Internal/checks/TorchCompatReleaseChecks.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/Internal/tables/TorchCompatTable.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/Internal/common/TorchCompatText.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/Internal/checks/TorchCompatToolchainChecks.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/Internal/verdict/TorchCompatVerdict.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/Internal/common/TorchCompatVersionRules.cmake")

# Sets torchcompat_require's RESULT_VARIABLE, MESSAGE_VARIABLE and
# VERDICT_VARIABLE in its caller, from the variables named <text_var> and
# <verdict_var>. A macro, so that PARENT_SCOPE reaches torchcompat_require's
# caller; it takes names, not values: a macro substitutes its arguments as
# text and reads their backslashes again, which turned the verdict's \" into
# " (broken JSON) and would make a Windows path's \U an invalid escape.
macro(_torchcompat_publish_answer ok text_var verdict_var)
  if(arg_RESULT_VARIABLE)
    set(${arg_RESULT_VARIABLE} ${ok} PARENT_SCOPE)
  endif()
  if(arg_MESSAGE_VARIABLE)
    set(${arg_MESSAGE_VARIABLE} "${${text_var}}" PARENT_SCOPE)
  endif()
  if(arg_VERDICT_VARIABLE)
    set(${arg_VERDICT_VARIABLE} "${${verdict_var}}" PARENT_SCOPE)
  endif()
endmacro()

# The way out of a Python without wheels that names another release: the
# newest release with wheels for that Python whose wheel also runs on this
# machine (TorchCompatInstallChoice), not merely the newest with such wheels (a
# cu132 build on a driver for CUDA 12.4). Rewrites the "release" action of
# <ways> (a JSON array) into <out-var>; drops it when no release runs here.
function(_torchcompat_python_release_way out_var ways python platform policy)
  _torchcompat_major_minor("${python}" python)
  _torchcompat_newest_wheel_that_runs(newest "${python}" "${platform}" "${policy}")
  set(result "[]")
  _torchcompat_verdict_indices(index_list "${ways}")
  foreach(index IN LISTS index_list)
    string(JSON way GET "${ways}" ${index})
    string(JSON kind GET "${way}" kind)
    if(kind STREQUAL "release")
      if(NOT newest_RELEASE)
        continue()
      endif()
      _torchcompat_verdict_quote(
        text
        "use torch ${newest_RELEASE} (TORCH ${newest_RELEASE}), the newest release with Python ${python} wheels on ${platform} whose wheel runs here (${newest_VARIANT})"
      )
      string(JSON way SET "${way}" text "${text}")
      string(JSON way SET "${way}" cmake "\"TORCH ${newest_RELEASE}\"")
      string(JSON way SET "${way}" release "\"${newest_RELEASE}\"")
    endif()
    _torchcompat_verdict_push(result "${way}")
  endforeach()
  set(${out_var} "${result}" PARENT_SCOPE)
endfunction()

function(torchcompat_require)
  set(options ACCEPT_UNVERIFIED REQUIRE_GPU)
  set(one_value
      TORCH
      TORCHVISION
      TORCHAUDIO
      PYTHON
      VARIANT
      CUDNN
      DRIVER_POLICY
      MODE
      RESULT_VARIABLE
      MESSAGE_VARIABLE
      VERDICT_VARIABLE)
  cmake_parse_arguments(PARSE_ARGV 0 arg "${options}" "${one_value}" "")
  # Before a remembered answer is looked up: misuse is an error on every call.
  _torchcompat_check_arguments(torchcompat_require arg "${one_value};${options}" "TORCH")
  set(quiet FALSE)
  if(arg_RESULT_VARIABLE AND arg_MESSAGE_VARIABLE)
    set(quiet TRUE)
  endif()
  # Inputs only: MODE, RESULT_VARIABLE and MESSAGE_VARIABLE change how an answer
  # is given, not what it is.
  _torchcompat_answer_key(
    key
    require
    arg
    TORCH
    TORCHVISION
    TORCHAUDIO
    PYTHON
    VARIANT
    CUDNN
    DRIVER_POLICY
    ACCEPT_UNVERIFIED
    REQUIRE_GPU)
  if(_TORCHCOMPAT_REQUIRE_PASSED_${key})
    set(text "${_TORCHCOMPAT_REQUIRE_PASSED_${key}} (cached)")
    if(NOT quiet)
      message(STATUS "${text}")
    endif()
    _torchcompat_publish_answer(TRUE text _TORCHCOMPAT_REQUIRE_VERDICT_${key})
    return()
  endif()
  set(accept FALSE)
  if(arg_ACCEPT_UNVERIFIED OR TORCHCOMPAT_ACCEPT_UNVERIFIED)
    set(accept TRUE)
  endif()
  set(require_gpu FALSE)
  if(arg_REQUIRE_GPU OR TORCHCOMPAT_REQUIRE_GPU)
    set(require_gpu TRUE)
  endif()
  set(notes "")
  _torchcompat_guard_release(torch torch_local torch_note TORCH torch "${arg_TORCH}")
  if(torch_note)
    list(APPEND notes "${torch_note}")
  endif()
  foreach(keyword IN ITEMS TORCHVISION TORCHAUDIO)
    if(DEFINED arg_${keyword})
      string(TOLOWER "${keyword}" package)
      _torchcompat_guard_release(release local note ${keyword} ${package} "${arg_${keyword}}")
      set(companion_${keyword} "${release}")
      if(note)
        list(APPEND notes "${note}")
      endif()
    endif()
  endforeach()
  foreach(keyword IN ITEMS PYTHON CUDNN)
    if(DEFINED arg_${keyword})
      _torchcompat_check_version(${keyword} "${arg_${keyword}}")
    endif()
  endforeach()
  _torchcompat_policy_and_mode(policy mode arg)
  if(torch_local AND arg_VARIANT AND NOT torch_local STREQUAL arg_VARIANT)
    message(FATAL_ERROR "TorchCompat: TORCH ${arg_TORCH} names variant ${torch_local}, but "
                        "VARIANT is ${arg_VARIANT}. Give one or make them agree.")
  endif()
  if(arg_VARIANT)
    _torchcompat_check_variant_name("${arg_VARIANT}")
  endif()
  set(quiet_flag "")
  if(quiet)
    set(quiet_flag QUIET)
  endif()
  set(accept_flag "")
  if(accept)
    set(accept_flag ACCEPT)
  endif()

  set(problems "")
  set(unknowns "")
  set(passes "")
  set(python_ways "")
  # The ways out, as actions (TorchCompatVerdict), in the order they are offered.
  set(ways "[]")
  _torchcompat_torch_record(record "${torch}")
  if(NOT record)
    _torchcompat_unknown_torch_text(text "${torch}")
    _torchcompat_conclude(
      answer
      ${quiet_flag}
      MODE
      ${mode}
      SUBJECT
      "torch ${torch}"
      TORCH
      "${torch}"
      PROBLEMS
      "${text}"
      NOTES
      ${notes})
    _torchcompat_publish_answer(${answer_OK} answer_TEXT answer_VERDICT)
    return()
  endif()

  foreach(package IN ITEMS torchvision torchaudio)
    string(TOUPPER "${package}" keyword)
    if(DEFINED arg_${keyword})
      unset(problem_NOTE)
      _torchcompat_companion_problem(problem ${package} "${companion_${keyword}}" "${torch}"
                                     "${record}")
      if(COMMAND _torchcompat_source_build_series)
        _torchcompat_source_build_companion(problem ${package} "${companion_${keyword}}"
                                            "${arg_TORCH}")
      endif()
      if(problem)
        list(APPEND problems "${problem}")
        _torchcompat_json_get(paired "${record}" ${package})
        if(paired)
          _torchcompat_verdict_action(
            ways
            KIND
            install
            TEXT
            "use ${package} ${paired} (${keyword} ${paired}), the ${package} release that goes with torch ${torch}"
            CMAKE
            "${keyword} ${paired}"
            PACKAGE
            ${package}
            VERSION
            "${paired}"
            ADDRESSES
            fails)
        endif()
      elseif(problem_NOTE)
        _torchcompat_add_text(unknowns "${problem_NOTE}")
      else()
        _torchcompat_add_text(passes "${package} ${companion_${keyword}} pairs with torch ${torch}")
      endif()
    endif()
  endforeach()

  _torchcompat_host_platform(platform os)
  if(DEFINED arg_PYTHON)
    _torchcompat_python_check(python "${torch}" "${record}" "${platform}" "${arg_PYTHON}")
    list(APPEND problems ${python_PROBLEMS})
    list(APPEND unknowns ${python_UNKNOWNS})
    set(python_ways "${python_WAYS}")
    if(python_PROBLEMS)
      _torchcompat_python_release_way(python_ways "${python_ways}" "${arg_PYTHON}" "${platform}"
                                      "${policy}")
    endif()
    if(NOT python_PROBLEMS AND NOT python_UNKNOWNS)
      _torchcompat_add_text(passes "torch ${torch} has wheels for Python ${arg_PYTHON}")
    endif()
  endif()

  set(variant "${torch_local}")
  if(NOT variant)
    set(variant "${arg_VARIANT}")
  endif()
  if(NOT variant)
    _torchcompat_default_variant(variant "${torch}" "${record}" "${platform}")
  endif()
  _torchcompat_variant_published(published "${torch}" "${variant}" "${platform}")
  if(published_STATUS STREQUAL "no")
    list(APPEND problems "${published_TEXT}")
  elseif(published_STATUS STREQUAL "unknown")
    list(APPEND unknowns "${published_TEXT}")
  else()
    _torchcompat_add_text(passes "torch ${torch} has a ${variant} build for ${platform}")
  endif()

  # The toolchain the release needs: the project's C++ standard and the glibc
  # its Linux builds load on (issue 17).
  _torchcompat_toolchain_checks(toolchain "${torch}" "${platform}")
  list(APPEND problems ${toolchain_PROBLEMS})
  list(APPEND unknowns ${toolchain_UNKNOWNS})
  list(APPEND passes ${toolchain_PASSES})
  list(APPEND notes ${toolchain_NOTES})
  _torchcompat_verdict_indices(index_list "${toolchain_WAYS}")
  foreach(index IN LISTS index_list)
    string(JSON way GET "${toolchain_WAYS}" ${index})
    _torchcompat_verdict_push(ways "${way}")
  endforeach()

  set(flags "")
  if(require_gpu)
    list(APPEND flags REQUIRE_GPU)
  endif()
  if(accept)
    list(APPEND flags ACCEPT)
  endif()
  if(unknowns)
    list(APPEND flags UNKNOWN_BEFORE)
  endif()
  _torchcompat_guard_machine_checks(
    machine_checks
    ${flags}
    TORCH
    "${torch}"
    VARIANT
    "${variant}"
    POLICY
    "${policy}"
    PLATFORM
    "${platform}"
    OS
    "${os}"
    PUBLISHED
    "${published_STATUS}"
    CUDNN
    "${arg_CUDNN}")
  list(APPEND problems ${machine_checks_PROBLEMS})
  list(APPEND unknowns ${machine_checks_UNKNOWNS})
  list(APPEND passes ${machine_checks_PASSES})
  set(cpu_only ${machine_checks_CPU_ONLY})
  _torchcompat_verdict_count(machine_ways "${machine_checks_WAYS}")
  foreach(more IN ITEMS python_ways machine_checks_WAYS)
    _torchcompat_verdict_indices(index_list "${${more}}")
    foreach(index IN LISTS index_list)
      string(JSON way GET "${${more}}" ${index})
      _torchcompat_verdict_push(ways "${way}")
    endforeach()
  endforeach()
  if(machine_ways EQUAL 0 AND unknowns AND NOT accept)
    _torchcompat_verdict_accept_action(ways)
  endif()
  _torchcompat_verdict_address(ways unverified)
  set(machine_text "${machine_checks_MACHINE_TEXT}")

  _torchcompat_conclude(
    answer
    ${quiet_flag}
    ${accept_flag}
    MODE
    ${mode}
    SUBJECT
    "torch ${torch} (${variant})"
    TORCH
    "${torch}"
    VARIANT
    "${variant}"
    MACHINE_TEXT
    "${machine_text}"
    MACHINE_JSON
    "${machine_checks_MACHINE_JSON}"
    ACTIONS
    "${ways}"
    PROBLEMS
    ${problems}
    UNKNOWNS
    ${unknowns}
    CPU_ONLY
    ${cpu_only}
    PASSES
    ${passes}
    NOTES
    ${notes})
  if(answer_OK
     AND NOT unknowns
     AND NOT cpu_only
     AND NOT notes)
    set(_TORCHCOMPAT_REQUIRE_PASSED_${key}
        "TorchCompat: torch ${torch} (${variant}): every check passed"
        CACHE INTERNAL "a torchcompat_require() that passed")
    # A cache entry holds one line; JSON's line breaks are only white space between tokens.
    string(REPLACE "\n" " " verdict_line "${answer_VERDICT}")
    set(_TORCHCOMPAT_REQUIRE_VERDICT_${key} "${verdict_line}"
        CACHE INTERNAL "the verdict of a torchcompat_require() that passed")
  endif()
  _torchcompat_publish_answer(${answer_OK} answer_TEXT answer_VERDICT)
endfunction()

cmake_policy(POP)
