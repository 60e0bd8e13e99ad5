# The GPU and cuDNN checks of one CUDA build: every visible GPU against the
# build's SASS and PTX (derived from the toolkit's rules where the lists are not
# recorded), the cuDNN in use against the build's.

include_guard(GLOBAL)
# The module's own policies, also when included by a cmake -P script that set none.
cmake_policy(PUSH)
cmake_policy(VERSION 3.22...4.4)

include("${CMAKE_CURRENT_LIST_DIR}/../tables/TorchCompatGpuCode.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/../tables/TorchCompatTable.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/../common/TorchCompatText.cmake")

# The GPU checks of one CUDA build: every visible GPU against its SASS and
# PTX. Sets <prefix>_PROBLEMS, <prefix>_UNKNOWNS, <prefix>_FAILED (some GPU has
# no code) and <prefix>_JIT_PROBLEMS (GPUs reached only by PTX this driver
# cannot JIT).
function(
  _torchcompat_gpu_checks
  prefix
  build_name
  build
  cuda
  native
  m)
  set(problems "")
  set(unknowns "")
  set(failed FALSE)
  set(jit_problems 0)
  _torchcompat_json_type(sass_type "${build}" sass)
  _torchcompat_json_type(ptx_type "${build}" ptx)
  _torchcompat_json_list(sass "${build}" sass)
  _torchcompat_json_list(ptx "${build}" ptx)
  _torchcompat_list_text(sass_text "${sass}" "none")
  _torchcompat_list_text(ptx_text "${ptx}" "none")
  if(NOT ptx_type STREQUAL "ARRAY")
    set(ptx_text "none recorded")
  endif()
  _torchcompat_json_get(build_notes "${build}" notes)
  set(index 0)
  foreach(arch IN LISTS ${m}_GPU_ARCHS)
    list(GET ${m}_GPU_DESCS ${index} gpu)
    math(EXPR index "${index} + 1")
    if(sass_type STREQUAL "ARRAY")
      _torchcompat_gpu_coverage(coverage "${arch}" "${sass}" "${ptx}")
      if(NOT coverage AND NOT ptx_type STREQUAL "ARRAY")
        # The SASS list is known and misses this GPU; the PTX list is not known.
        _torchcompat_ptx_unknown_check(
          ptx_verdict
          "${gpu}"
          "${arch}"
          "${build_name}"
          "${sass_text}"
          "${cuda}"
          "${native}"
          "${${m}_DRIVER_CUDA}")
        if(ptx_verdict_FAILED)
          set(failed TRUE)
          _torchcompat_add_text(problems "${ptx_verdict_TEXT}")
        else()
          _torchcompat_add_text(unknowns "${ptx_verdict_TEXT}")
        endif()
      elseif(NOT coverage)
        set(failed TRUE)
        _torchcompat_add_text(problems "${gpu} has no code in ${build_name}, which carries "
                              "SASS for ${sass_text} and PTX for ${ptx_text}")
      elseif(coverage STREQUAL "ptx" AND NOT native)
        math(EXPR jit_problems "${jit_problems} + 1")
        _torchcompat_add_text(
          problems "${gpu} runs ${build_name} only by JIT-compiling its PTX (${ptx_text}), "
          "which needs a driver that supports CUDA ${cuda}, and this one supports "
          "${${m}_DRIVER_CUDA}")
      endif()
      continue()
    endif()
    # The build's architectures are unknown: derive what the toolkit allows.
    _torchcompat_gpu_coverage(ptx_coverage "${arch}" "" "${ptx}")
    _torchcompat_sass_possible(possible "${arch}" "${cuda}")
    if(ptx_coverage AND native)
      # Recorded PTX reaches it; the unknown SASS list cannot take that away.
      continue()
    elseif(possible STREQUAL "FALSE" AND ptx_coverage)
      math(EXPR jit_problems "${jit_problems} + 1")
      _torchcompat_add_text(
        problems "${gpu} can run ${build_name} only by JIT-compiling its PTX (${ptx_text}), "
        "which needs a driver that supports CUDA ${cuda}, and this one supports "
        "${${m}_DRIVER_CUDA}")
    elseif(possible STREQUAL "FALSE")
      set(failed TRUE)
      _torchcompat_add_text(
        problems "${gpu} has no code in ${build_name}: CUDA ${cuda} cannot compile for sm "
        "${arch} (data/gpu-code-rules.json), so the build carries no SASS for it, and no PTX "
        "that covers it is recorded (the build's architecture lists are not in the table)")
    else()
      set(why "")
      if(build_notes)
        string(REPLACE ";" "," build_notes "${build_notes}")
        string(REGEX REPLACE "\\.$" "" build_notes "${build_notes}")
        set(why " (${build_notes})")
      endif()
      _torchcompat_add_text(
        unknowns "the GPU architectures of ${build_name} are not in the table${why}, so "
        "whether ${gpu} has code in it cannot be verified")
    endif()
  endforeach()
  set(${prefix}_PROBLEMS "${problems}" PARENT_SCOPE)
  set(${prefix}_UNKNOWNS "${unknowns}" PARENT_SCOPE)
  set(${prefix}_FAILED ${failed} PARENT_SCOPE)
  set(${prefix}_JIT_PROBLEMS ${jit_problems} PARENT_SCOPE)
endfunction()

# A GPU that a build's known SASS list misses, when the build's PTX list is
# unknown: fails when no PTX could reach it (the GPU is older than anything the
# build's toolkit targets) or when this driver could not JIT-compile PTX of the
# build's CUDA anyway; otherwise it cannot be verified. Sets <prefix>_FAILED
# and <prefix>_TEXT.
function(
  _torchcompat_ptx_unknown_check
  prefix
  gpu
  arch
  build_name
  sass_text
  cuda
  native
  driver_cuda)
  _torchcompat_ptx_possible(possible "${arch}" "${cuda}")
  set(known "${build_name} carries SASS for ${sass_text}, none of which runs on ${gpu}")
  if(possible STREQUAL "FALSE")
    set(failed TRUE)
    string(CONCAT text "${gpu} has no code in ${build_name}: ${known}, and CUDA ${cuda} cannot "
                  "emit PTX that reaches sm ${arch} (data/gpu-code-rules.json)")
  elseif(NOT native)
    set(failed TRUE)
    string(CONCAT text "${gpu} has no code in ${build_name} that this driver can run: ${known}, "
                  "whether it carries PTX is not in the table, and PTX of CUDA ${cuda} would need "
                  "a driver that supports CUDA ${cuda} (this one supports ${driver_cuda})")
  else()
    set(failed FALSE)
    string(CONCAT text "${known}, and whether it carries PTX that ${gpu} could JIT-compile is not "
                  "in the table, so whether ${gpu} has code in it cannot be verified")
  endif()
  set(${prefix}_FAILED ${failed} PARENT_SCOPE)
  set(${prefix}_TEXT "${text}" PARENT_SCOPE)
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

cmake_policy(POP)
