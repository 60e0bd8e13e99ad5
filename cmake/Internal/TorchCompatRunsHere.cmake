# The rules that decide whether a build of torch runs on a machine: driver
# against the build's CUDA (under a policy), GPU against the build's code,
# cuDNN against the build's cuDNN. Shared by the guard and the libtorch selector
# so both give the same answer for the same machine.

include_guard(GLOBAL)
# The module's own policies, also when included by a cmake -P script that set none.
cmake_policy(PUSH)
cmake_policy(VERSION 3.22...4.4)

include("${CMAKE_CURRENT_LIST_DIR}/../TorchCompatTable.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/../TorchCompatDetect.cmake")

# _torchcompat_add_text(<list-var> <piece>...): appends the pieces, joined, as
# ONE item (a message written over several lines is still one problem).
function(_torchcompat_add_text list_var)
  string(CONCAT text ${ARGN})
  string(REPLACE ";" "," text "${text}")
  set(items "${${list_var}}")
  list(APPEND items "${text}")
  set(${list_var} "${items}" PARENT_SCOPE)
endfunction()

# Splits "9.0a" into 9, 0 and "a".
function(_torchcompat_split_arch arch major_var minor_var suffix_var)
  if(NOT arch MATCHES "^([0-9]+)\\.([0-9]+)([a-z]*)$")
    message(FATAL_ERROR "TorchCompat: '${arch}' is not a compute capability; write it like 8.6.")
  endif()
  set(${major_var} "${CMAKE_MATCH_1}" PARENT_SCOPE)
  set(${minor_var} "${CMAKE_MATCH_2}" PARENT_SCOPE)
  set(${suffix_var} "${CMAKE_MATCH_3}" PARENT_SCOPE)
endfunction()

# The GPU code rules of gpu-code-rules.json (see data/gpu-code-rules.md):
# <prefix>_EXACT_ONLY (archs whose code runs only on themselves and which run
# only their own code, Jetson and other integrated GPUs), and <prefix>_TABLE.
function(_torchcompat_gpu_rules prefix)
  _torchcompat_table(table gpu-code-rules)
  _torchcompat_json_list(exact_only "${table}" rules no_forward_archs)
  set(${prefix}_EXACT_ONLY "${exact_only}" PARENT_SCOPE)
  set(${prefix}_TABLE "${table}" PARENT_SCOPE)
endfunction()

# Does SASS built for code_arch run on a GPU of capability gpu_arch? The rules
# come from _torchcompat_gpu_rules, read once by the caller.
function(_torchcompat_sass_runs out_var code_arch gpu_arch rules_EXACT_ONLY rules_TABLE)
  _torchcompat_split_arch("${code_arch}" code_major code_minor code_suffix)
  _torchcompat_split_arch("${gpu_arch}" gpu_major gpu_minor gpu_suffix)
  set(code "${code_major}.${code_minor}")
  set(gpu "${gpu_major}.${gpu_minor}")
  set(runs FALSE)
  if(code_suffix STREQUAL "f")
    _torchcompat_json_list(members "${rules_TABLE}" rules families "${code_arch}")
    if(gpu IN_LIST members)
      set(runs TRUE)
    endif()
  elseif(code_suffix OR code IN_LIST rules_EXACT_ONLY OR gpu IN_LIST rules_EXACT_ONLY)
    _torchcompat_json_list(also "${rules_TABLE}" rules extra_sass_devices "${code}")
    if(code STREQUAL gpu OR (NOT code_suffix AND gpu IN_LIST also))
      set(runs TRUE)
    endif()
  elseif(code_major EQUAL gpu_major AND NOT gpu_minor LESS code_minor)
    set(runs TRUE)
  endif()
  set(${out_var} ${runs} PARENT_SCOPE)
endfunction()

