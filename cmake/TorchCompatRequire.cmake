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

  ``TORCH``
    Required. A local part names the variant: ``2.4.0+cu121``.
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
  which rule, and the ways out. Misuse (an unknown keyword, a malformed
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
    string(CONCAT text "the table has no ${package} for torch ${torch}, so ${package} "
                  "${given} was not checked. ${note}")
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
      string(CONCAT text "torch ${torch_given} is a build from PyTorch's ${series} source tree, "
                    "which numbers every ${series}.z that way; ${package} ${given} goes with torch "
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

function(
  _torchcompat_toolkit_problems
  out_var
  toolkit
  variant
  policy
  os
  machine)
  set(problems "")
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
  if(${machine}_RELEASE OR ${machine}_DRIVER_CUDA)
    _torchcompat_major_minor("${toolkit}" toolkit_minor)
    _torchcompat_driver_runs(
      driver
      CUDA "${toolkit_minor}"
      POLICY "${policy}"
      OS "${os}"
      RELEASE "${${machine}_RELEASE}"
      DRIVER_CUDA "${${machine}_DRIVER_CUDA}")
    if(NOT driver_OK)
      _torchcompat_add_text(
        problems
        "the project's CUDA toolkit ${toolkit} needs a driver >= ${driver_NEED} (${driver_RULE}): "
        "found ${${machine}_DESC}")
    elseif(NOT driver_NATIVE)
      message(STATUS "TorchCompat: toolkit ${toolkit} is newer than the driver's CUDA "
                     "${${machine}_DRIVER_CUDA}: it runs under minor-version compatibility, "
                     "but PTX it emits cannot be JIT-compiled by this driver")
    endif()
  endif()
  set(${out_var} "${problems}" PARENT_SCOPE)
endfunction()

# Variants of the release, other than the failing one, that pass every check
# here: newest CUDA first, cpu last.
function(
  _torchcompat_working_variants
  out_var
  version
  platform
  policy
  machine
  failing)
  _torchcompat_published_variants(variants "${version}" "${platform}")
  _torchcompat_cuda_variants(candidates "${variants}")
  set(working "")
  foreach(candidate IN LISTS candidates)
    if(candidate STREQUAL failing)
      continue()
    endif()
    _torchcompat_evaluate_variant(
      evaluation
      VERSION "${version}"
      VARIANT "${candidate}"
      POLICY "${policy}"
      PLATFORM "${platform}"
      MACHINE "${machine}")
    if(evaluation_OK)
      list(APPEND working "${candidate}")
    endif()
  endforeach()
  if("cpu" IN_LIST variants AND NOT failing STREQUAL "cpu")
    list(APPEND working cpu)
  endif()
  set(${out_var} "${working}" PARENT_SCOPE)
endfunction()

function(
  _torchcompat_ways_out
  out_var
  version
  variant
  platform
  policy
  machine
  need_driver)
  set(ways "")
  if(need_driver)
    if(need_driver MATCHES "^CUDA")
      list(APPEND ways "upgrade the NVIDIA driver to one that supports ${need_driver}")
    else()
      list(APPEND ways "upgrade the NVIDIA driver to ${need_driver} or newer")
    endif()
  endif()
  _torchcompat_working_variants(alternatives "${version}" "${platform}" "${policy}" "${machine}"
                                "${variant}")
  foreach(alternative IN LISTS alternatives)
    list(APPEND ways
         "use VARIANT ${alternative} (torch ${version}+${alternative}), which runs here")
  endforeach()
  if(policy STREQUAL "strict")
    list(APPEND ways "or accept NVIDIA's minor-version compatibility: DRIVER_POLICY compat")
  endif()
  set(${out_var} "${ways}" PARENT_SCOPE)
endfunction()

# The guard's answer: sets <out>_OK (TRUE or FALSE) and <out>_TEXT (the whole
# explanation) and prints it, unless quiet (a caller that takes the text prints
# it itself, e.g. in cmake -P script mode).
function(
  _torchcompat_conclude
  out
  mode
  quiet
  subject
  problems
  notes
  ways)
  set(text "")
  foreach(note IN LISTS notes)
    string(APPEND text "TorchCompat: not checked: ${note}\n")
    if(NOT quiet)
      message(STATUS "TorchCompat: not checked: ${note}")
    endif()
  endforeach()
  if(NOT problems)
    set(line "TorchCompat: ${subject}: every check passed")
    string(APPEND text "${line}")
    if(NOT quiet)
      message(STATUS "${line}")
    endif()
    set(ok TRUE)
  else()
    list(JOIN problems "\n  - " problem_text)
    string(APPEND text "TorchCompat: ${subject} will not work here:\n  - ${problem_text}")
    if(ways)
      list(JOIN ways "\n  - " ways_text)
      string(APPEND text "\nWays out:\n  - ${ways_text}")
    endif()
    if(NOT quiet)
      message(${mode} "${text}")
    endif()
    set(ok FALSE)
  endif()
  set(${out}_OK ${ok} PARENT_SCOPE)
  set(${out}_TEXT "${text}" PARENT_SCOPE)
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
  string(CONCAT inputs "${ARGN}|${_TORCHCOMPAT_DETECT_KEY}|${stamps}|${languages}|"
                "${CMAKE_CUDA_COMPILER_VERSION}|${TORCHCOMPAT_DRIVER_POLICY}|${module_stamp}")
  string(SHA256 key "${inputs}")
  set(${out_var} "${key}" PARENT_SCOPE)
endfunction()

function(torchcompat_require)
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
  cmake_parse_arguments(PARSE_ARGV 0 arg "" "${one_value}" "")
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
  _torchcompat_check_arguments(torchcompat_require arg "${one_value}" "TORCH")
  _torchcompat_check_version(TORCH "${arg_TORCH}" LOCAL_ALLOWED)
  foreach(keyword IN ITEMS TORCHVISION TORCHAUDIO PYTHON CUDNN)
    if(DEFINED arg_${keyword})
      _torchcompat_check_version(${keyword} "${arg_${keyword}}")
    endif()
  endforeach()
  _torchcompat_policy_and_mode(policy mode arg)
  _torchcompat_split_local("${arg_TORCH}" torch torch_local)
  if(torch_local AND arg_VARIANT AND NOT torch_local STREQUAL arg_VARIANT)
    message(FATAL_ERROR "TorchCompat: TORCH ${arg_TORCH} names variant ${torch_local}, but "
                        "VARIANT is ${arg_VARIANT}. Give one or make them agree.")
  endif()
  if(arg_VARIANT)
    _torchcompat_check_variant_name("${arg_VARIANT}")
  endif()

  set(problems "")
  set(notes "")
  set(ways "")
  _torchcompat_torch_record(record "${torch}")
  if(NOT record)
    _torchcompat_unknown_torch_text(text "${torch}")
    _torchcompat_conclude(
      answer
      ${mode}
      ${quiet}
      "torch ${torch}"
      "${text}"
      ""
      "")
    _torchcompat_publish_answer(${answer_OK} "${answer_TEXT}")
    return()
  endif()

  foreach(package IN ITEMS torchvision torchaudio)
    string(TOUPPER "${package}" keyword)
    if(DEFINED arg_${keyword})
      unset(problem_NOTE)
      _torchcompat_companion_problem(problem ${package} "${arg_${keyword}}" "${torch}" "${record}")
      if(problem)
        list(APPEND problems "${problem}")
      elseif(problem_NOTE)
        _torchcompat_add_text(notes "${problem_NOTE}")
      endif()
    endif()
  endforeach()

  if(DEFINED arg_PYTHON)
    _torchcompat_json_list(pythons "${record}" python)
    _torchcompat_major_minor("${arg_PYTHON}" python)
    if(pythons AND NOT python IN_LIST pythons)
      list(JOIN pythons ", " python_text)
      _torchcompat_add_text(problems "torch ${torch} has no wheels for Python ${python}: it "
                            "supports Python ${python_text}")
    elseif(NOT pythons)
      _torchcompat_add_text(notes "the table has no Python versions for torch ${torch}")
    endif()
  endif()

  _torchcompat_host_platform(platform os)
  set(variant "${torch_local}")
  if(NOT variant)
    set(variant "${arg_VARIANT}")
  endif()
  if(NOT variant)
    _torchcompat_default_variant(variant "${torch}" "${record}" "${platform}")
  endif()
  _torchcompat_published_variants(published "${torch}" "${platform}")
  if(published AND NOT variant IN_LIST published)
    list(JOIN published ", " published_text)
    _torchcompat_add_text(problems "torch ${torch} has no ${variant} build for ${platform}: it "
                          "has ${published_text}")
  elseif(NOT published)
    _torchcompat_add_text(notes "the table does not list the variants of torch ${torch} for "
                          "${platform}")
  endif()

  _torchcompat_machine(machine)
  if(NOT machine_KNOWN)
    _torchcompat_add_text(notes "this machine could not be probed, so driver and GPU were "
                          "not checked")
  elseif(NOT problems)
    _torchcompat_evaluate_variant(
      evaluation
      VERSION "${torch}"
      VARIANT "${variant}"
      POLICY "${policy}"
      PLATFORM "${platform}"
      MACHINE machine
      CUDNN "${arg_CUDNN}")
    list(APPEND problems ${evaluation_PROBLEMS})
    list(APPEND notes ${evaluation_NOTES})
    _torchcompat_toolkit_in_use(toolkit)
    if(toolkit)
      _torchcompat_toolkit_problems(toolkit_problems "${toolkit}" "${variant}" "${policy}" "${os}"
                                    machine)
      list(APPEND problems ${toolkit_problems})
    endif()
    if(problems)
      _torchcompat_ways_out(
        ways
        "${torch}"
        "${variant}"
        "${platform}"
        "${policy}"
        machine
        "${evaluation_NEED_DRIVER}")
    endif()
  endif()

  _torchcompat_conclude(
    answer
    ${mode}
    ${quiet}
    "torch ${torch} (${variant})"
    "${problems}"
    "${notes}"
    "${ways}")
  if(answer_OK AND NOT notes)
    set(_TORCHCOMPAT_REQUIRE_PASSED_${key}
        "TorchCompat: torch ${torch} (${variant}): every check passed"
        CACHE INTERNAL "a torchcompat_require() that passed")
  endif()
  _torchcompat_publish_answer(${answer_OK} "${answer_TEXT}")
endfunction()

cmake_policy(POP)
