# Version strings as users write them: validation and the pieces the rules use.

include_guard(GLOBAL)
# The module's own policies, also when included by a cmake -P script that set none.
cmake_policy(PUSH)
cmake_policy(VERSION 3.22...4.4)

# _torchcompat_check_version(<what> <value> [LOCAL_ALLOWED])
# Stops with a clear error unless <value> is a dotted number like 2.4.0. With
# LOCAL_ALLOWED a PEP 440 local part is accepted (2.4.0+cu121).
function(_torchcompat_check_version what value)
  set(pattern "^[0-9]+(\\.[0-9]+)*$")
  set(example "2.4.0")
  if("LOCAL_ALLOWED" IN_LIST ARGN)
    set(pattern "^[0-9]+(\\.[0-9]+)*(\\+[0-9A-Za-z.]+)?$")
    set(example "2.4.0 or 2.4.0+cu121")
  endif()
  if(NOT value MATCHES "${pattern}")
    message(FATAL_ERROR "TorchCompat: ${what} '${value}' is not a version; write it like "
                        "${example}.")
  endif()
endfunction()

# Splits 2.4.0+cu121 into 2.4.0 and cu121 ("" when there is no local part).
function(_torchcompat_split_local version public_var local_var)
  set(local "")
  if(version MATCHES "^([^+]*)\\+(.*)$")
    set(version "${CMAKE_MATCH_1}")
    set(local "${CMAKE_MATCH_2}")
  endif()
  set(${public_var} "${version}" PARENT_SCOPE)
  set(${local_var} "${local}" PARENT_SCOPE)
endfunction()

# "12.4.131" -> "12.4"; "12" -> "12.0"
function(_torchcompat_major_minor version out_var)
  string(REGEX MATCH "^[0-9]+(\\.[0-9]+)?" short "${version}")
  if(NOT short MATCHES "\\.")
    string(APPEND short ".0")
  endif()
  set(${out_var} "${short}" PARENT_SCOPE)
endfunction()

function(_torchcompat_major version out_var)
  string(REGEX MATCH "^[0-9]+" major "${version}")
  set(${out_var} "${major}" PARENT_SCOPE)
endfunction()

# Variant names: cpu, cu121 (CUDA 12.1), cu92 (CUDA 9.2), rocm6.1, xpu (Intel GPUs).
# Sets kind ("cpu", "cuda", "rocm", "xpu" or "" when malformed) and the version it names.
function(_torchcompat_parse_variant variant kind_var version_var)
  set(kind "")
  set(version "")
  if(variant MATCHES "^(cpu|xpu)$")
    set(kind "${variant}")
  elseif(variant MATCHES "^cu([0-9]+)([0-9])$")
    set(kind cuda)
    set(version "${CMAKE_MATCH_1}.${CMAKE_MATCH_2}")
  elseif(variant MATCHES "^rocm([0-9]+(\\.[0-9]+)+)$")
    set(kind rocm)
    set(version "${CMAKE_MATCH_1}")
  endif()
  set(${kind_var} "${kind}" PARENT_SCOPE)
  set(${version_var} "${version}" PARENT_SCOPE)
endfunction()

# CUDA 12.1 -> cu121
function(_torchcompat_cuda_variant cuda_version out_var)
  string(REPLACE "." "" digits "${cuda_version}")
  set(${out_var} "cu${digits}" PARENT_SCOPE)
endfunction()

# Variants in the order people read them: CUDA newest first, then cpu, ROCm, the rest.
function(_torchcompat_sort_variants out_var variants)
  set(keyed "")
  foreach(variant IN LISTS variants)
    _torchcompat_parse_variant("${variant}" kind version)
    if(kind STREQUAL "cuda")
      list(APPEND keyed "0:${version}:${variant}")
    elseif(kind STREQUAL "cpu")
      list(APPEND keyed "1::cpu")
    elseif(kind STREQUAL "rocm")
      list(APPEND keyed "2:${version}:${variant}")
    else()
      list(APPEND keyed "3::${variant}")
    endif()
  endforeach()
  # Newest first within a kind, the kinds in the order above.
  list(SORT keyed COMPARE NATURAL ORDER DESCENDING)
  set(sorted "")
  foreach(rank IN ITEMS 0 1 2 3)
    foreach(item IN LISTS keyed)
      if(item MATCHES "^${rank}:[^:]*:(.*)$")
        list(APPEND sorted "${CMAKE_MATCH_1}")
      endif()
    endforeach()
  endforeach()
  set(${out_var} "${sorted}" PARENT_SCOPE)
endfunction()

# The CUDA variants among <variants>, newest CUDA first.
function(_torchcompat_cuda_variants out_var variants)
  _torchcompat_sort_variants(sorted "${variants}")
  list(FILTER sorted INCLUDE REGEX "^cu[0-9]+$")
  set(${out_var} "${sorted}" PARENT_SCOPE)
endfunction()

cmake_policy(POP)
