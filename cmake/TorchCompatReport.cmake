#[=======================================================================[.rst:
TorchCompatReport
-----------------

The answer to "what do I have, and what should I install here".

.. command:: torchcompat_report

  .. code-block:: cmake

    torchcompat_report([TORCH <version|latest>] [DRIVER_POLICY <compat|strict>]
                       [PYTHON <executable>]
                       [OUTPUT_VARIABLE <var>] [OUTPUT_FILE <file>]
                       [VERDICT_VARIABLE <var>])

  Reports what was detected (see :command:`torchcompat_detect`), each fact
  with where it came from, which builds of the torch release (default: the
  newest in the table) run here and why the others don't, the libtorch
  variant and URL to use, and the matching ``pip install`` command with its
  ``--index-url``, each with its reason. Each build is listed as running
  here, not running, running on the CPU only (no driver or no GPU) or not
  verifiable, with why. For a release whose builds the table does not know,
  the report says so in words, with what is known (its PyPI wheel, builds
  with recorded facts), and checks those; with ``TORCH latest`` it says which
  release it took and why newer ones were skipped.

  ``PYTHON`` is the interpreter whose pip the commands name
  (``<python> -m pip install ...``, ``uv pip install --python <python> ...``);
  by default the one the probe asked.

  Without ``OUTPUT_VARIABLE`` or ``OUTPUT_FILE`` the report is printed as
  status messages. ``VERDICT_VARIABLE`` is set to the report as one JSON
  value, the one every line of the text is rendered from (the schema is in
  ``docs/cli.md``, "The report's verdict"): ``{"schema_version": 1, "torch",
  "note", "platform", "policy", "machine", "probe", "builds_known",
  "builds_note", "builds": [{"variant", "status", "reason"}], "libtorch",
  "pip", "tables_checked", "tables_newest"}``, each build's status ``runs``,
  ``does-not-run``, ``cpu-only`` or ``unverified``.
#]=======================================================================]

include_guard(GLOBAL)
# The module's own policies, also when included by a cmake -P script that set none.
cmake_policy(PUSH)
cmake_policy(VERSION 3.22...4.4)

include("${CMAKE_CURRENT_LIST_DIR}/Internal/common/TorchCompatArguments.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/Internal/tables/TorchCompatLibtorchArchive.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/Internal/checks/TorchCompatInstallChoice.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/Internal/checks/TorchCompatLibtorchChoice.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/Internal/machine/TorchCompatMachine.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/Internal/tables/TorchCompatPlatform.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/Internal/checks/TorchCompatReleaseChecks.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/Internal/checks/TorchCompatRunsHere.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/Internal/tables/TorchCompatTable.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/Internal/common/TorchCompatText.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/Internal/verdict/TorchCompatPipCommands.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/Internal/verdict/TorchCompatReportMessage.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/Internal/verdict/TorchCompatVerdict.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/Internal/common/TorchCompatVersionRules.cmake")

# Which builds of the release run here. Sets <out>_BUILDS (a JSON array of
# {"variant", "status", "reason"}), <out>_KNOWN (true when the table knows the
# release's builds for the platform) and <out>_NOTE (what was checked instead
# when it does not, or "").
function(_torchcompat_report_builds out version platform policy)
  _torchcompat_published_variants(variants "${version}" "${platform}")
  _torchcompat_sort_variants(variants "${variants}")
  _torchcompat_machine(machine)
  set(builds_known true)
  set(note "")
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
    string(CONCAT note "the table does not know which builds torch ${version} has for "
                  "${platform} (${known}), ${what}")
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
  set(${out}_BUILDS "${builds}" PARENT_SCOPE)
  set(${out}_KNOWN ${builds_known} PARENT_SCOPE)
  set(${out}_NOTE "${note}" PARENT_SCOPE)
endfunction()

