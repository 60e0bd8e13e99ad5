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
                        [MESSAGE_VARIABLE <var>])

  Checks, in turn: the versions are releases and pair with each other
  (``TORCH 1.13.0 TORCHVISION 1.4.0`` fails: torch 1.13.0 pairs with
  torchvision 0.14.0); the Python version is one the release has wheels for;
  the variant was published for this platform; the NVIDIA driver runs the
  variant's CUDA under the driver policy; every visible GPU is covered by the
  variant's SASS or PTX; a CUDA toolkit the project compiles with has the
  variant's CUDA major and runs on the driver; cuDNN matches the one the
  variant ships.

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
    "every check passed" line. Given together with ``RESULT_VARIABLE``, the
    guard prints nothing itself (not even status lines) and never stops the
    configure for a failed check, so a caller in ``cmake -P`` script mode can
    print the text without CMake's call-stack lines. Given alone, the guard
    reports as usual.

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

include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatDetect.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatTable.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/Internal/TorchCompatRunsHere.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/Internal/TorchCompatPlatform.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/Internal/TorchCompatArguments.cmake")
# PEP 440 versions (2.4.0+cu121, 1.13.0a0+gitunknown); no include guard of its own.
include("${CMAKE_CURRENT_LIST_DIR}/Internal/TorchCompatVersion.cmake")

# "did you mean" for a torch version the table doesn't have.
function(_torchcompat_unknown_torch_text out_var version)
  _torchcompat_torch_versions(known)
  _torchcompat_major_minor("${version}" series)
  set(same_series "")
  foreach(candidate IN LISTS known)
    _torchcompat_major_minor("${candidate}" candidate_series)
    if(candidate_series STREQUAL series)
      list(APPEND same_series "${candidate}")
    endif()
  endforeach()
  set(text "torch ${version} is not a release TorchCompat knows")
  if(same_series)
    list(JOIN same_series ", " same_series)
    string(APPEND text ". The ${series} releases are ${same_series}")
  else()
    list(GET known -1 newest)
    string(APPEND text ". The newest release in its table is ${newest} (a newer "
           "TorchCompat, or TORCHCOMPAT_DATA_DIR, may know more)")
  endif()
  set(${out_var} "${text}" PARENT_SCOPE)
endfunction()

# Checks a companion package (torchvision or torchaudio) against torch's record.
function(_torchcompat_companion_problem out_var package given torch record)
  set(problem "")
  _torchcompat_json_get(paired "${record}" "${package}")
  if(NOT paired)
    _torchcompat_json_get(note "${record}" notes)
    set(${out_var} "" PARENT_SCOPE)
    string(CONCAT text "the table has no ${package} for torch ${torch}, so whether ${package} "
                  "${given} pairs with it cannot be verified")
    if(note)
      string(APPEND text " (${note})")
    endif()
    string(REPLACE ";" "," text "${text}")
    set(${out_var}_NOTE "${text}" PARENT_SCOPE)
    return()
  endif()
  if(given STREQUAL paired)
    set(${out_var} "" PARENT_SCOPE)
    return()
  endif()
  # Which torch does the given version go with, if any?
  _torchcompat_torch_versions(known)
  set(owners "")
  foreach(candidate IN LISTS known)
    _torchcompat_torch_record(candidate_record "${candidate}")
    _torchcompat_json_get(candidate_paired "${candidate_record}" "${package}")
    if(candidate_paired STREQUAL given)
      list(APPEND owners "${candidate}")
    endif()
  endforeach()
  if(owners)
    list(JOIN owners ", " owners)
    string(CONCAT problem "${package} ${given} goes with torch ${owners}, not ${torch}. Did "
                  "you mean ${package} ${paired}? torch ${torch} pairs with "
                  "${package} ${paired}")
  else()
    string(CONCAT problem "${package} ${given} is not a ${package} release. Did you mean "
                  "${package} ${paired}? torch ${torch} pairs with ${package} ${paired}")
  endif()
  set(${out_var} "${problem}" PARENT_SCOPE)
