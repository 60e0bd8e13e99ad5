#[=======================================================================[.rst:
TorchCompatReport
-----------------

The answer to "what do I have, and what should I install here".

.. command:: torchcompat_report

  .. code-block:: cmake

    torchcompat_report([TORCH <version|latest>] [DRIVER_POLICY <compat|strict>]
                       [OUTPUT_VARIABLE <var>] [OUTPUT_FILE <file>]
                       [VERDICT_VARIABLE <var>])

  Reports what was detected (see :command:`torchcompat_detect`), which builds
  of the torch release (default: the newest in the table) run here and why
  the others don't, the libtorch variant and URL to use, and the matching
  ``pip install`` command with its ``--index-url``, each with its reason.
  Each build is listed as running here, not running, running on the CPU only
  (no driver or no GPU) or not verifiable, with why. For a release whose
  builds the table does not know, the report says so in words, with what is
  known (its PyPI wheel, builds with recorded facts), and checks those; with
  ``TORCH latest`` it says which release it took and why newer ones were
  skipped.

  Without ``OUTPUT_VARIABLE`` or ``OUTPUT_FILE`` the report is printed as
  status messages. ``VERDICT_VARIABLE`` is set to the builds' verdicts as one
  JSON value, the one the "What it allows" lines are rendered from:
  ``{"schema_version": 1, "torch", "platform", "policy", "builds_known",
  "builds": [{"variant", "status", "reason"}]}``, each status ``runs``,
  ``does-not-run``, ``cpu-only`` or ``unverified``.
#]=======================================================================]

include_guard(GLOBAL)
# The module's own policies, also when included by a cmake -P script that set none.
cmake_policy(PUSH)
cmake_policy(VERSION 3.22...4.4)

include("${CMAKE_CURRENT_LIST_DIR}/Internal/common/TorchCompatArguments.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/Internal/tables/TorchCompatLibtorchArchive.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/Internal/checks/TorchCompatLibtorchChoice.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/Internal/machine/TorchCompatMachine.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/Internal/tables/TorchCompatPlatform.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/Internal/checks/TorchCompatReleaseChecks.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/Internal/checks/TorchCompatRunsHere.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/Internal/tables/TorchCompatTable.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/Internal/common/TorchCompatText.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/Internal/verdict/TorchCompatVerdict.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/Internal/common/TorchCompatVersionRules.cmake")

# Which builds of the release run here: decided into <out_var>_VERDICT (see
# the doc block), and rendered, one line each, into <out_var>.
function(_torchcompat_report_builds out_var version platform policy)
  string(REGEX REPLACE "-.*" "" os "${platform}")
  _torchcompat_published_variants(variants "${version}" "${platform}")
  _torchcompat_sort_variants(variants "${variants}")
  _torchcompat_machine(machine)
  set(text "What it allows: torch ${version} on ${platform}, ${policy} driver policy\n")
  set(builds_known true)
  if(NOT variants)
    set(builds_known false)
    # Check what is known to exist: builds with recorded facts, the PyPI wheel.
    _torchcompat_release_known_text(known "${version}" "${platform}")
    _torchcompat_torch_record(record "${version}")
    _torchcompat_json_get(pypi_variant "${record}" pypi_variant_by_platform "${platform}")
    _torchcompat_table(builds_table variant-builds)
    _torchcompat_json_keys(recorded "${builds_table}" builds "${version}")
    foreach(candidate IN LISTS pypi_variant recorded)
      _torchcompat_variant_build(build "${version}" "${candidate}" "${platform}")
      if(build OR candidate STREQUAL pypi_variant)
        list(APPEND variants "${candidate}")
      endif()
    endforeach()
    list(REMOVE_DUPLICATES variants)
    _torchcompat_sort_variants(variants "${variants}")
    if(variants)
      set(what "checked the builds known to exist")
    else()
      set(what "so none was checked")
    endif()
    string(APPEND text "  the table does not know which builds torch ${version} has for "
           "${platform} (${known}), ${what}\n")
  endif()
  set(builds "[]")
  foreach(variant IN LISTS variants)
    _torchcompat_evaluate_variant(
      evaluation
      VERSION "${version}"
      VARIANT "${variant}"
      POLICY "${policy}"
      PLATFORM "${platform}"
      MACHINE machine)
    if(evaluation_VERDICT STREQUAL "pass")
      set(status runs)
      set(reason "")
    elseif(evaluation_VERDICT STREQUAL "unknown")
      set(status unverified)
      list(GET evaluation_UNKNOWNS 0 reason)
    elseif(evaluation_VERDICT STREQUAL "cpu-only")
      set(status cpu-only)
      set(reason "${evaluation_CPU_ONLY}")
    else()
      set(status does-not-run)
      list(GET evaluation_PROBLEMS 0 reason)
    endif()
    _torchcompat_verdict_quote(variant_json "${variant}")
    _torchcompat_verdict_quote(reason_json "${reason}")
    _torchcompat_verdict_push(
      builds
      "{\"variant\": ${variant_json}, \"status\": \"${status}\", \"reason\": ${reason_json}}")
  endforeach()
  foreach(field IN ITEMS version platform policy)
    _torchcompat_verdict_quote(${field}_json "${${field}}")
  endforeach()
  string(CONCAT verdict "{\"schema_version\": 1, \"torch\": ${version_json}, \"platform\": "
                "${platform_json}, \"policy\": ${policy_json}, \"builds_known\": ${builds_known}, "
                "\"builds\": ${builds}}")
  # The lines, from the verdict only.
  set(words_runs "runs here")
  set(words_unverified "cannot be verified: ")
  set(words_cpu-only "runs on the CPU only: ")
  set(words_does-not-run "does not run: ")
  _torchcompat_verdict_indices(index_list "${verdict}" builds)
  foreach(index IN LISTS index_list)
    string(
      JSON
      variant
      GET
      "${verdict}"
      builds
      ${index}
      variant)
    string(
      JSON
      status
      GET
      "${verdict}"
      builds
      ${index}
      status)
    _torchcompat_json_get(reason "${verdict}" builds ${index} reason)
    _torchcompat_report_line(text "${variant}" "${words_${status}}${reason}")
  endforeach()
  set(${out_var} "${text}" PARENT_SCOPE)
  set(${out_var}_VERDICT "${verdict}" PARENT_SCOPE)
