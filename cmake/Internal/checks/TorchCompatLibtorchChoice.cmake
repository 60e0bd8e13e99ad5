# Which libtorch build to take: the platform, the newest release with a known
# libtorch (VERSION latest), and the newest CUDA variant that passes every check
# here (VARIANT auto), else cpu.

include_guard(GLOBAL)
# The module's own policies, also when included by a cmake -P script that set none.
cmake_policy(PUSH)
cmake_policy(VERSION 3.22...4.4)

include("${CMAKE_CURRENT_LIST_DIR}/../machine/TorchCompatMachine.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/../tables/TorchCompatPlatform.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatReleaseChecks.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatRunsHere.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatRocmXpuChecks.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/../tables/TorchCompatTable.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/../common/TorchCompatText.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/../verdict/TorchCompatVerdict.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/../common/TorchCompatVersionRules.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatWaysOut.cmake")

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
  set(gpu_variants "${variants}")
  list(FILTER gpu_variants EXCLUDE REGEX "^cpu$")
  if(gpu_variants)
    _torchcompat_machine(machine)
    # ROCm and XPU builds where this machine has AMD or Intel GPUs (TorchCompatRocmXpuChecks).
    _torchcompat_vendor_candidates(cuda_variants "${variants}" machine)
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
      _torchcompat_choice_reason(reason "${variant}" "${arg_VERSION}" "${arg_POLICY}" machine)
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
# <out>_REASON, <out>_WARNING (a warning's text, or ""), <out>_FAILURE (why
# nothing can run, or "") and <out>_WAYS (the ways out of a cpu fallback or of
# no build, a JSON array of actions).
function(_torchcompat_auto_variant out version platform policy)
  _torchcompat_choose_variant(
    choice
    VERSION "${version}"
    PLATFORM "${platform}"
    POLICY "${policy}"
    KIND libtorch)
  set(failure "")
  set(details "")
  # The ways out of a cpu fallback or of no build at all, as actions
  # (TorchCompatVerdict), each with the command that prints its URL.
  set(ways "[]")
  if(NOT choice_VARIANT OR choice_VARIANT STREQUAL "cpu")
    if(choice_VARIANT)
      set(addresses cpu-only)
    else()
      set(addresses fails)
    endif()
    if(choice_ADVICE)
      _torchcompat_verdict_action(
        ways
        KIND
        driver
        TEXT
        "${choice_ADVICE}"
        ADDRESSES
        ${addresses})
    endif()
    foreach(item IN LISTS choice_SKIPPED)
      string(REGEX REPLACE ":.*" "" skipped_variant "${item}")
      _torchcompat_verdict_action(
        ways
        KIND
        variant
        TEXT
        "take ${skipped_variant} although it cannot be verified here (VARIANT ${skipped_variant})"
        CMAKE
        "VARIANT ${skipped_variant}"
        COMMAND
        "torchcompat url ${version} --variant ${skipped_variant}"
        RELEASE
        "${version}"
        VARIANT
        "${skipped_variant}"
        ADDRESSES
        unverified)
    endforeach()
  endif()
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
      _torchcompat_verdict_action(
        ways
        KIND
        release
        TEXT
        "use ${newest} (VERSION ${newest_RELEASE} VARIANT ${newest_VARIANT}), the newest release with a libtorch that has code for these GPUs and passes every check here"
        CMAKE
        "VERSION ${newest_RELEASE} VARIANT ${newest_VARIANT}"
        COMMAND
        "torchcompat url ${newest_RELEASE} --variant ${newest_VARIANT}"
        RELEASE
        "${newest_RELEASE}"
        VARIANT
        "${newest_VARIANT}"
        ADDRESSES
        ${addresses})
    endif()
  endif()
  if(NOT choice_VARIANT)
    _torchcompat_release_variants(variants "${version}" "${platform}" libtorch)
    _torchcompat_release_variants(complete "${version}" "${platform}" complete)
    if(variants AND "libtorch" IN_LIST complete)
      list(JOIN variants ", " variant_text)
      string(CONCAT failure "TorchCompat: no libtorch of torch ${version} for ${platform} is "
                    "verified to run here, and it has no cpu build (it has ${variant_text}).")
    elseif(variants)
      # A partial list cannot deny a cpu build; it only lacks one.
      list(JOIN variants ", " variant_text)
      string(CONCAT failure "TorchCompat: no libtorch of torch ${version} for ${platform} "
                    "is verified to run here, and the table's partial list of its builds "
                    "(${variant_text}) names no cpu build: whether one exists cannot be verified.")
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
  set(notice "")
  if(choice_VARIANT STREQUAL "cpu" AND details)
    string(CONCAT notice "TorchCompat: using the cpu libtorch of torch ${version}: no CUDA build "
                  "is verified to run here")
    set(warning "${notice}.${details}")
    string(APPEND notice " (torchcompat report says why)")
  endif()
  set(${out}_VARIANT "${choice_VARIANT}" PARENT_SCOPE)
  set(${out}_REASON "${choice_REASON}" PARENT_SCOPE)
  set(${out}_WARNING "${warning}" PARENT_SCOPE)
  set(${out}_NOTICE "${notice}" PARENT_SCOPE)
  set(${out}_FAILURE "${failure}" PARENT_SCOPE)
  set(${out}_WAYS "${ways}" PARENT_SCOPE)
endfunction()

cmake_policy(POP)