endfunction()

# A source build of torch (X.Y.0a0, see _torchcompat_source_build_series) may be
# any X.Y.z: a companion that goes with one of them cannot be called wrong, only
# unverified. Turns such a problem into a note.
function(_torchcompat_source_build_companion problem_var package given torch_given)
  _torchcompat_source_build_series(series "${torch_given}")
  if(NOT ${problem_var} OR NOT series)
    return()
  endif()
  _torchcompat_torch_versions(known)
  foreach(candidate IN LISTS known)
    _torchcompat_major_minor("${candidate}" candidate_series)
    _torchcompat_torch_record(candidate_record "${candidate}")
    _torchcompat_json_get(candidate_paired "${candidate_record}" "${package}")
    if(candidate_series STREQUAL series AND candidate_paired STREQUAL given)
      set(${problem_var} "" PARENT_SCOPE)
      string(
        CONCAT text "torch ${torch_given} is a build from PyTorch's ${series} source tree, "
               "which numbers every ${series}.z that way, and ${package} ${given} goes with torch "
               "${candidate}, so the pair could not be verified exactly")
      set(${problem_var}_NOTE "${text}" PARENT_SCOPE)
      return()
    endif()
  endforeach()
endfunction()

# The variant the guard checks when none was named (see the doc block).
function(_torchcompat_default_variant out_var version record platform)
  _torchcompat_probe_json(json FALSE)
  _torchcompat_json_get(installed "${json}" python torch)
  _torchcompat_version_release(installed "torch" "${installed}")
  set(installed_public "${installed_RELEASE}")
  set(installed_local "${installed_VARIANT}")
  if(installed_public STREQUAL version AND installed_local)
    set(${out_var} "${installed_local}" PARENT_SCOPE)
    return()
  endif()
  set(variant cpu)
  if(platform STREQUAL "linux-x86_64")
    _torchcompat_json_get(cuda "${record}" pypi_default_cuda)
    if(cuda)
      _torchcompat_cuda_variant("${cuda}" variant)
    endif()
  endif()
  set(${out_var} "${variant}" PARENT_SCOPE)
endfunction()

# Every variant published for a release on a platform, wheel or libtorch.
function(_torchcompat_published_variants out_var version platform)
  _torchcompat_release_variants(wheel "${version}" "${platform}" wheel)
  _torchcompat_release_variants(libtorch "${version}" "${platform}" libtorch)
  set(variants ${wheel} ${libtorch})
  list(REMOVE_DUPLICATES variants)
  set(${out_var} "${variants}" PARENT_SCOPE)
endfunction()

# The toolkit the project compiles CUDA with: the CUDA language's compiler, or
# the toolkit override. "" when the project compiles no CUDA.
function(_torchcompat_toolkit_in_use out_var)
  set(version "")
  get_property(languages GLOBAL PROPERTY ENABLED_LANGUAGES)
  if("CUDA" IN_LIST languages AND CMAKE_CUDA_COMPILER_VERSION)
    set(version "${CMAKE_CUDA_COMPILER_VERSION}")
  else()
    _torchcompat_probe_json(json FALSE)
    _torchcompat_json_get(status "${json}" toolkits_status status)
    if(status STREQUAL "overridden")
      _torchcompat_selected_toolkit("${json}" version root)
    endif()
  endif()
  set(${out_var} "${version}" PARENT_SCOPE)
endfunction()

