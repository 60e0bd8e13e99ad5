# Whether a build of torch runs on a machine: driver against the build's CUDA
# (under a policy), GPUs against the build's code, cuDNN against the build's
# cuDNN. Shared by the guard, the selector and the report, so all give the same
# answer for the same machine.

include_guard(GLOBAL)
# The module's own policies, also when included by a cmake -P script that set none.
cmake_policy(PUSH)
cmake_policy(VERSION 3.22...4.4)

include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatDriverCheck.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatGpuChecks.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatRocmXpuChecks.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/../machine/TorchCompatMachine.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/../tables/TorchCompatTable.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/../common/TorchCompatText.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/../common/TorchCompatVersionRules.cmake")

# _torchcompat_evaluate_variant(<prefix> VERSION <torch> VARIANT <v> POLICY <p> PLATFORM <p>
#                               MACHINE <machine-prefix> [CUDNN <version>])
# Does the build run on the machine? Every check ends in pass, fail or cannot
# be verified. Sets:
#   <prefix>_VERDICT   pass, fail, unknown (nothing failed, something could not
#                      be verified) or cpu-only (a CUDA build on a machine with
#                      no driver or no GPU: it runs, on the CPU)
#   <prefix>_OK        TRUE for pass only
#   <prefix>_PROBLEMS  one text per failed check
#   <prefix>_UNKNOWNS  one text per check that could not be verified, with why
#   <prefix>_CPU_ONLY  why the build would run on the CPU only, or ""
#   <prefix>_PASSES    one text per check that passed (the verdict lists them too)
#   <prefix>_DRIVER_ADVICE  "install ..."/"upgrade ..." when a new driver alone
#                      would fix what failed (or the missing GPU use), else ""
#   <prefix>_GPU_FAILED  TRUE when some GPU has no code in the build
#   <prefix>_AMD_FAILED  TRUE when some AMD GPU has no code in the ROCm build
#   <prefix>_DRIVER_VERDICT  the driver check's verdict ("" for non-CUDA builds)
function(_torchcompat_evaluate_variant prefix)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "VERSION;VARIANT;POLICY;PLATFORM;MACHINE;CUDNN" "")
  string(REGEX REPLACE "-.*" "" os "${arg_PLATFORM}")
  set(m ${arg_MACHINE})
  set(problems "")
  set(unknowns "")
  set(cpu_only "")
  set(passes "")
  set(advice "")
  set(gpu_failed FALSE)
  set(driver_verdict "")
  set(driver_problems 0)
  set(build_name "torch ${arg_VERSION} ${arg_VARIANT}")
  _torchcompat_parse_variant("${arg_VARIANT}" kind cuda)
  set(amd_failed FALSE)
  if(kind MATCHES "^(rocm|xpu)$" AND NOT ${m}_KNOWN)
    _torchcompat_add_text(unknowns "this machine could not be probed, so whether its GPUs run "
                          "${build_name} cannot be verified")
  elseif(kind MATCHES "^(rocm|xpu)$")
    # AMD and Intel GPUs: TorchCompatRocmXpuChecks.
    _torchcompat_evaluate_rocm_xpu(vendor "${arg_VERSION}" "${arg_VARIANT}" ${kind} ${m})
    set(problems "${vendor_PROBLEMS}")
    set(unknowns "${vendor_UNKNOWNS}")
    set(cpu_only "${vendor_CPU_ONLY}")
    list(APPEND passes ${vendor_PASSES})
    set(amd_failed ${vendor_AMD_FAILED})
  elseif(kind STREQUAL "cuda" AND NOT ${m}_KNOWN)
    _torchcompat_add_text(unknowns "this machine could not be probed, so whether its driver "
                          "and GPUs run ${build_name} cannot be verified")
  elseif(kind STREQUAL "cuda")
    _torchcompat_variant_build(build "${arg_VERSION}" "${arg_VARIANT}" "${arg_PLATFORM}")
    _torchcompat_json_get(build_cuda "${build}" cuda)
    if(build_cuda)
      _torchcompat_major_minor("${build_cuda}" cuda)
    endif()
    _torchcompat_build_toolkit(shipped "${arg_VERSION}" "${arg_VARIANT}" "${arg_PLATFORM}"
                               "${cuda}")
    _torchcompat_driver_check(
      driver
      WHAT
      "${arg_VARIANT} (CUDA ${cuda})"
      CUDA
      "${cuda}"
      POLICY
      "${arg_POLICY}"
      OS
      "${os}"
      TOOLKIT
      ${shipped_TOOLKIT}
      FALLBACK
      "${shipped_FALLBACK}"
      MACHINE
      ${m})
    set(driver_verdict ${driver_VERDICT})
    if(driver_VERDICT STREQUAL "pass")
      _torchcompat_add_text(passes "${${m}_DESC} runs ${arg_VARIANT} (CUDA ${cuda}) under the "
                            "${arg_POLICY} driver policy")
    endif()
    if(driver_NEED)
      set(wanted "${driver_NEED} or newer (${driver_RULE})")
    else()
      set(wanted "one that supports CUDA ${cuda}")
    endif()
    if(driver_VERDICT STREQUAL "none")
      set(cpu_only "there is no NVIDIA driver (${${m}_DRIVER_REASON})")
      set(advice "install an NVIDIA driver, ${wanted}")
    elseif(driver_VERDICT STREQUAL "fail")
      _torchcompat_add_text(problems "${driver_TEXT}")
      math(EXPR driver_problems "${driver_problems} + 1")
      set(advice "upgrade the NVIDIA driver to ${wanted}")
    elseif(driver_VERDICT STREQUAL "unknown")
      _torchcompat_add_text(unknowns "${driver_TEXT}")
    endif()

    if(NOT cpu_only AND NOT ${m}_GPU_ARCHS)
      set(cpu_only "no GPU is visible")
      if(${m}_GPU_REASON)
        string(APPEND cpu_only " (${${m}_GPU_REASON})")
      endif()
    elseif(NOT cpu_only)
      _torchcompat_gpu_checks(gpu "${build_name}" "${build}" "${cuda}" ${driver_NATIVE} ${m})
      list(APPEND problems ${gpu_PROBLEMS})
      list(APPEND unknowns ${gpu_UNKNOWNS})
      set(gpu_failed ${gpu_FAILED})
      if(NOT gpu_PROBLEMS AND NOT gpu_UNKNOWNS)
        list(JOIN ${m}_GPU_ARCHS ", " archs_text)
        _torchcompat_add_text(passes
                              "every visible GPU (sm ${archs_text}) has code in ${build_name}")
      endif()
      if(gpu_JIT_PROBLEMS GREATER 0)
        math(EXPR driver_problems "${driver_problems} + ${gpu_JIT_PROBLEMS}")
        if(NOT advice)
          string(CONCAT advice "upgrade the NVIDIA driver to one that supports CUDA ${cuda}, so "
                        "that it can JIT-compile the build's PTX")
        endif()
      endif()

      set(cudnn "${arg_CUDNN}")
      if(NOT cudnn)
        set(cudnn "${${m}_CUDNN}")
      endif()
      _torchcompat_json_get(build_cudnn "${build}" cudnn)
      if(cudnn AND NOT build_cudnn)
        _torchcompat_add_text(
          unknowns "the cuDNN that ${build_name} ships is not in the table, so cuDNN ${cudnn} "
          "cannot be checked against it")
      else()
        _torchcompat_cudnn_problem(cudnn_problem "${cudnn}" "${build_cudnn}")
        if(cudnn_problem)
          _torchcompat_add_text(problems "${cudnn_problem}")
        elseif(cudnn)
          _torchcompat_add_text(passes "cuDNN ${cudnn} can run ${build_name}, made with cuDNN "
                                "${build_cudnn}")
        endif()
      endif()
    endif()
  endif()

  # Driver advice only where a new driver alone is the fix.
  list(LENGTH problems problem_count)
  if(NOT problem_count EQUAL driver_problems OR (problem_count EQUAL 0 AND NOT cpu_only)
     OR (cpu_only AND NOT driver_verdict STREQUAL "none"))
    # A new driver gives no GPU to a machine without one.
    set(advice "")
  endif()
  if(problems)
    set(verdict fail)
  elseif(unknowns)
    set(verdict unknown)
  elseif(cpu_only)
    set(verdict cpu-only)
  else()
    set(verdict pass)
  endif()
  set(ok FALSE)
  if(verdict STREQUAL "pass")
    set(ok TRUE)
  endif()
  foreach(
    name IN
    ITEMS verdict
          ok
          passes
          problems
          unknowns
          cpu_only
          advice
          gpu_failed
          amd_failed
          driver_verdict)
    string(TOUPPER "${name}" upper)
    set(${prefix}_${upper} "${${name}}" PARENT_SCOPE)
  endforeach()
endfunction()

cmake_policy(POP)