endfunction()

function(_torchcompat_report_install out_var version platform policy)
  set(text "")
  _torchcompat_choose_variant(
    libtorch
    VERSION "${version}"
    PLATFORM "${platform}"
    POLICY "${policy}"
    KIND libtorch)
  if(libtorch_VARIANT)
    _torchcompat_archive_url(url "${version}" "${libtorch_VARIANT}" "${platform}" "" "")
    string(APPEND text "libtorch to use\n  ${url}\n  why: ${libtorch_REASON}\n")
  else()
    _torchcompat_release_variants(libtorch_variants "${version}" "${platform}" libtorch)
    if(libtorch_variants)
      string(APPEND text "libtorch to use\n  none: torch ${version} has no libtorch for "
             "${platform} that is verified to run here\n")
    else()
      string(APPEND text "libtorch to use\n  none: the table does not know the libtorch builds "
             "of torch ${version} for ${platform}\n")
    endif()
  endif()

  _torchcompat_choose_variant(
    wheel
    VERSION "${version}"
    PLATFORM "${platform}"
    POLICY "${policy}"
    KIND wheel)
  if(wheel_VARIANT)
    _torchcompat_pip_install_command(pip "${version}" "${wheel_VARIANT}")
    string(APPEND text "pip\n  ${pip}\n  uv ${pip}\n  why: ${wheel_REASON}\n")
  endif()
  set(${out_var} "${text}" PARENT_SCOPE)
endfunction()

function(torchcompat_report)
  set(one_value TORCH DRIVER_POLICY OUTPUT_VARIABLE OUTPUT_FILE VERDICT_VARIABLE)
  cmake_parse_arguments(PARSE_ARGV 0 arg "" "${one_value}" "")
  _torchcompat_check_arguments(torchcompat_report arg "${one_value}" "")
  _torchcompat_policy_and_mode(policy mode arg)
  _torchcompat_host_platform(platform os)
  set(version "${arg_TORCH}")
  set(newest_note "")
  if(NOT version OR version STREQUAL "latest")
    _torchcompat_latest_libtorch(version latest_note "${platform}")
    if(latest_note)
      set(newest_note "(${latest_note})\n")
    endif()
  else()
    # PEP 440 (cli helper): a pre-release or rebuild of a release is that release.
    _torchcompat_require_release(given TORCH torch "${version}")
    if(given_NOTE)
      set(newest_note "(${given_NOTE})\n")
    endif()
    set(version "${given_RELEASE}")
    _torchcompat_require_known_release(TORCH "${version}")
  endif()

  _torchcompat_report_machine(machine_text)
  _torchcompat_report_builds(builds_text "${version}" "${platform}" "${policy}")
  _torchcompat_report_install(install_text "${version}" "${platform}" "${policy}")
  # The table's age, so a reader can tell an old answer from a wrong one.
  _torchcompat_table_age(age)
  set(age_text "")
  if(age_DATE)
    string(CONCAT age_text "\nTables: last checked against PyPI on ${age_DATE} (newest torch "
                  "then: ${age_NEWEST}), newer releases are unknown to them.\n")
  endif()
  set(report
      "TorchCompat report\n\n${machine_text}\n${builds_text}${newest_note}\n${install_text}${age_text}"
  )

  if(arg_OUTPUT_VARIABLE)
    set(${arg_OUTPUT_VARIABLE} "${report}" PARENT_SCOPE)
  endif()
  if(arg_VERDICT_VARIABLE)
    set(${arg_VERDICT_VARIABLE} "${builds_text_VERDICT}" PARENT_SCOPE)
  endif()
  if(arg_OUTPUT_FILE)
    file(WRITE "${arg_OUTPUT_FILE}" "${report}")
  endif()
  if(NOT arg_OUTPUT_VARIABLE AND NOT arg_OUTPUT_FILE)
    string(REGEX REPLACE "\n$" "" report "${report}")
    string(REPLACE "\n" ";" lines "${report}")
    foreach(line IN LISTS lines)
      message(STATUS "${line}")
    endforeach()
  endif()
endfunction()

cmake_policy(POP)