# The project's own CUDA toolkit against the build and the driver. Sets
# <prefix>_PROBLEMS and <prefix>_UNKNOWNS.
function(
  _torchcompat_toolkit_checks
  prefix
  toolkit
  variant
  policy
  os
  machine)
  set(problems "")
  set(unknowns "")
  _torchcompat_parse_variant("${variant}" kind cuda)
  _torchcompat_major("${toolkit}" toolkit_major)
  if(kind STREQUAL "cuda")
    _torchcompat_major("${cuda}" cuda_major)
    if(NOT toolkit_major EQUAL cuda_major)
      _torchcompat_add_text(
        problems
        "the project compiles CUDA with toolkit ${toolkit}, but ${variant} is built with CUDA "
        "${cuda}: one program would need two CUDA ${toolkit_major}/${cuda_major} runtimes")
    endif()
  endif()
  _torchcompat_major_minor("${toolkit}" toolkit_minor)
  _torchcompat_toolkits_of_minor(rows "${toolkit_minor}")
  set(row "")
  set(fallback "")
  if(toolkit IN_LIST rows)
    set(row "${toolkit}")
  elseif(rows)
    list(GET rows 0 row)
    string(CONCAT fallback "toolkit ${toolkit} is not a row of the toolkit table, so its GA row "
                  "${row} was used")
  endif()
  _torchcompat_driver_check(
    driver
    WHAT
    "the project's CUDA toolkit ${toolkit}"
    CUDA
    "${toolkit_minor}"
    POLICY
    "${policy}"
    OS
    "${os}"
    TOOLKIT
    "${row}"
    FALLBACK
    "${fallback}"
    MACHINE
    ${machine})
  if(driver_VERDICT STREQUAL "fail")
    _torchcompat_add_text(problems "${driver_TEXT}")
  elseif(driver_VERDICT STREQUAL "unknown")
    _torchcompat_add_text(unknowns "${driver_TEXT}")
  elseif(driver_VERDICT STREQUAL "pass" AND NOT driver_NATIVE)
    message(STATUS "TorchCompat: toolkit ${toolkit} is newer than the driver's CUDA "
                   "${${machine}_DRIVER_CUDA}: it runs under minor-version compatibility, "
                   "but PTX it emits cannot be JIT-compiled by this driver")
  endif()
  set(${prefix}_PROBLEMS "${problems}" PARENT_SCOPE)
  set(${prefix}_UNKNOWNS "${unknowns}" PARENT_SCOPE)
endfunction()

# Was <variant> published for the release on the platform? Sets <prefix>_STATUS
# (yes, no or unknown) and <prefix>_TEXT (why, for no and unknown). A build the
# tables record facts for, or the release's PyPI wheel, was published even
# where the variant lists are not known.
function(_torchcompat_variant_published prefix version variant platform)
  _torchcompat_published_variants(published "${version}" "${platform}")
  _torchcompat_variant_lists_known(lists_known "${version}" "${platform}")
  _torchcompat_variant_build(build "${version}" "${variant}" "${platform}")
  _torchcompat_torch_record(record "${version}")
  _torchcompat_json_get(pypi_variant "${record}" pypi_variant_by_platform "${platform}")
  set(text "")
  if(variant IN_LIST published OR build OR pypi_variant STREQUAL variant)
    set(status yes)
  elseif(lists_known)
    set(status no)
    _torchcompat_list_text(published_text "${published}" "no build at all")
    set(text "torch ${version} has no ${variant} build for ${platform}: it has ${published_text}")
  else()
    set(status unknown)
    _torchcompat_release_known_text(known "${version}" "${platform}")
    string(CONCAT text "the table does not know which builds torch ${version} has for "
                  "${platform} (${known}), so whether a ${variant} build exists cannot be "
                  "verified")
  endif()
  set(${prefix}_STATUS ${status} PARENT_SCOPE)
  set(${prefix}_TEXT "${text}" PARENT_SCOPE)
endfunction()

# TRUE when both variant lists (wheel and libtorch) of the release on the
# platform are known, empty or not.
function(_torchcompat_variant_lists_known out_var version platform)
  _torchcompat_table(table torch-variants)
  set(known TRUE)
  foreach(kind IN ITEMS wheel libtorch)
    _torchcompat_json_type(
      type
      "${table}"
      releases
      "${version}"
      platforms
      "${platform}"
      "${kind}")
    if(NOT type STREQUAL "ARRAY")
      set(known FALSE)
    endif()
  endforeach()
  set(${out_var} ${known} PARENT_SCOPE)
endfunction()

