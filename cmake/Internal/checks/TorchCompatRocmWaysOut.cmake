# The ways out of a ROCm build that has no code for an AMD GPU of the machine: another ROCm
# build of the release that passes every check here, else the newest release with such a
# build. Each is evaluated on the same machine, so a way out is never a guess.

include_guard(GLOBAL)
cmake_policy(PUSH)
cmake_policy(VERSION 3.22...4.4)

include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatReleaseChecks.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatRunsHere.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/../common/TorchCompatVersionRules.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/../verdict/TorchCompatVerdict.cmake")

# The ROCm variants among <variants>, newest ROCm first.
function(_torchcompat_rocm_variants out_var variants)
  _torchcompat_sort_variants(sorted "${variants}")
  list(FILTER sorted INCLUDE REGEX "^rocm[0-9]")
  set(${out_var} "${sorted}" PARENT_SCOPE)
endfunction()

# The first of a release's ROCm builds (newest first) that passes every check here, or "".
function(
  _torchcompat_rocm_build_that_runs
  out_var
  release
  platform
  policy
  machine
  skip)
  _torchcompat_published_variants(variants "${release}" "${platform}")
  _torchcompat_rocm_variants(candidates "${variants}")
  foreach(candidate IN LISTS candidates)
    if(candidate STREQUAL skip)
      continue()
    endif()
    _torchcompat_evaluate_variant(
      evaluation
      VERSION "${release}"
      VARIANT "${candidate}"
      POLICY "${policy}"
      PLATFORM "${platform}"
      MACHINE ${machine})
    if(evaluation_OK)
      set(${out_var} "${candidate}" PARENT_SCOPE)
      return()
    endif()
  endforeach()
  set(${out_var} "" PARENT_SCOPE)
endfunction()

# Appends to the JSON array in <ways_var> the ROCm ways out for torch <version> <variant>.
function(
  _torchcompat_rocm_ways_out
  ways_var
  version
  variant
  platform
  policy
  machine)
  set(ways "${${ways_var}}")
  _torchcompat_rocm_build_that_runs(other "${version}" "${platform}" "${policy}" ${machine}
                                    "${variant}")
  if(other)
    _torchcompat_verdict_action(
      ways
      KIND
      variant
      TEXT
      "use VARIANT ${other} (torch ${version}+${other}), which has code for every AMD GPU here and passes every check"
      CMAKE
      "VARIANT ${other}"
      RELEASE
      "${version}"
      VARIANT
      "${other}")
  else()
    _torchcompat_torch_versions(releases)
    list(REVERSE releases)
    foreach(release IN LISTS releases)
      if(release STREQUAL version)
        continue()
      endif()
      _torchcompat_rocm_build_that_runs(newest "${release}" "${platform}" "${policy}" ${machine} "")
      if(newest)
        list(JOIN ${machine}_AMD_GFX ", " gfx)
        _torchcompat_verdict_action(
          ways
          KIND
          release
          TEXT
          "no ROCm build of torch ${version} has code for ${gfx}: the newest release with one that does and passes every check here is torch ${release}+${newest}"
          CMAKE
          "TORCH ${release}+${newest}"
          RELEASE
          "${release}"
          VARIANT
          "${newest}")
        break()
      endif()
    endforeach()
  endif()
  set(${ways_var} "${ways}" PARENT_SCOPE)
endfunction()

cmake_policy(POP)
