# Whether a ROCm or XPU build of torch runs on a machine's AMD or Intel GPUs: no
# such GPU means the build runs on the CPU only; a GPU the build has no code
# for (a gfx outside the ROCm build's list, an Intel GPU older than PyTorch's
# support floor) fails; whatever the table or the probe does not know stays
# "cannot be verified", never a pass.

include_guard(GLOBAL)
cmake_policy(PUSH)
cmake_policy(VERSION 3.22...4.4)

include("${CMAKE_CURRENT_LIST_DIR}/../tables/TorchCompatRocmXpuTargets.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/../common/TorchCompatText.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/../common/TorchCompatVersionRules.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/../machine/TorchCompatMachine.cmake")

# Where a ROCm build without code for <gfx> can look: the builds in the table
# that have it, or that none does (and how far the table's lists reach).
function(_torchcompat_rocm_gfx_elsewhere out_var gfx)
  _torchcompat_rocm_builds_with_gfx(builds "${gfx}")
  if(builds)
    list(LENGTH builds count)
    if(count GREATER 3)
      list(SUBLIST builds 0 3 builds)
      list(APPEND builds "...")
    endif()
    list(JOIN builds ", " text)
    set(text "builds with code for ${gfx}: ${text}")
  else()
    string(CONCAT text "no ROCm build whose gfx list the table knows has code for ${gfx} "
                  "(the lists it lacks: data/rocm-xpu-targets.md, Known gaps)")
  endif()
  set(${out_var} "${text}" PARENT_SCOPE)
endfunction()

# A ROCm build against the machine's AMD GPUs (see _torchcompat_evaluate_rocm_xpu).
function(_torchcompat_rocm_checks prefix version variant build_name m)
  set(problems "")
  set(unknowns "")
  set(cpu_only "")
  set(passes "")
  set(failed FALSE)
  if(${m}_AMD_STATE STREQUAL "none")
    set(cpu_only "no AMD GPU is visible")
    if(${m}_AMD_REASON)
      string(APPEND cpu_only " (${${m}_AMD_REASON})")
    endif()
  elseif(NOT ${m}_AMD_STATE STREQUAL "gpus")
    _torchcompat_add_text(
      unknowns "whether this machine has AMD GPUs is not known "
      "(${${m}_AMD_REASON}), so whether ${build_name} runs here cannot be " "verified")
  else()
    _torchcompat_rocm_gfx(gfx_list "${version}" "${variant}")
    list(JOIN gfx_list ", " gfx_text)
    set(index 0)
    foreach(gfx IN LISTS ${m}_AMD_GFX)
      list(GET ${m}_AMD_DESCS ${index} gpu)
      math(EXPR index "${index} + 1")
      if(gfx STREQUAL "unknown")
        _torchcompat_add_text(unknowns "the probe could not decode the architecture of ${gpu}, "
                              "so whether it has code in ${build_name} cannot be verified")
      elseif(NOT gfx_list_KNOWN)
        set(why "")
        if(gfx_list_NOTES)
          set(why " (${gfx_list_NOTES})")
        endif()
        _torchcompat_add_text(unknowns "the gfx list of ${build_name} is not in the table${why}, "
                              "so whether ${gpu} has code in it cannot be verified")
      elseif(gfx IN_LIST gfx_list)
        _torchcompat_add_text(passes "${gpu} has code in ${build_name}")
      else()
        set(failed TRUE)
        _torchcompat_rocm_gfx_elsewhere(elsewhere "${gfx}")
        _torchcompat_add_text(problems "${gpu} has no code in ${build_name}, which carries code "
                              "for ${gfx_text} only: ${elsewhere}")
      endif()
    endforeach()
  endif()
  foreach(name IN ITEMS problems unknowns cpu_only passes failed)
    string(TOUPPER "${name}" upper)
    set(${prefix}_${upper} "${${name}}" PARENT_SCOPE)
  endforeach()
endfunction()

