# The guard's checks of the versions themselves: a release the table knows (with
# "did you mean"), companions that pair with it, the variant it defaults to and
# whether that variant was published for the platform.

include_guard(GLOBAL)
# The module's own policies, also when included by a cmake -P script that set none.
cmake_policy(PUSH)
cmake_policy(VERSION 3.22...4.4)

include("${CMAKE_CURRENT_LIST_DIR}/../machine/TorchCompatProbeAnswer.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/../tables/TorchCompatTable.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/../common/TorchCompatText.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/../verdict/TorchCompatVerdict.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/../common/TorchCompatVersion.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/../common/TorchCompatVersionRules.cmake")

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
  list(GET known -1 newest)
  _torchcompat_table_age(age)
  # A release after the table's newest may well exist: the table predates it, and
  # only newer tables can answer, so say so rather than suggest a neighbour.
  if(version VERSION_GREATER newest)
    if(age_DATE)
      string(CONCAT checked "its table was last checked against PyPI on ${age_DATE}, when the "
                    "newest torch there was ${age_NEWEST}")
    else()
      set(checked "its table records no check against PyPI")
    endif()
    # No ';' in the text: the guard's messages are CMake lists on their way out.
    string(
      CONCAT text "${text}: it is newer than the table (${checked}, and the newest release in "
             "the table is ${newest}). Update TorchCompat, or point TORCHCOMPAT_DATA_DIR at "
             "newer tables. Until then ${newest} is the newest release it can check")
  elseif(same_series)
    list(JOIN same_series ", " same_series)
    string(APPEND text ". The ${series} releases are ${same_series}")
  else()
    string(APPEND text ". The newest release in its table is ${newest} (a newer "
           "TorchCompat, or TORCHCOMPAT_DATA_DIR, may know more)")
  endif()
  set(${out_var} "${text}" PARENT_SCOPE)
endfunction()

# Stops with a clear error unless <version> is a well-formed release in the table.
function(_torchcompat_require_known_release keyword version)
  _torchcompat_check_version(${keyword} "${version}")
  _torchcompat_torch_record(record "${version}")
  if(NOT record)
    _torchcompat_unknown_torch_text(text "${version}")
    message(FATAL_ERROR "TorchCompat: ${text}.")
  endif()
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

# Does the release have wheels for the Python version? The platform's own
# list where the table has one (wheels differ by platform). Sets
# <prefix>_PROBLEMS and <prefix>_UNKNOWNS (one text or none each).
function(_torchcompat_python_check prefix torch record platform given)
  set(problems "")
  set(unknowns "")
  _torchcompat_release_pythons(pythons "${record}" "${platform}")
  set(where "")
  if(pythons_ON_PLATFORM)
    set(where " on ${platform}")
  endif()
  _torchcompat_major_minor("${given}" python)
  set(ways "[]")
  if(pythons AND NOT python IN_LIST pythons)
    list(JOIN pythons ", " python_text)
    _torchcompat_add_text(problems "torch ${torch} has no wheels for Python ${python}${where}: "
                          "it supports Python ${python_text}")
    list(GET pythons -1 newest_python)
    _torchcompat_newest_for_python(newest "${python}" "${platform}")
    if(newest)
      _torchcompat_verdict_action(
        ways
        KIND
        release
        TEXT
        "use torch ${newest} (TORCH ${newest}), the newest release with Python ${python} wheels${where}"
        CMAKE
        "TORCH ${newest}"
        RELEASE
        "${newest}")
    endif()
    _torchcompat_verdict_action(
      ways
      KIND
      python
      TEXT
      "use Python ${python_text}, which torch ${torch} has wheels for"
      CMAKE
      "PYTHON ${newest_python}"
      VERSION
      "${newest_python}")
  elseif(NOT pythons)
    _torchcompat_add_text(unknowns "the table does not know which Python versions torch "
                          "${torch} has wheels for, so Python ${python} cannot be verified")
  endif()
  set(${prefix}_PROBLEMS "${problems}" PARENT_SCOPE)
  set(${prefix}_UNKNOWNS "${unknowns}" PARENT_SCOPE)
  _torchcompat_verdict_address(ways fails)
  set(${prefix}_WAYS "${ways}" PARENT_SCOPE)
endfunction()

# The newest torch release with wheels for a Python minor on a platform (the
# platform's own Python list where the table has one), or "". A release whose
# builds the table does not know counts when its PyPI wheel for the platform
# is known: the torchcompat command gives that wheel's command.
function(_torchcompat_newest_for_python out_var python platform)
  _torchcompat_torch_versions(known)
  list(REVERSE known)
  foreach(candidate IN LISTS known)
    _torchcompat_torch_record(record "${candidate}")
    _torchcompat_release_pythons(pythons "${record}" "${platform}")
    _torchcompat_release_variants(variants "${candidate}" "${platform}" wheel)
    if(NOT variants)
      _torchcompat_json_get(on_pypi "${record}" on_pypi)
      _torchcompat_json_get(variants "${record}" pypi_variant_by_platform "${platform}")
      if(NOT on_pypi)
        set(variants "")
      endif()
    endif()
    if(variants AND python IN_LIST pythons)
      set(${out_var} "${candidate}" PARENT_SCOPE)
      return()
    endif()
  endforeach()
  set(${out_var} "" PARENT_SCOPE)
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
# platform are known in full, empty or not. A list the table marks partial
# (its "complete" names it not) cannot say that a variant is missing.
function(_torchcompat_variant_lists_known out_var version platform)
  _torchcompat_table(table torch-variants)
  _torchcompat_release_variants(complete "${version}" "${platform}" complete)
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
    if(NOT type STREQUAL "ARRAY" OR NOT kind IN_LIST complete)
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

cmake_policy(POP)
