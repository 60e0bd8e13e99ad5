# Which GPU runs which compiled CUDA code: the one implementation of the
# procedure in data/gpu-code-rules.md. Its rule tables (integrated archs,
# extra devices, families, each arch's first and last toolkit) are read from
# data/gpu-code-rules.json; scripts/data/cuda_gpu_code_rules.py asks these
# functions through gpu-code-query.cmake instead of carrying its own copy.

include_guard(GLOBAL)
# The module's own policies, also when included by a cmake -P script that set none.
cmake_policy(PUSH)
cmake_policy(VERSION 3.22...4.4)

include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatTable.cmake")

# Splits "9.0a" into 9, 0 and "a".
function(_torchcompat_split_arch arch major_var minor_var suffix_var)
  if(NOT arch MATCHES "^([0-9]+)\\.([0-9]+)([af]?)$")
    message(FATAL_ERROR "TorchCompat: '${arch}' is not a compute capability; write it like 8.6.")
  endif()
  set(${major_var} "${CMAKE_MATCH_1}" PARENT_SCOPE)
  set(${minor_var} "${CMAKE_MATCH_2}" PARENT_SCOPE)
  set(${suffix_var} "${CMAKE_MATCH_3}" PARENT_SCOPE)
endfunction()

# The rule tables, read once per configure: <prefix>_EXACT_ONLY (archs whose
# code runs only on themselves and which run only their own code: Jetson and
# other integrated GPUs) and <prefix>_TABLE (the whole table).
function(_torchcompat_gpu_rules prefix)
  _torchcompat_table(table gpu-code-rules)
  _torchcompat_memo_lookup(exact_only hit "no_forward_archs")
  if(NOT hit)
    _torchcompat_json_list(exact_only "${table}" rules no_forward_archs)
    _torchcompat_memo_store("no_forward_archs" "${exact_only}")
  endif()
  set(${prefix}_EXACT_ONLY "${exact_only}" PARENT_SCOPE)
  set(${prefix}_TABLE "${table}" PARENT_SCOPE)
endfunction()

# Is gpu one of the devices an `f` (family) target runs on?
function(_torchcompat_in_family out_var target gpu rules_TABLE)
  _torchcompat_json_list(members "${rules_TABLE}" rules families "${target}")
  set(in FALSE)
  if(gpu IN_LIST members)
    set(in TRUE)
  endif()
  set(${out_var} ${in} PARENT_SCOPE)
endfunction()

# Does SASS built for code_arch run on a GPU of capability gpu_arch? Step 1 of
# data/gpu-code-rules.md, in its order.
function(_torchcompat_sass_runs out_var code_arch gpu_arch rules_EXACT_ONLY rules_TABLE)
  _torchcompat_memo_lookup(runs hit "sass|${code_arch}|${gpu_arch}")
  if(hit)
    set(${out_var} ${runs} PARENT_SCOPE)
    return()
  endif()
  _torchcompat_split_arch("${code_arch}" code_major code_minor code_suffix)
  _torchcompat_split_arch("${gpu_arch}" gpu_major gpu_minor gpu_suffix)
  set(code "${code_major}.${code_minor}")
  set(gpu "${gpu_major}.${gpu_minor}")
  _torchcompat_json_list(also "${rules_TABLE}" rules extra_sass_devices "${code}")
  set(runs FALSE)
  if(code_suffix STREQUAL "a")
    if(code STREQUAL gpu)
      set(runs TRUE)
    endif()
  elseif(code_suffix STREQUAL "f")
    _torchcompat_in_family(runs "${code_arch}" "${gpu}" "${rules_TABLE}")
  elseif(gpu IN_LIST also)
    set(runs TRUE)
  elseif(code IN_LIST rules_EXACT_ONLY OR gpu IN_LIST rules_EXACT_ONLY)
    if(code STREQUAL gpu)
      set(runs TRUE)
    endif()
  elseif(code_major EQUAL gpu_major AND NOT gpu_minor LESS code_minor)
    set(runs TRUE)
  endif()
  _torchcompat_memo_store("sass|${code_arch}|${gpu_arch}" ${runs})
  set(${out_var} ${runs} PARENT_SCOPE)
endfunction()

# Does PTX for code_arch JIT-compile for gpu_arch (the driver aside)? Step 2.
function(_torchcompat_ptx_runs out_var code_arch gpu_arch rules_TABLE)
  _torchcompat_split_arch("${code_arch}" code_major code_minor code_suffix)
  _torchcompat_split_arch("${gpu_arch}" gpu_major gpu_minor gpu_suffix)
  set(code "${code_major}.${code_minor}")
  set(gpu "${gpu_major}.${gpu_minor}")
  set(runs FALSE)
  if(code_suffix STREQUAL "a")
    if(code STREQUAL gpu)
      set(runs TRUE)
    endif()
  elseif(code_suffix STREQUAL "f")
    _torchcompat_in_family(runs "${code_arch}" "${gpu}" "${rules_TABLE}")
  elseif(NOT gpu VERSION_LESS code)
    set(runs TRUE)
  endif()
  set(${out_var} ${runs} PARENT_SCOPE)