# An XPU build against the machine's Intel GPUs (see _torchcompat_evaluate_rocm_xpu).
function(_torchcompat_xpu_checks prefix version build_name m)
  set(problems "")
  set(unknowns "")
  set(cpu_only "")
  set(passes "")
  if(${m}_INTEL_STATE STREQUAL "none")
    set(cpu_only "no Intel GPU is visible")
    if(${m}_INTEL_REASON)
      string(APPEND cpu_only " (${${m}_INTEL_REASON})")
    endif()
  elseif(NOT ${m}_INTEL_STATE STREQUAL "gpus")
    _torchcompat_add_text(
      unknowns "whether this machine has Intel GPUs is not known "
      "(${${m}_INTEL_REASON}), so whether ${build_name} runs here cannot be " "verified")
  else()
    _torchcompat_xpu_targets(xpu "${version}")
    _torchcompat_intel_generation_rank(floor_rank "${xpu_FLOOR_GEN}")
    set(index 0)
    foreach(generation IN LISTS ${m}_INTEL_GENS)
      list(GET ${m}_INTEL_DESCS ${index} gpu)
      math(EXPR index "${index} + 1")
      _torchcompat_intel_generation_rank(rank "${generation}")
      if(rank LESS 0)
        _torchcompat_add_text(unknowns "the architecture of ${gpu} is not known, so whether "
                              "${build_name} has code for it cannot be verified")
      elseif(floor_rank GREATER -1 AND rank LESS floor_rank)
        _torchcompat_add_text(
          problems "${gpu} is older than the ${xpu_FLOOR} (${xpu_FLOOR_GEN}) GPUs that PyTorch "
          "supports for torch ${version} xpu (its Intel GPU page), so ${build_name} does not "
          "support it")
      elseif(floor_rank LESS 0)
        _torchcompat_add_text(
          unknowns "the Intel GPUs that torch ${version} xpu supports are "
          "not in the table, so whether ${gpu} runs ${build_name} cannot be " "verified")
      elseif(NOT xpu_AOT_KNOWN)
        _torchcompat_add_text(
          unknowns "the AOT targets of ${build_name} are not in the table "
          "(data/rocm-xpu-targets.md), so whether ${gpu} has code in it cannot be verified")
      elseif(generation IN_LIST xpu_AOT)
        _torchcompat_add_text(passes "${gpu} has code in ${build_name}")
      else()
        # The AOT list names devices in the compiler's spelling, which the table does not map
        # to architectures yet: a miss is not a "no".
        list(JOIN xpu_AOT ", " aot_text)
        _torchcompat_add_text(unknowns "whether ${build_name}'s AOT targets (${aot_text}) cover "
                              "${gpu} cannot be verified")
      endif()
    endforeach()
  endif()
  foreach(name IN ITEMS problems unknowns cpu_only passes)
    string(TOUPPER "${name}" upper)
    set(${prefix}_${upper} "${${name}}" PARENT_SCOPE)
  endforeach()
endfunction()

# _torchcompat_evaluate_rocm_xpu(<prefix> <version> <variant> <kind: rocm|xpu> <machine-prefix>)
# Sets <prefix>_PROBLEMS, <prefix>_UNKNOWNS, <prefix>_CPU_ONLY (why the build
# would run on the CPU only, or ""), <prefix>_PASSES and <prefix>_AMD_FAILED
# (some AMD GPU has no code in the ROCm build).
function(_torchcompat_evaluate_rocm_xpu prefix version variant kind m)
  set(build_name "torch ${version} ${variant}")
  set(result_FAILED FALSE)
  if(kind STREQUAL "rocm")
    _torchcompat_rocm_checks(result "${version}" "${variant}" "${build_name}" ${m})
  else()
    _torchcompat_xpu_checks(result "${version}" "${build_name}" ${m})
  endif()
  foreach(name IN ITEMS PROBLEMS UNKNOWNS CPU_ONLY PASSES)
    set(${prefix}_${name} "${result_${name}}" PARENT_SCOPE)
  endforeach()
  set(${prefix}_AMD_FAILED ${result_FAILED} PARENT_SCOPE)
endfunction()

# The builds VARIANT auto tries, in order: <candidates_var> (the CUDA variants, newest first)
# followed by the ROCm variants among <variants> (newest first) where the machine has AMD GPUs,
# and xpu where it has Intel GPUs. Without such a GPU they could only run on the CPU, so they
# are not candidates, and not reported as rejected.
function(_torchcompat_vendor_candidates candidates_var variants machine)
  set(candidates "${${candidates_var}}")
  _torchcompat_sort_variants(sorted "${variants}")
  foreach(variant IN LISTS sorted)
    _torchcompat_parse_variant("${variant}" kind version)
    if((kind STREQUAL "rocm" AND ${machine}_AMD_STATE STREQUAL "gpus")
       OR (kind STREQUAL "xpu" AND ${machine}_INTEL_STATE STREQUAL "gpus"))
      list(APPEND candidates "${variant}")
    endif()
  endforeach()
  set(${candidates_var} "${candidates}" PARENT_SCOPE)
endfunction()

# Why VARIANT auto took <variant>: the newest build of its kind that passes every check here,
# against which machine.
function(_torchcompat_choice_reason out_var variant version policy machine)
  _torchcompat_parse_variant("${variant}" kind kind_version)
  if(kind STREQUAL "rocm")
    _torchcompat_machine_vendor_gpus_text(gpus ${machine} amd)
    set(what "ROCm build of torch ${version} that passes every check here (AMD GPUs: ${gpus})")
  elseif(kind STREQUAL "xpu")
    _torchcompat_machine_vendor_gpus_text(gpus ${machine} intel)
    set(what "XPU build of torch ${version} that passes every check here (Intel GPUs: ${gpus})")
  else()
    string(CONCAT what "CUDA build of torch ${version} that passes every check here "
                  "(${${machine}_DESC}, ${policy} policy)")
  endif()
  set(${out_var} "${variant} is the newest ${what}" PARENT_SCOPE)
endfunction()

cmake_policy(POP)