# Does PTX for code_arch JIT-compile for gpu_arch (ignoring the driver)?
function(_torchcompat_ptx_runs out_var code_arch gpu_arch)
  _torchcompat_split_arch("${code_arch}" code_major code_minor code_suffix)
  _torchcompat_split_arch("${gpu_arch}" gpu_major gpu_minor gpu_suffix)
  set(runs FALSE)
  if(code_suffix STREQUAL "" AND NOT "${gpu_major}.${gpu_minor}" VERSION_LESS
                                 "${code_major}.${code_minor}")
    set(runs TRUE)
  endif()
  set(${out_var} ${runs} PARENT_SCOPE)
endfunction()

# How a build's code reaches a GPU: "sass", "ptx" or "" (it doesn't).
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
    _torchcompat_ptx_runs(runs "${code_arch}" "${gpu_arch}")
    if(runs)
      set(${out_var} ptx PARENT_SCOPE)
      return()
    endif()
  endforeach()
  set(${out_var} "" PARENT_SCOPE)
endfunction()

# The driver a CUDA minor needs under a policy, and the rule's name.
#   strict: the toolkit's own minimum driver (its GA release's row of NVIDIA's table)
#   compat: NVIDIA's minor-version-compatibility floor of its major
function(_torchcompat_needed_driver driver_var rule_var cuda_minor policy os)
  _torchcompat_major("${cuda_minor}" major)
  if(policy STREQUAL "strict")
    _torchcompat_toolkits_of_minor(toolkits "${cuda_minor}")
    set(driver "")
    if(toolkits)
      list(GET toolkits 0 ga)
      _torchcompat_toolkit_min_driver(driver "${ga}" "${os}")
    endif()
    set(rule "strict policy: CUDA ${cuda_minor}'s own minimum ${os} driver")
  else()
    _torchcompat_compat_floor(driver "${major}" "${os}")
    set(rule "compat policy: NVIDIA's minor-version compatibility floor for CUDA ${major}.x")
  endif()
  set(${driver_var} "${driver}" PARENT_SCOPE)
  set(${rule_var} "${rule}" PARENT_SCOPE)
endfunction()

# _torchcompat_driver_runs(<prefix> CUDA <minor> POLICY <p> OS <os> RELEASE <r> DRIVER_CUDA <d>)
# Sets <prefix>_OK, <prefix>_NATIVE (driver's CUDA is at least the build's, so
# PTX can be JIT-compiled), <prefix>_NEED and <prefix>_RULE.
function(_torchcompat_driver_runs prefix)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "CUDA;POLICY;OS;RELEASE;DRIVER_CUDA" "")
  _torchcompat_needed_driver(need rule "${arg_CUDA}" "${arg_POLICY}" "${arg_OS}")
  set(native FALSE)
  if(arg_DRIVER_CUDA AND NOT arg_DRIVER_CUDA VERSION_LESS arg_CUDA)
    set(native TRUE)
  endif()
  set(ok FALSE)
  if(arg_RELEASE AND need)
    if(NOT arg_RELEASE VERSION_LESS need)
      set(ok TRUE)
    endif()
  elseif(native)
    # Without a release to compare, a driver whose own CUDA is at least the
    # build's satisfies both policies.
    set(ok TRUE)
  endif()
  if(native AND arg_POLICY STREQUAL "compat")
    set(ok TRUE)
  endif()
  set(${prefix}_OK ${ok} PARENT_SCOPE)
  set(${prefix}_NATIVE ${native} PARENT_SCOPE)
  set(${prefix}_NEED "${need}" PARENT_SCOPE)
  set(${prefix}_RULE "${rule}" PARENT_SCOPE)
endfunction()