# In words, what the tables do know about a release's builds on a platform
# (its PyPI wheel, builds with recorded facts), for messages about null data.
function(_torchcompat_release_known_text out_var version platform)
  _torchcompat_torch_record(record "${version}")
  _torchcompat_json_get(pypi_variant "${record}" pypi_variant_by_platform "${platform}")
  _torchcompat_table(builds_table variant-builds)
  _torchcompat_json_keys(recorded "${builds_table}" builds "${version}")
  set(facts "")
  foreach(variant IN LISTS recorded)
    _torchcompat_variant_build(build "${version}" "${variant}" "${platform}")
    if(NOT build)
      continue()
    endif()
    _torchcompat_json_list(sass "${build}" sass)
    if(sass)
      list(GET sass 0 first)
      list(GET sass -1 last)
      list(APPEND facts "${variant} with SASS sm ${first} to sm ${last}")
    else()
      list(APPEND facts "${variant}, its architectures unknown")
    endif()
  endforeach()
  set(parts "")
  if(pypi_variant)
    list(APPEND parts "its PyPI wheel is ${pypi_variant}")
  endif()
  if(facts)
    list(JOIN facts ", " facts)
    list(APPEND parts "builds with recorded facts: ${facts}")
  endif()
  if(parts)
    list(JOIN parts ", and " text)
    set(text "known: ${text}")
  else()
    set(text "nothing about its builds there is recorded")
  endif()
  set(${out_var} "${text}" PARENT_SCOPE)
endfunction()

# The newest release, other than <version>, with a CUDA build that passes
# every check here: for "when no build of the asked release covers the GPU".
# Sets out_var to "torch R+variant" with its companions, or "". An optional
# sixth argument (wheel or libtorch) looks at that kind of build only.
function(_torchcompat_newest_release_that_runs out_var version platform policy machine)
  _torchcompat_torch_versions(releases)
  list(REVERSE releases)
  foreach(release IN LISTS releases)
    if(release STREQUAL version)
      continue()
    endif()
    # ARGC, not ARGV5 alone: an ARGV beyond ARGC may be the caller's.
    if(ARGC GREATER 5)
      _torchcompat_release_variants(variants "${release}" "${platform}" "${ARGV5}")
    else()
      _torchcompat_published_variants(variants "${release}" "${platform}")
    endif()
    _torchcompat_cuda_variants(candidates "${variants}")
    foreach(candidate IN LISTS candidates)
      _torchcompat_evaluate_variant(
        evaluation
        VERSION "${release}"
        VARIANT "${candidate}"
        POLICY "${policy}"
        PLATFORM "${platform}"
        MACHINE ${machine})
      if(evaluation_OK)
        _torchcompat_torch_record(record "${release}")
        set(text "torch ${release}+${candidate}")
        foreach(package IN ITEMS torchvision torchaudio)
          _torchcompat_json_get(companion "${record}" "${package}")
          if(companion)
            string(APPEND text ", ${package} ${companion}")
          endif()
        endforeach()
        set(${out_var} "${text}" PARENT_SCOPE)
        return()
      endif()
    endforeach()
  endforeach()
  set(${out_var} "" PARENT_SCOPE)
endfunction()

