# The ways out of a failed or unverifiable guard, each evaluated on the same
# machine as the guard: other builds, a driver, the newest release that runs.

include_guard(GLOBAL)
# The module's own policies, also when included by a cmake -P script that set none.
cmake_policy(PUSH)
cmake_policy(VERSION 3.22...4.4)

include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatReleaseChecks.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatRunsHere.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatRocmWaysOut.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/../tables/TorchCompatTable.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/../common/TorchCompatText.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/../common/TorchCompatVersionRules.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/../verdict/TorchCompatVerdict.cmake")

# The newest release, other than <version>, with a CUDA build that passes
# every check here: for "when no build of the asked release covers the GPU".
# Sets out_var to "torch R+variant" with its companions, or "", and
# <out_var>_RELEASE and <out_var>_VARIANT to R and the variant. An optional
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
        set(${out_var}_RELEASE "${release}" PARENT_SCOPE)
        set(${out_var}_VARIANT "${candidate}" PARENT_SCOPE)
        return()
      endif()
    endforeach()
  endforeach()
  set(${out_var} "" PARENT_SCOPE)
endfunction()

# The ways out of a failed or unverifiable guard, each checked on the same
# machine: a driver only when the driver is what failed, other builds of the
# release that pass, the newest release that runs when none of this one's
# builds has code for the GPUs, compat when strict alone failed. Sets out_var
# to a JSON array of actions (_torchcompat_verdict_action).
function(_torchcompat_ways_out out_var)
  cmake_parse_arguments(PARSE_ARGV 1 arg "REQUIRE_GPU;UNVERIFIED"
                        "VERSION;VARIANT;PLATFORM;POLICY;MACHINE;EVALUATION" "")
  set(e ${arg_EVALUATION})
  set(ways "[]")
  if(${e}_ADVICE)
    string(REPLACE ";" "," advice "${${e}_ADVICE}")
    _torchcompat_verdict_action(ways KIND driver TEXT "${advice}")
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
      _torchcompat_verdict_action(
        ways
        KIND
        variant
        TEXT
        "use VARIANT ${candidate} (torch ${arg_VERSION}+${candidate}), which passes every check here"
        CMAKE
        "VARIANT ${candidate}"
        RELEASE
        "${arg_VERSION}"
        VARIANT
        "${candidate}")
    endif()
  endforeach()
  if(${e}_GPU_FAILED AND NOT cuda_alternative)
    _torchcompat_newest_release_that_runs(newest "${arg_VERSION}" "${arg_PLATFORM}" "${arg_POLICY}"
                                          ${arg_MACHINE})
    if(newest)
      list(JOIN ${arg_MACHINE}_GPU_ARCHS ", sm " archs)
      _torchcompat_verdict_action(
        ways
        KIND
        release
        TEXT
        "no build of torch ${arg_VERSION} has code for sm ${archs}: the newest release with a build that does and passes every check here is ${newest}"
        CMAKE
        "TORCH ${newest_RELEASE}+${newest_VARIANT}"
        RELEASE
        "${newest_RELEASE}"
        VARIANT
        "${newest_VARIANT}")
    endif()
  endif()
  if(${e}_AMD_FAILED)
    _torchcompat_rocm_ways_out(ways "${arg_VERSION}" "${arg_VARIANT}" "${arg_PLATFORM}"
                               "${arg_POLICY}" ${arg_MACHINE})
  endif()
  if("cpu" IN_LIST variants AND NOT arg_VARIANT STREQUAL "cpu" AND NOT arg_REQUIRE_GPU)
    _torchcompat_verdict_action(
      ways
      KIND
      variant
      TEXT
      "use VARIANT cpu (torch ${arg_VERSION}+cpu), which runs on the CPU only"
      CMAKE
      "VARIANT cpu"
      RELEASE
      "${arg_VERSION}"
      VARIANT
      cpu)
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
      _torchcompat_verdict_action(
        ways
        KIND
        policy
        TEXT
        "accept NVIDIA's minor-version compatibility: DRIVER_POLICY compat (under it the build passes every check here)"
        CMAKE
        "DRIVER_POLICY compat")
    endif()
  endif()
  if(arg_UNVERIFIED)
    _torchcompat_verdict_accept_action(ways)
  endif()
  set(${out_var} "${ways}" PARENT_SCOPE)
endfunction()

cmake_policy(POP)