# What the guard and the selector need to know about the machine, from the
# probe's (cached) answer. Sets <prefix>_RELEASE, _DRIVER_CUDA,
# _DESC (the driver: where it was found, or why not), _GPU_ARCHS, _GPU_DESCS (one per GPU),
# _CUDNN (the cuDNN in use, known only when overridden) and _KNOWN (false when the probe could not run).
function(_torchcompat_machine prefix)
  _torchcompat_probe_json(json FALSE)
  set(known FALSE)
  set(desc "")
  set(cudnn "")
  set(gpu_archs "")
  set(gpu_descs "")
  if(json)
    set(known TRUE)
    _torchcompat_json_get(release "${json}" driver release)
    _torchcompat_json_get(driver_cuda "${json}" driver cuda_version)
    _torchcompat_json_get(status "${json}" driver status)
    _torchcompat_json_get(reason "${json}" driver reason)
    _torchcompat_json_get(library "${json}" driver library)
    # A libtorch archive or wheel brings its own cuDNN, so the system's matters
    # only when the project says it uses it (CUDNN, or the cuDNN override).
    _torchcompat_json_get(cudnn_status "${json}" cudnn status)
    if(cudnn_status STREQUAL "overridden")
      _torchcompat_json_get(cudnn "${json}" cudnn version)
    endif()
    if(release OR driver_cuda)
      set(desc "NVIDIA driver ${release} (supports CUDA up to ${driver_cuda})")
      if(status STREQUAL "overridden")
        string(APPEND desc ", from TORCHCOMPAT_OVERRIDE_*")
      elseif(library)
        string(APPEND desc ", via ${library}")
      endif()
    else()
      set(desc "no NVIDIA driver (${reason})")
    endif()
    _torchcompat_probe_gpus("${json}" gpu_archs gpu_descs gpu_names)
    _torchcompat_json_get(gpu_reason "${json}" gpus_status reason)
  endif()
  set(driver_reason "${reason}")
  foreach(
    name IN
    ITEMS known
          release
          driver_cuda
          desc
          driver_reason
          gpu_archs
          gpu_descs
          gpu_reason
          cudnn)
    string(TOUPPER "${name}" upper)
    set(${prefix}_${upper} "${${name}}" PARENT_SCOPE)
  endforeach()
endfunction()

# "9.1.0.70" and "9.19.0" share major 9; an installed cuDNN older than the one a
# build was made with may lack what the build calls.
function(_torchcompat_cudnn_problem out_var have build_cudnn)
  set(problem "")
  if(have AND build_cudnn)
    _torchcompat_major("${have}" have_major)
    _torchcompat_major("${build_cudnn}" build_major)
    if(NOT have_major EQUAL build_major)
      string(CONCAT problem "cuDNN ${have} is major ${have_major}, but the build ships and "
                    "calls cuDNN ${build_cudnn} (major ${build_major})")
    elseif(have VERSION_LESS build_cudnn)
      set(problem "cuDNN ${have} is older than the ${build_cudnn} the build was made with")
    endif()
  endif()
  set(${out_var} "${problem}" PARENT_SCOPE)
endfunction()