# The ways out of a failed or unverifiable guard, each checked on the same
# machine: a driver only when the driver is what failed, other builds of the
# release that pass, the newest release that runs when none of this one's
# builds has code for the GPUs, compat when strict alone failed.
function(_torchcompat_ways_out out_var)
  cmake_parse_arguments(PARSE_ARGV 1 arg "REQUIRE_GPU;UNVERIFIED"
                        "VERSION;VARIANT;PLATFORM;POLICY;MACHINE;EVALUATION" "")
  set(e ${arg_EVALUATION})
  set(ways "")
  if(${e}_ADVICE)
    _torchcompat_add_text(ways "${${e}_ADVICE}")
  endif()
  _torchcompat_published_variants(variants "${arg_VERSION}" "${arg_PLATFORM}")
  _torchcompat_cuda_variants(candidates "${variants}")
  set(cuda_alternative FALSE)
  foreach(candidate IN LISTS candidates)
    if(candidate STREQUAL arg_VARIANT)
      continue()
    endif()
    _torchcompat_evaluate_variant(
      alternative
      VERSION "${arg_VERSION}"
      VARIANT "${candidate}"
      POLICY "${arg_POLICY}"
      PLATFORM "${arg_PLATFORM}"
      MACHINE ${arg_MACHINE})
    if(alternative_OK)
      set(cuda_alternative TRUE)
      _torchcompat_add_text(
        ways "use VARIANT ${candidate} (torch ${arg_VERSION}+${candidate}), which "
        "passes every check here")
    endif()
  endforeach()
  if(${e}_GPU_FAILED AND NOT cuda_alternative)
    _torchcompat_newest_release_that_runs(newest "${arg_VERSION}" "${arg_PLATFORM}" "${arg_POLICY}"
                                          ${arg_MACHINE})
    if(newest)
      list(JOIN ${arg_MACHINE}_GPU_ARCHS ", sm " archs)
      _torchcompat_add_text(
        ways "no build of torch ${arg_VERSION} has code for sm ${archs}: the newest "
        "release with a build that does and passes every check here is ${newest}")
    endif()
  endif()
  if("cpu" IN_LIST variants AND NOT arg_VARIANT STREQUAL "cpu" AND NOT arg_REQUIRE_GPU)
    _torchcompat_add_text(ways
                          "use VARIANT cpu (torch ${arg_VERSION}+cpu), which runs on the CPU only")
  endif()
  if(arg_POLICY STREQUAL "strict" AND ${e}_DRIVER_VERDICT STREQUAL "fail")
    _torchcompat_evaluate_variant(
      compat
      VERSION "${arg_VERSION}"
      VARIANT "${arg_VARIANT}"
      POLICY compat
      PLATFORM "${arg_PLATFORM}"
      MACHINE ${arg_MACHINE})
    if(compat_OK)
      _torchcompat_add_text(ways "accept NVIDIA's minor-version compatibility: DRIVER_POLICY "
                            "compat (under it the build passes every check here)")
    endif()
  endif()
  if(arg_UNVERIFIED)
    _torchcompat_add_text(
      ways "accept what cannot be verified as a warning: ACCEPT_UNVERIFIED (or "
      "-DTORCHCOMPAT_ACCEPT_UNVERIFIED=ON)")
  endif()
  set(${out_var} "${ways}" PARENT_SCOPE)
endfunction()