endfunction()

# How a build's code reaches a GPU: "sass", "ptx" or "" (it doesn't). PTX is
# reported whatever the driver; the caller knows whether the driver can JIT it.
function(_torchcompat_gpu_coverage out_var gpu_arch sass ptx)
  _torchcompat_gpu_rules(rules)
  foreach(code_arch IN LISTS sass)
    _torchcompat_sass_runs(runs "${code_arch}" "${gpu_arch}" "${rules_EXACT_ONLY}" "${rules_TABLE}")
    if(runs)
      set(${out_var} sass PARENT_SCOPE)
      return()
    endif()
  endforeach()
  foreach(code_arch IN LISTS ptx)
    _torchcompat_ptx_runs(runs "${code_arch}" "${gpu_arch}" "${rules_TABLE}")
    if(runs)
      set(${out_var} ptx PARENT_SCOPE)
      return()
    endif()
  endforeach()
  set(${out_var} "" PARENT_SCOPE)
endfunction()

# Can a CUDA <cuda_minor> toolkit compile for arch? TRUE, FALSE, or "" when
# the table cannot say (an arch it lacks, or one older than its first toolkit
# line asked about a toolkit older than 9.0).
function(_torchcompat_toolkit_compiles out_var arch cuda_minor rules_TABLE)
  _torchcompat_json_get(record "${rules_TABLE}" architectures "${arch}")
  set(answer "")
  if(record)
    _torchcompat_json_get(first "${record}" first_cuda)
    _torchcompat_json_get(last "${record}" last_cuda)
    if(NOT first AND cuda_minor VERSION_LESS 9.0)
      set(answer "")
    elseif(first AND cuda_minor VERSION_LESS first)
      set(answer FALSE)
    elseif(last AND cuda_minor VERSION_GREATER last)
      set(answer FALSE)
    else()
      set(answer TRUE)
    endif()
  endif()
  set(${out_var} "${answer}" PARENT_SCOPE)
endfunction()

# Could a CUDA <cuda_minor> build carry SASS that runs on gpu_arch? FALSE when
# no architecture that toolkit compiles for has SASS that runs there (so sm_120
# on a CUDA 12.6 build is ruled out without knowing the build's list); TRUE or
# "" (the table cannot say) otherwise.
function(_torchcompat_sass_possible out_var gpu_arch cuda_minor)
  _torchcompat_code_possible(answer sass "${gpu_arch}" "${cuda_minor}")
  set(${out_var} "${answer}" PARENT_SCOPE)
endfunction()

# Could a CUDA <cuda_minor> build carry PTX that JIT-compiles for gpu_arch?
# FALSE when no architecture that toolkit compiles for has PTX that reaches
# it (a GPU older than everything the toolkit targets); TRUE or "" otherwise.
function(_torchcompat_ptx_possible out_var gpu_arch cuda_minor)
  _torchcompat_code_possible(answer ptx "${gpu_arch}" "${cuda_minor}")
  set(${out_var} "${answer}" PARENT_SCOPE)
endfunction()

# _torchcompat_code_possible(<out-var> sass|ptx <gpu-arch> <cuda-minor>), remembered per configure.
function(_torchcompat_code_possible out_var kind gpu_arch cuda_minor)
  set(memo_key "${kind}_possible|${gpu_arch}|${cuda_minor}")
  _torchcompat_memo_lookup(answer hit "${memo_key}")
  if(NOT hit)
    _torchcompat_code_possible_uncached(answer ${kind} "${gpu_arch}" "${cuda_minor}")
    _torchcompat_memo_store("${memo_key}" "${answer}")
  endif()
  set(${out_var} "${answer}" PARENT_SCOPE)
endfunction()

function(_torchcompat_code_possible_uncached out_var kind gpu_arch cuda_minor)
  _torchcompat_gpu_rules(rules)
  if(kind STREQUAL "sass")
    _torchcompat_json_get(gpu_record "${rules_TABLE}" architectures "${gpu_arch}")
    if(NOT gpu_record)
      # An arch the table lacks may be reached by SASS of archs it lacks too.
      set(${out_var} "" PARENT_SCOPE)
      return()
    endif()
  endif()
  _torchcompat_json_keys(archs "${rules_TABLE}" architectures)
  set(answer FALSE)
  foreach(arch IN LISTS archs)
    if(kind STREQUAL "sass")
      _torchcompat_sass_runs(runs "${arch}" "${gpu_arch}" "${rules_EXACT_ONLY}" "${rules_TABLE}")
    else()
      _torchcompat_ptx_runs(runs "${arch}" "${gpu_arch}" "${rules_TABLE}")
    endif()
    if(NOT runs)
      continue()
    endif()
    _torchcompat_toolkit_compiles(compiles "${arch}" "${cuda_minor}" "${rules_TABLE}")
    if(compiles)
      set(${out_var} TRUE PARENT_SCOPE)
      return()
    elseif(compiles STREQUAL "")
      set(answer "")
    endif()
  endforeach()
  set(${out_var} "${answer}" PARENT_SCOPE)
endfunction()

cmake_policy(POP)