# _torchcompat_evaluate_variant(<prefix> VERSION <torch> VARIANT <v> POLICY <p> PLATFORM <p>
#                               MACHINE <machine-prefix> [CUDNN <version>])
# Sets <prefix>_OK, <prefix>_PROBLEMS (one text per problem), <prefix>_NOTES
# (things that could not be checked) and <prefix>_NEED_DRIVER.
function(_torchcompat_evaluate_variant prefix)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "VERSION;VARIANT;POLICY;PLATFORM;MACHINE;CUDNN" "")
  string(REGEX REPLACE "-.*" "" arg_OS "${arg_PLATFORM}")
  set(m ${arg_MACHINE})
  set(problems "")
  set(notes "")
  set(need_driver "")
  _torchcompat_parse_variant("${arg_VARIANT}" kind cuda)
  if(kind STREQUAL "rocm")
    _torchcompat_add_text(notes
                          "AMD GPUs and ROCm are not detected, so ${arg_VARIANT} was not checked")
  elseif(kind STREQUAL "xpu")
    _torchcompat_add_text(notes "Intel GPUs are not detected, so xpu was not checked")
  elseif(kind STREQUAL "cuda")
    _torchcompat_variant_build(build "${arg_VERSION}" "${arg_VARIANT}" "${arg_PLATFORM}")
    _torchcompat_json_list(sass "${build}" sass)
    _torchcompat_json_list(ptx "${build}" ptx)
    _torchcompat_json_get(build_cudnn "${build}" cudnn)
    _torchcompat_json_get(build_cuda "${build}" cuda)
    if(build_cuda)
      _torchcompat_major_minor("${build_cuda}" cuda)
    endif()

    _torchcompat_driver_runs(
      driver
      CUDA "${cuda}"
      POLICY "${arg_POLICY}"
      OS "${arg_OS}"
      RELEASE "${${m}_RELEASE}"
      DRIVER_CUDA "${${m}_DRIVER_CUDA}")
    set(need_driver "${driver_NEED}")
    if(NOT ${m}_RELEASE AND NOT ${m}_DRIVER_CUDA)
      _torchcompat_add_text(problems "${arg_VARIANT} builds need an NVIDIA driver: "
                            "${${m}_DRIVER_REASON}")
    elseif(NOT driver_OK)
      if(driver_NEED)
        set(needs "a driver >= ${driver_NEED} (${driver_RULE})")
      else()
        set(needs "a driver that supports CUDA ${cuda} (no minimum driver is recorded)")
      endif()
      _torchcompat_add_text(problems
                            "found ${${m}_DESC}, but ${arg_VARIANT} (CUDA ${cuda}) needs ${needs}")
    endif()

    if(NOT ${m}_GPU_ARCHS)
      _torchcompat_add_text(
        problems "no GPU is visible (${${m}_GPU_REASON}), and ${arg_VARIANT} code "
        "runs only on one")
    elseif(NOT sass AND NOT ptx)
      _torchcompat_add_text(
        notes "the GPU architectures of torch ${arg_VERSION} ${arg_VARIANT} are not "
        "in the table, so GPU coverage was not checked")
    else()
      list(JOIN sass ", " sass_text)
      list(JOIN ptx ", " ptx_text)
      if(NOT ptx_text)
        set(ptx_text "none")
      endif()
      set(index 0)
      foreach(arch IN LISTS ${m}_GPU_ARCHS)
        list(GET ${m}_GPU_DESCS ${index} gpu)
        math(EXPR index "${index} + 1")
        _torchcompat_gpu_coverage(coverage "${arch}" "${sass}" "${ptx}")
        if(NOT coverage)
          _torchcompat_add_text(
            problems "${gpu} has no code in torch ${arg_VERSION} ${arg_VARIANT}, "
            "which carries SASS for ${sass_text} and PTX for ${ptx_text}")
        elseif(coverage STREQUAL "ptx" AND NOT driver_NATIVE)
          _torchcompat_add_text(
            problems "${gpu} runs torch ${arg_VERSION} ${arg_VARIANT} only by JIT-"
            "compiling its PTX (${ptx_text}), which needs a driver that "
            "supports CUDA ${cuda}; this one supports ${${m}_DRIVER_CUDA}")
          set(need_driver "CUDA ${cuda}")
        endif()
      endforeach()
    endif()

    set(cudnn "${arg_CUDNN}")
    if(NOT cudnn)
      set(cudnn "${${m}_CUDNN}")
    endif()
    _torchcompat_cudnn_problem(cudnn_problem "${cudnn}" "${build_cudnn}")
    if(cudnn_problem)
      _torchcompat_add_text(problems "${cudnn_problem}")
    endif()
  endif()
  # Problems are joined into messages later; list items must not split them.
  set(ok TRUE)
  if(problems)
    set(ok FALSE)
  endif()
  set(${prefix}_OK ${ok} PARENT_SCOPE)
  set(${prefix}_PROBLEMS "${problems}" PARENT_SCOPE)
  set(${prefix}_NOTES "${notes}" PARENT_SCOPE)
  set(${prefix}_NEED_DRIVER "${need_driver}" PARENT_SCOPE)
endfunction()

cmake_policy(POP)