# The guard's answer. Fails on a problem, and on what cannot be verified unless
# accept is set (then it warns); a CUDA build that would run on the CPU only is
# a warning (the caller made it a problem under REQUIRE_GPU). Sets <out>_OK
# (TRUE or FALSE) and <out>_TEXT (the whole explanation) and prints it unless
# quiet (a caller that takes the text prints it itself, e.g. in cmake -P).
function(_torchcompat_conclude out)
  cmake_parse_arguments(PARSE_ARGV 1 arg "QUIET;ACCEPT" "MODE;SUBJECT;MACHINE_TEXT"
                        "PROBLEMS;UNKNOWNS;WARNINGS;NOTES;WAYS")
  set(subject "${arg_SUBJECT}")
  set(ok TRUE)
  if(arg_PROBLEMS OR (arg_UNKNOWNS AND NOT arg_ACCEPT))
    set(ok FALSE)
  endif()
  set(status_lines "")
  foreach(note IN LISTS arg_NOTES)
    list(APPEND status_lines "TorchCompat: ${note}")
  endforeach()
  set(warning "")
  if(ok)
    if(arg_UNKNOWNS OR arg_WARNINGS)
      set(pieces "")
      foreach(text IN LISTS arg_WARNINGS)
        list(APPEND pieces "TorchCompat: ${subject}: ${text}")
      endforeach()
      if(arg_UNKNOWNS)
        _torchcompat_bullets(unknown_text "${arg_UNKNOWNS}")
        list(
          APPEND
          pieces
          "TorchCompat: ${subject}: accepted without verification (ACCEPT_UNVERIFIED):${unknown_text}"
        )
      endif()
      list(JOIN pieces "\n" warning)
      if(arg_WAYS)
        _torchcompat_bullets(ways_text "${arg_WAYS}")
        string(APPEND warning "\nWays out:${ways_text}")
      endif()
      list(APPEND status_lines "TorchCompat: ${subject}: every check that could be verified passed")
    else()
      list(APPEND status_lines "TorchCompat: ${subject}: every check passed")
    endif()
    set(failure "")
  else()
    if(arg_PROBLEMS)
      _torchcompat_bullets(problem_text "${arg_PROBLEMS}")
      set(failure "TorchCompat: ${subject} will not work here:${problem_text}")
      if(arg_UNKNOWNS)
        _torchcompat_bullets(unknown_text "${arg_UNKNOWNS}")
        string(APPEND failure "\nCannot be verified:${unknown_text}")
      endif()
    else()
      _torchcompat_bullets(unknown_text "${arg_UNKNOWNS}")
      string(CONCAT failure "TorchCompat: ${subject} cannot be verified here, and the guard "
                    "does not count that as a pass:${unknown_text}")
    endif()
    foreach(text IN LISTS arg_WARNINGS)
      string(APPEND failure "\nAlso: ${text}")
    endforeach()
    if(arg_MACHINE_TEXT)
      string(APPEND failure "\nChecked against: ${arg_MACHINE_TEXT}")
    endif()
    if(arg_WAYS)
      _torchcompat_bullets(ways_text "${arg_WAYS}")
      string(APPEND failure "\nWays out:${ways_text}")
    endif()
  endif()

  set(parts ${status_lines})
  if(warning)
    list(PREPEND parts "${warning}")
  endif()
  if(failure)
    list(PREPEND parts "${failure}")
  endif()
  list(JOIN parts "\n" text)
  if(NOT arg_QUIET)
    foreach(line IN LISTS status_lines)
      message(STATUS "${line}")
    endforeach()
    if(warning)
      message(WARNING "${warning}")
    endif()
    if(failure)
      message(${arg_MODE} "${failure}")
    endif()
  endif()
  set(${out}_OK ${ok} PARENT_SCOPE)
  set(${out}_TEXT "${text}" PARENT_SCOPE)
endfunction()

# The machine in one line, for failure messages: driver, GPUs, and which
# machine it is when the probe helper recorded that.
function(_torchcompat_machine_text out_var machine)
  if(NOT ${machine}_KNOWN)
    set(${out_var} "" PARENT_SCOPE)
    return()
  endif()
  if(${machine}_GPU_DESCS)
    list(JOIN ${machine}_GPU_DESCS ", " gpus)
  else()
    set(gpus "no GPU (${${machine}_GPU_REASON})")
  endif()
  set(${out_var} "${${machine}_DESC}. GPUs: ${gpus}" PARENT_SCOPE)
endfunction()

# Sets torchcompat_require's RESULT_VARIABLE and MESSAGE_VARIABLE in its caller.
macro(_torchcompat_publish_answer ok text)
  # A macro, so that PARENT_SCOPE reaches torchcompat_require's caller.
  if(arg_RESULT_VARIABLE)
    set(${arg_RESULT_VARIABLE} ${ok} PARENT_SCOPE)
  endif()
  if(arg_MESSAGE_VARIABLE)
    set(${arg_MESSAGE_VARIABLE} "${text}" PARENT_SCOPE)
  endif()
endmacro()

