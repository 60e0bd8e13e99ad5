# What the ROCm and XPU builds of torch carry, from data/rocm-xpu-targets.json
# (data/rocm-xpu-targets.md): the gfx list of each ROCm build, and of each XPU
# build its AOT targets and the support floor of PyTorch's docs. A null is
# "not known" here too, never "none".

include_guard(GLOBAL)
cmake_policy(PUSH)
cmake_policy(VERSION 3.22...4.4)

include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatTable.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/../common/TorchCompatJson.cmake")

# Intel's GPU architectures, oldest first, in the names the probe gives (its
# detectors/intel_gpu_ids table, after the i915/xe drivers' descriptors): the
# support floor is a question of which came before which.
set_property(
  GLOBAL
  PROPERTY TORCHCOMPAT_INTEL_GENERATIONS
           Gen9
           Gen11
           Xe-LP
           Xe-HPG
           Xe-HPC
           Xe-LPG
           Xe2-HPG
           Xe2-LPG)
# The codenames PyTorch's XPU pages use (the support_floor and client lists of
# the table) as architectures, per Intel's product naming: Arc A-Series
# (Alchemist) and Arc B-Series (Battlemage) are Xe-HPG and Xe2-HPG, Data Center
# GPU Max (Ponte Vecchio) Xe-HPC, Meteor Lake and Arrow Lake graphics Xe-LPG,
# Lunar Lake Xe2-LPG.
set_property(
  GLOBAL
  PROPERTY TORCHCOMPAT_INTEL_CODENAMES
           "Alchemist=Xe-HPG"
           "Battlemage=Xe2-HPG"
           "Ponte Vecchio=Xe-HPC"
           "Meteor Lake=Xe-LPG"
           "Arrow Lake=Xe-LPG"
           "Lunar Lake=Xe2-LPG")

# The gfx list of a ROCm build. Sets out_var (a list), <out_var>_KNOWN (TRUE
# when the table gives a list) and <out_var>_NOTES (where it came from, or why
# it is null; ';' written as ',').
function(_torchcompat_rocm_gfx out_var version variant)
  _torchcompat_table(table rocm-xpu-targets)
  _torchcompat_json_type(type "${table}" releases "${version}" "${variant}" gfx)
  _torchcompat_json_list(gfx "${table}" releases "${version}" "${variant}" gfx)
  _torchcompat_json_get(notes "${table}" releases "${version}" "${variant}" notes)
  string(REPLACE ";" "," notes "${notes}")
  set(known FALSE)
  if(type STREQUAL "ARRAY")
    set(known TRUE)
  endif()
  set(${out_var} "${gfx}" PARENT_SCOPE)
  set(${out_var}_KNOWN ${known} PARENT_SCOPE)
  set(${out_var}_NOTES "${notes}" PARENT_SCOPE)
endfunction()

# The XPU build of a release. Sets <prefix>_AOT (list), <prefix>_AOT_KNOWN,
# <prefix>_FLOOR (the support floor's codename, or "") and <prefix>_FLOOR_GEN
# (its architecture, "" when the codename is not one this module knows).
function(_torchcompat_xpu_targets prefix version)
  _torchcompat_table(table rocm-xpu-targets)
  _torchcompat_json_type(type "${table}" releases "${version}" xpu aot_targets)
  _torchcompat_json_list(aot "${table}" releases "${version}" xpu aot_targets)
  _torchcompat_json_get(floor "${table}" releases "${version}" xpu support_floor)
  set(known FALSE)
  if(type STREQUAL "ARRAY")
    set(known TRUE)
  endif()
  _torchcompat_intel_codename_generation(floor_gen "${floor}")
  set(${prefix}_AOT "${aot}" PARENT_SCOPE)
  set(${prefix}_AOT_KNOWN ${known} PARENT_SCOPE)
  set(${prefix}_FLOOR "${floor}" PARENT_SCOPE)
  set(${prefix}_FLOOR_GEN "${floor_gen}" PARENT_SCOPE)
endfunction()

# "Alchemist" -> "Xe-HPG"; "" for a codename not in the list.
function(_torchcompat_intel_codename_generation out_var codename)
  get_property(pairs GLOBAL PROPERTY TORCHCOMPAT_INTEL_CODENAMES)
  set(generation "")
  foreach(pair IN LISTS pairs)
    if(pair MATCHES "^([^=]+)=(.*)$" AND CMAKE_MATCH_1 STREQUAL codename)
      set(generation "${CMAKE_MATCH_2}")
    endif()
  endforeach()
  set(${out_var} "${generation}" PARENT_SCOPE)
endfunction()

# The position of an Intel architecture in TORCHCOMPAT_INTEL_GENERATIONS, or
# -1 when it is not in the list.
function(_torchcompat_intel_generation_rank out_var generation)
  get_property(generations GLOBAL PROPERTY TORCHCOMPAT_INTEL_GENERATIONS)
  list(FIND generations "${generation}" rank)
  set(${out_var} ${rank} PARENT_SCOPE)
endfunction()

# Every ROCm build in the table whose gfx list holds <gfx>, newest release
# first, as "torch R rocmX.Y" items.
function(_torchcompat_rocm_builds_with_gfx out_var gfx)
  _torchcompat_memo_lookup(builds hit "rocm-builds-with|${gfx}")
  if(hit)
    set(${out_var} "${builds}" PARENT_SCOPE)
    return()
  endif()
  _torchcompat_table(table rocm-xpu-targets)
  _torchcompat_json_keys(releases "${table}" releases)
  list(SORT releases COMPARE NATURAL ORDER DESCENDING)
  set(builds "")
  foreach(release IN LISTS releases)
    _torchcompat_json_keys(variants "${table}" releases "${release}")
    list(FILTER variants INCLUDE REGEX "^rocm")
    list(SORT variants COMPARE NATURAL ORDER DESCENDING)
    foreach(variant IN LISTS variants)
      _torchcompat_json_list(list "${table}" releases "${release}" "${variant}" gfx)
      if(gfx IN_LIST list)
        list(APPEND builds "torch ${release} ${variant}")
      endif()
    endforeach()
  endforeach()
  _torchcompat_memo_store("rocm-builds-with|${gfx}" "${builds}")
  set(${out_var} "${builds}" PARENT_SCOPE)
endfunction()

cmake_policy(POP)