# What to install here, as the verdict records it: <out>_LIBTORCH
# ({"variant", "url", "reason", "none", "source"}) and <out>_PIP ({"variant", "index",
# "pip", "uv", "reason", "note"}, the commands naming <python> when given).
function(_torchcompat_report_install out version platform policy python)
  _torchcompat_libtorch_here(libtorch "${version}" "${platform}" "${policy}")
  set(libtorch_json "{}")
  foreach(field IN ITEMS variant url reason none source)
    string(TOUPPER "${field}" upper)
    _torchcompat_verdict_quote(value "${libtorch_${upper}}")
    string(JSON libtorch_json SET "${libtorch_json}" ${field} "${value}")
  endforeach()
  _torchcompat_wheel_here(wheel "${version}" "${platform}" "${policy}")
  set(wheel_PIP "")
  set(wheel_UV "")
  set(index "")
  if(NOT wheel_RUNS STREQUAL "pass" AND NOT wheel_RUNS STREQUAL "cpu-only")
    # PyPI's own wheel, when it does not run here, is no command to give.
    set(wheel_VARIANT "")
  endif()
  if(wheel_VARIANT)
    _torchcompat_install_commands(wheel "${version}" "${wheel_INDEX}" "${python}")
    set(index pypi)
    if(wheel_INDEX)
      _torchcompat_wheel_index_url(index "${wheel_INDEX}")
    endif()
  endif()
  set(pip_json "{}")
  foreach(field IN ITEMS variant index pip uv reason note)
    string(TOUPPER "${field}" upper)
    set(value "${wheel_${upper}}")
    if(field STREQUAL "index")
      set(value "${index}")
    endif()
    _torchcompat_verdict_quote(value "${value}")
    string(JSON pip_json SET "${pip_json}" ${field} "${value}")
  endforeach()
  set(${out}_LIBTORCH "${libtorch_json}" PARENT_SCOPE)
  set(${out}_PIP "${pip_json}" PARENT_SCOPE)
endfunction()

# The report as one value (see the doc block): decided here, rendered by
# TorchCompatReportMessage only.
function(
  _torchcompat_report_verdict
  out_var
  version
  note
  platform
  policy
  python)
  _torchcompat_probe_json(probe FALSE)
  _torchcompat_machine(machine)
  _torchcompat_machine_json(machine_json machine)
  if(NOT probe)
    set(probe null)
  endif()
  if(NOT python)
    _torchcompat_json_get(python "${probe}" python executable)
  endif()
  _torchcompat_report_builds(builds "${version}" "${platform}" "${policy}")
  _torchcompat_report_install(install "${version}" "${platform}" "${policy}" "${python}")
  # The table's age, so a reader can tell an old answer from a wrong one.
  _torchcompat_table_age(age)
  foreach(
    field IN
    ITEMS version
          note
          platform
          policy
          builds_NOTE
          age_DATE
          age_NEWEST)
    _torchcompat_verdict_quote(${field}_json "${${field}}")
  endforeach()
  string(
    CONCAT verdict
           "{\"schema_version\": 1, \"torch\": ${version_json}, \"note\": ${note_json}, "
           "\"platform\": ${platform_json}, \"policy\": ${policy_json}, "
           "\"machine\": ${machine_json}, \"probe\": ${probe}, "
           "\"builds_known\": ${builds_KNOWN}, \"builds_note\": ${builds_NOTE_json}, "
           "\"builds\": ${builds_BUILDS}, \"libtorch\": ${install_LIBTORCH}, "
           "\"pip\": ${install_PIP}, \"tables_checked\": ${age_DATE_json}, "
           "\"tables_newest\": ${age_NEWEST_json}}")
  set(${out_var} "${verdict}" PARENT_SCOPE)
endfunction()

function(torchcompat_report)
  set(one_value TORCH DRIVER_POLICY PYTHON OUTPUT_VARIABLE OUTPUT_FILE VERDICT_VARIABLE)
  cmake_parse_arguments(PARSE_ARGV 0 arg "" "${one_value}" "")
  _torchcompat_check_arguments(torchcompat_report arg "${one_value}" "")
  _torchcompat_policy_and_mode(policy mode arg)
  _torchcompat_host_platform(platform os)
  set(version "${arg_TORCH}")
  set(note "")
  if(NOT version OR version STREQUAL "latest")
    _torchcompat_latest_libtorch(version note "${platform}")
  else()
    # PEP 440 (cli helper): a pre-release or rebuild of a release is that release.
    _torchcompat_require_release(given TORCH torch "${version}")
    set(note "${given_NOTE}")
    set(version "${given_RELEASE}")
    _torchcompat_require_known_release(TORCH "${version}")
  endif()
  _torchcompat_report_verdict(verdict "${version}" "${note}" "${platform}" "${policy}"
                              "${arg_PYTHON}")
  # The words, from the verdict only.
  _torchcompat_json_get(python_json "${verdict}" probe python)
  _torchcompat_render_report_machine(machine_text "${verdict}" "${python_json}")
  _torchcompat_render_report_advice(advice_text "${verdict}")
  set(report "TorchCompat report\n\n${machine_text}\n${advice_text}")

  if(arg_OUTPUT_VARIABLE)
    set(${arg_OUTPUT_VARIABLE} "${report}" PARENT_SCOPE)
  endif()
  if(arg_VERDICT_VARIABLE)
    set(${arg_VERDICT_VARIABLE} "${verdict}" PARENT_SCOPE)
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