# The key a remembered answer (a passed guard, a selection) is stored under:
# everything the answer depends on, so a re-configure with nothing changed
# skips the table lookups.
function(_torchcompat_answer_key out_var)
  _torchcompat_probe_json(json FALSE)
  _torchcompat_data_dir(data_dir)
  file(GLOB tables "${data_dir}/*.json")
  set(stamps "")
  foreach(table IN LISTS tables)
    file(TIMESTAMP "${table}" stamp "%s" UTC)
    string(APPEND stamps "${table}:${stamp};")
  endforeach()
  get_property(languages GLOBAL PROPERTY ENABLED_LANGUAGES)
  get_property(module_dir GLOBAL PROPERTY TORCHCOMPAT_MODULE_DIR)
  file(TIMESTAMP "${module_dir}/TorchCompatRequire.cmake" module_stamp "%s" UTC)
  _torchcompat_machine_source(machine_source)
  string(CONCAT inputs "${ARGN}|${_TORCHCOMPAT_DETECT_KEY}|${stamps}|${languages}|"
                "${CMAKE_CUDA_COMPILER_VERSION}|${TORCHCOMPAT_DRIVER_POLICY}|${module_stamp}|"
                "${TORCHCOMPAT_ACCEPT_UNVERIFIED}|${TORCHCOMPAT_REQUIRE_GPU}|${machine_source}")
  string(SHA256 key "${inputs}")
  set(${out_var} "${key}" PARENT_SCOPE)
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
      MESSAGE_VARIABLE)
  cmake_parse_arguments(PARSE_ARGV 0 arg "${options}" "${one_value}" "")
  set(quiet FALSE)
  if(arg_RESULT_VARIABLE AND arg_MESSAGE_VARIABLE)
    set(quiet TRUE)
  endif()
  _torchcompat_answer_key(key ${ARGN})
  if(_TORCHCOMPAT_REQUIRE_PASSED_${key})
    set(text "${_TORCHCOMPAT_REQUIRE_PASSED_${key}} (cached)")
    if(NOT quiet)
      message(STATUS "${text}")
    endif()
    _torchcompat_publish_answer(TRUE "${text}")
    return()
  endif()
  _torchcompat_check_arguments(torchcompat_require arg "${one_value};${options}" "TORCH")
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
  set(warnings "")
  set(ways "")
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
      PROBLEMS
      "${text}"
      NOTES
      ${notes})
    _torchcompat_publish_answer(${answer_OK} "${answer_TEXT}")
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
      elseif(problem_NOTE)
        _torchcompat_add_text(unknowns "${problem_NOTE}")
      endif()
    endif()
  endforeach()

  _torchcompat_host_platform(platform os)
  if(DEFINED arg_PYTHON)
    # The platform's own list where the table has one (wheels differ by platform).
    _torchcompat_json_list(pythons "${record}" python_by_platform "${platform}")
    set(where "")
    if(pythons)
      set(where " on ${platform}")
    else()
      _torchcompat_json_list(pythons "${record}" python)
    endif()
    _torchcompat_major_minor("${arg_PYTHON}" python)
    if(pythons AND NOT python IN_LIST pythons)
      list(JOIN pythons ", " python_text)
      _torchcompat_add_text(problems "torch ${torch} has no wheels for Python ${python}${where}: "
                            "it supports Python ${python_text}")
    elseif(NOT pythons)
      _torchcompat_add_text(unknowns "the table does not know which Python versions torch "
                            "${torch} has wheels for, so Python ${python} cannot be verified")
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
  endif()

  _torchcompat_machine(machine)
  _torchcompat_parse_variant("${variant}" kind cuda)
  set(machine_text "")
  if(require_gpu AND kind STREQUAL "cpu")
    _torchcompat_add_text(problems "the cpu build never uses a GPU, and the project needs one "
                          "(REQUIRE_GPU)")
  endif()
  if(NOT machine_KNOWN AND NOT kind STREQUAL "cpu")
    _torchcompat_add_text(unknowns "this machine could not be probed, so whether its driver "
                          "and GPUs run ${variant} cannot be verified")
  elseif(machine_KNOWN AND NOT published_STATUS STREQUAL "no")
    if(kind STREQUAL "cuda")
      _torchcompat_machine_text(machine_text machine)
    endif()
    _torchcompat_evaluate_variant(
      evaluation
      VERSION "${torch}"
      VARIANT "${variant}"
      POLICY "${policy}"
      PLATFORM "${platform}"
      MACHINE machine
      CUDNN "${arg_CUDNN}")
    list(APPEND problems ${evaluation_PROBLEMS})
    list(APPEND unknowns ${evaluation_UNKNOWNS})
    if(evaluation_CPU_ONLY)
      set(cpu_text "${variant} would run on the CPU only: ${evaluation_CPU_ONLY}")
      if(require_gpu)
        _torchcompat_add_text(problems "${cpu_text}, and the project needs the GPU (REQUIRE_GPU)")
      else()
        _torchcompat_add_text(warnings "${cpu_text}")
      endif()
    endif()
    set(toolkit_PROBLEMS "")
    set(toolkit_UNKNOWNS "")
    _torchcompat_toolkit_in_use(toolkit)
    if(toolkit)
      _torchcompat_toolkit_checks(toolkit "${toolkit}" "${variant}" "${policy}" "${os}" machine)
      list(APPEND problems ${toolkit_PROBLEMS})
      list(APPEND unknowns ${toolkit_UNKNOWNS})
    endif()
    # Ways out concern the build on this machine: a wrong torchvision or
    # Python is answered by its own "did you mean".
    if(evaluation_PROBLEMS
       OR evaluation_UNKNOWNS
       OR evaluation_CPU_ONLY
       OR toolkit_PROBLEMS
       OR toolkit_UNKNOWNS)
      set(flags "")
      if(require_gpu)
        list(APPEND flags REQUIRE_GPU)
      endif()
      if(unknowns AND NOT accept)
        list(APPEND flags UNVERIFIED)
      endif()
      _torchcompat_ways_out(
        ways
        ${flags}
        VERSION
        "${torch}"
        VARIANT
        "${variant}"
        PLATFORM
        "${platform}"
        POLICY
        "${policy}"
        MACHINE
        machine
        EVALUATION
        evaluation)
    endif()
  endif()
  if(NOT ways AND unknowns AND NOT accept)
    _torchcompat_add_text(ways "accept what cannot be verified as a warning: ACCEPT_UNVERIFIED "
                          "(or -DTORCHCOMPAT_ACCEPT_UNVERIFIED=ON)")
  endif()

  _torchcompat_conclude(
    answer
    ${quiet_flag}
    ${accept_flag}
    MODE
    ${mode}
    SUBJECT
    "torch ${torch} (${variant})"
    MACHINE_TEXT
    "${machine_text}"
    PROBLEMS
    ${problems}
    UNKNOWNS
    ${unknowns}
    WARNINGS
    ${warnings}
    NOTES
    ${notes}
    WAYS
    ${ways})
  if(answer_OK
     AND NOT unknowns
     AND NOT warnings
     AND NOT notes)
    set(_TORCHCOMPAT_REQUIRE_PASSED_${key}
        "TorchCompat: torch ${torch} (${variant}): every check passed"
        CACHE INTERNAL "a torchcompat_require() that passed")
  endif()
  _torchcompat_publish_answer(${answer_OK} "${answer_TEXT}")
endfunction()

# A version argument as people have it (PEP 440: 2.4.0+cu121, Debian's
# 1.13.0a0+gitunknown) taken as its release. Sets release_var, local_var (the
# variant its local part names) and note_var (what was assumed, or "").
function(
  _torchcompat_guard_release
  release_var
  local_var
  note_var
  keyword
  package
  version)
  if(COMMAND _torchcompat_require_release)
    _torchcompat_require_release(parsed ${keyword} ${package} "${version}")
    set(release "${parsed_RELEASE}")
    set(local "${parsed_VARIANT}")
    set(note "${parsed_NOTE}")
  else()
    _torchcompat_check_version(${keyword} "${version}" LOCAL_ALLOWED)
    _torchcompat_split_local("${version}" release local)
    set(note "")
  endif()
  set(${release_var} "${release}" PARENT_SCOPE)
  set(${local_var} "${local}" PARENT_SCOPE)
  set(${note_var} "${note}" PARENT_SCOPE)
endfunction()

cmake_policy(POP)
