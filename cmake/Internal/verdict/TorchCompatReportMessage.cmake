# The report's advice in words, from its verdict only (torchcompat_report's
# VERDICT_VARIABLE): which builds run here, the libtorch and the pip command
# to use, how old the tables are (the machine block is TorchCompatMachine's).
# torchcompat_report and the torchcompat command render the same value here,
# so neither reads the other's text.

include_guard(GLOBAL)
# The module's own policies, also when included by a cmake -P script that set none.
cmake_policy(PUSH)
cmake_policy(VERSION 3.22...4.4)

include("${CMAKE_CURRENT_LIST_DIR}/../common/TorchCompatJson.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/../common/TorchCompatText.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatVerdict.cmake")

# _torchcompat_render_report_advice(<out-var> <verdict>): what the verdict
# allows, in words: the builds, the note on how the release was read, the
# libtorch and pip to use, the tables' age.
function(_torchcompat_render_report_advice out_var verdict)
  string(JSON version GET "${verdict}" torch)
  string(JSON platform GET "${verdict}" platform)
  string(JSON policy GET "${verdict}" policy)
  set(text "What it allows: torch ${version} on ${platform}, ${policy} driver policy\n")
  _torchcompat_json_get(builds_note "${verdict}" builds_note)
  if(builds_note)
    string(APPEND text "  ${builds_note}\n")
  endif()
  set(words_runs "runs here")
  set(words_unverified "cannot be verified: ")
  set(words_cpu-only "runs on the CPU only: ")
  set(words_does-not-run "does not run: ")
  _torchcompat_verdict_indices(index_list "${verdict}" builds)
  foreach(index IN LISTS index_list)
    string(JSON build GET "${verdict}" builds ${index})
    string(JSON variant GET "${build}" variant)
    string(JSON status GET "${build}" status)
    _torchcompat_json_get(reason "${build}" reason)
    _torchcompat_report_line(text "${variant}" "${words_${status}}${reason}")
  endforeach()
  _torchcompat_json_get(note "${verdict}" note)
  if(note)
    string(APPEND text "(${note})\n")
  endif()

  _torchcompat_json_get(url "${verdict}" libtorch url)
  string(APPEND text "\nlibtorch to use\n")
  if(url)
    _torchcompat_json_get(reason "${verdict}" libtorch reason)
    string(APPEND text "  ${url}\n  why: ${reason}\n")
  else()
    _torchcompat_json_get(none "${verdict}" libtorch none)
    string(APPEND text "  none: ${none}\n")
  endif()
  _torchcompat_json_get(pip "${verdict}" pip pip)
  if(pip)
    _torchcompat_json_get(uv "${verdict}" pip uv)
    _torchcompat_json_get(reason "${verdict}" pip reason)
    string(APPEND text "pip\n  ${pip}\n  ${uv}\n  why: ${reason}\n")
    _torchcompat_json_get(pip_note "${verdict}" pip note)
    if(pip_note)
      string(APPEND text "  note: ${pip_note}\n")
    endif()
  endif()
  _torchcompat_json_get(date "${verdict}" tables_checked)
  if(date)
    _torchcompat_json_get(newest "${verdict}" tables_newest)
    string(CONCAT age "\nTables: last checked against PyPI on ${date} (newest torch then: "
                  "${newest}), newer releases are unknown to them.\n")
    string(APPEND text "${age}")
  endif()
  set(${out_var} "${text}" PARENT_SCOPE)
endfunction()

cmake_policy(POP)
