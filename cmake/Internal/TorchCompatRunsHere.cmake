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

include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatGpuCode.cmake")

# The toolkit release a build shipped with: the build's recorded cuda_toolkit
# (12.4.1) when the toolkit table has it; else its cuda_toolkit_candidates
# (12.8.1;12.8.2: the wheel's runtime pin fits several updates) when the table
# has them all; else the GA row of its CUDA minor. Sets <prefix>_TOOLKIT (one
# release, a list of candidates, or "" when the table has no row of that
# minor) and <prefix>_FALLBACK (why a stand-in was used, or "").
function(_torchcompat_build_toolkit prefix version variant platform cuda_minor)
  _torchcompat_variant_build(build "${version}" "${variant}" "${platform}")
  _torchcompat_json_get(shipped "${build}" cuda_toolkit)
  _torchcompat_json_list(candidates "${build}" cuda_toolkit_candidates)
  _torchcompat_toolkits_of_minor(rows "${cuda_minor}")
  set(toolkit "")
  set(fallback "")
  set(all_rows TRUE)
  foreach(candidate IN LISTS candidates)
    if(NOT candidate IN_LIST rows)
      set(all_rows FALSE)
    endif()
  endforeach()
  if(shipped AND shipped IN_LIST rows)
    set(toolkit "${shipped}")
  elseif(NOT shipped AND candidates AND all_rows)
    set(toolkit "${candidates}")
    list(JOIN candidates " or " either)
    string(CONCAT fallback "torch ${version} ${variant} shipped with CUDA ${either} (its runtime "
                  "pin fits each), so the driver must meet each one's minimum")
  elseif(rows)
    list(GET rows 0 toolkit)
    if(shipped)
      set(why
          "torch ${version} ${variant} shipped with CUDA ${shipped}, which the toolkit table lacks")
    else()
      set(why
          "the CUDA ${cuda_minor} update that torch ${version} ${variant} shipped with is not recorded"
      )
    endif()
    string(CONCAT fallback "${why}, so the GA row ${toolkit} was used")
  endif()
  set(${prefix}_TOOLKIT "${toolkit}" PARENT_SCOPE)
  set(${prefix}_FALLBACK "${fallback}" PARENT_SCOPE)
endfunction()

# The driver a CUDA minor needs under a policy, and the rule's name.
#   strict: the minimum driver of the toolkit release the build shipped with
#           (toolkit, from _torchcompat_build_toolkit)
#   compat: NVIDIA's minor-version-compatibility floor of its major
function(
  _torchcompat_needed_driver
  driver_var
  rule_var
  cuda_minor
  policy
  os
  toolkit
  fallback)
  _torchcompat_major("${cuda_minor}" major)
  if(policy STREQUAL "strict")
    set(driver "")
    if(toolkit)
      _torchcompat_toolkit_min_driver(driver "${toolkit}" "${os}")
      set(rule "strict policy: CUDA ${toolkit}'s own minimum ${os} driver")
    else()
      set(rule "strict policy: the toolkit table has no CUDA ${cuda_minor} release")
    endif()
    if(fallback)
      string(APPEND rule " (${fallback})")
    endif()
  else()
    _torchcompat_compat_floor(driver "${major}" "${os}")
    set(rule "compat policy: NVIDIA's minor-version compatibility floor for CUDA ${major}.x")
  endif()
  set(${driver_var} "${driver}" PARENT_SCOPE)
  set(${rule_var} "${rule}" PARENT_SCOPE)
endfunction()

# _torchcompat_driver_check(<prefix> WHAT <text> CUDA <minor> POLICY <p> OS <os>
#                           TOOLKIT <release>... FALLBACK <text> MACHINE <machine-prefix>)
# Does the machine's driver run CUDA <minor> code? Sets <prefix>_VERDICT
# (pass, fail, unknown, or none: no driver at all), <prefix>_TEXT (why, for
# fail and unknown), <prefix>_NATIVE (the driver's CUDA is at least the
# build's, so it can JIT the build's PTX), <prefix>_NEED and <prefix>_RULE.
# Several TOOLKIT candidates (the build shipped with one of them, which is not
# known) pass only when each passes and fail only when each fails; otherwise
# the answer cannot be verified.
function(_torchcompat_driver_check prefix)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "WHAT;CUDA;POLICY;OS;FALLBACK;MACHINE" "TOOLKIT")
  list(LENGTH arg_TOOLKIT candidates)
  if(candidates LESS 2 OR NOT arg_POLICY STREQUAL "strict")
    _torchcompat_driver_check_one(
      one
      WHAT
      "${arg_WHAT}"
      CUDA
      "${arg_CUDA}"
      POLICY
      "${arg_POLICY}"
      OS
      "${arg_OS}"
      TOOLKIT
      "${arg_TOOLKIT}"
      FALLBACK
      "${arg_FALLBACK}"
      MACHINE
      ${arg_MACHINE})
    foreach(name IN ITEMS VERDICT TEXT NATIVE NEED RULE)
      set(${prefix}_${name} "${one_${name}}" PARENT_SCOPE)
    endforeach()
    return()
  endif()
  set(verdicts "")
  set(need "")
  set(rule "")
  set(fail_text "")
  set(unsure "")
  foreach(toolkit IN LISTS arg_TOOLKIT)
    _torchcompat_driver_check_one(
      one
      WHAT
      "${arg_WHAT}"
      CUDA
      "${arg_CUDA}"
      POLICY
      "${arg_POLICY}"
      OS
      "${arg_OS}"
      TOOLKIT
      "${toolkit}"
      FALLBACK
      "${arg_FALLBACK}"
      MACHINE
      ${arg_MACHINE})
    list(APPEND verdicts ${one_VERDICT})
    if(one_NEED AND (NOT need OR need VERSION_LESS one_NEED))
      set(need "${one_NEED}")
      set(rule "${one_RULE}")
    endif()
    if(one_VERDICT STREQUAL "fail" AND NOT fail_text)
      set(fail_text "${one_TEXT}")
    elseif(NOT one_VERDICT STREQUAL "fail")
      if(one_NEED)
        list(APPEND unsure "CUDA ${toolkit} (minimum ${one_NEED}) would pass")
      else()
        list(APPEND unsure "CUDA ${toolkit}'s minimum ${arg_OS} driver is not recorded")
      endif()
    endif()
  endforeach()
  list(REMOVE_DUPLICATES verdicts)
  set(text "")
  if(verdicts STREQUAL "pass" OR verdicts STREQUAL "fail" OR verdicts STREQUAL "none")
    set(verdict ${verdicts})
    if(verdict STREQUAL "fail")
      set(text "${fail_text}")
    elseif(verdict STREQUAL "none")
      set(text "${one_TEXT}")
    endif()
  else()
    set(verdict unknown)
    list(JOIN unsure ", and " unsure_text)
    string(CONCAT text "${fail_text}, but ${unsure_text}, so whether the driver meets the strict "
                  "policy cannot be verified")
  endif()
  set(${prefix}_VERDICT ${verdict} PARENT_SCOPE)
  set(${prefix}_TEXT "${text}" PARENT_SCOPE)
  set(${prefix}_NATIVE ${one_NATIVE} PARENT_SCOPE)
  set(${prefix}_NEED "${need}" PARENT_SCOPE)
  set(${prefix}_RULE "${rule}" PARENT_SCOPE)
endfunction()

function(_torchcompat_driver_check_one prefix)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "WHAT;CUDA;POLICY;OS;TOOLKIT;FALLBACK;MACHINE" "")
  set(m ${arg_MACHINE})
  _torchcompat_needed_driver(
    need
    rule
    "${arg_CUDA}"
    "${arg_POLICY}"
    "${arg_OS}"
    "${arg_TOOLKIT}"
    "${arg_FALLBACK}")
  set(release "${${m}_RELEASE}")
  set(driver_cuda "${${m}_DRIVER_CUDA}")
  set(native FALSE)
  if(driver_cuda AND NOT driver_cuda VERSION_LESS arg_CUDA)
    set(native TRUE)
  endif()
  set(text "")
  if(NOT release AND NOT driver_cuda)
    set(verdict none)
    set(text "${arg_WHAT} needs an NVIDIA driver, and there is none: ${${m}_DRIVER_REASON}")
  elseif(native AND arg_POLICY STREQUAL "compat")
    set(verdict pass)
  elseif(release AND need)
    if(release VERSION_LESS need)
      set(verdict fail)
      set(text "found ${${m}_DESC}, but ${arg_WHAT} needs a driver >= ${need} (${rule})")
    else()
      set(verdict pass)
    endif()
  elseif(native)
    # Without both numbers, a driver whose own CUDA is at least the build's
    # meets the toolkit's minimum too.
    set(verdict pass)
  elseif(NOT need)
    set(verdict unknown)
    string(
      CONCAT text
             "${arg_WHAT} needs a driver that supports CUDA ${arg_CUDA} or meets "
             "the ${arg_POLICY} policy's minimum, but no minimum ${arg_OS} driver is "
             "recorded (${rule}) and the driver found supports CUDA ${driver_cuda} only "
             "(${${m}_DESC})")
  else()
    set(verdict unknown)
    string(CONCAT text "${arg_WHAT} needs a driver >= ${need} (${rule}), but the driver's "
                  "release is not known (${${m}_DESC}) and its CUDA ${driver_cuda} is older "
                  "than ${arg_CUDA}")
  endif()
  set(${prefix}_VERDICT ${verdict} PARENT_SCOPE)
  set(${prefix}_TEXT "${text}" PARENT_SCOPE)
  set(${prefix}_NATIVE ${native} PARENT_SCOPE)
  set(${prefix}_NEED "${need}" PARENT_SCOPE)
  set(${prefix}_RULE "${rule}" PARENT_SCOPE)
endfunction()

# Which machine the answers are about, when the probe said so ("target
# profile X, probed on H at T"): the global property the last probe answer set,
# else TorchCompat_MACHINE_SOURCE as the caller has it.
function(_torchcompat_machine_source out_var)
  get_property(source GLOBAL PROPERTY TORCHCOMPAT_MACHINE_SOURCE)
  if(NOT source)
    set(source "${TorchCompat_MACHINE_SOURCE}")
  endif()
  set(${out_var} "${source}" PARENT_SCOPE)
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
    _torchcompat_machine_source(source)
    if(source)
      string(APPEND desc " [${source}]")
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
# Does the build run on the machine? Every check ends in pass, fail or cannot
# be verified. Sets:
#   <prefix>_VERDICT   pass, fail, unknown (nothing failed, something could not
#                      be verified) or cpu-only (a CUDA build on a machine with
#                      no driver or no GPU: it runs, on the CPU)
#   <prefix>_OK        TRUE for pass only
#   <prefix>_PROBLEMS  one text per failed check
#   <prefix>_UNKNOWNS  one text per check that could not be verified, with why
#   <prefix>_CPU_ONLY  why the build would run on the CPU only, or ""
#   <prefix>_DRIVER_ADVICE  "install ..."/"upgrade ..." when a new driver alone
#                      would fix what failed (or the missing GPU use), else ""
#   <prefix>_GPU_FAILED  TRUE when some GPU has no code in the build
#   <prefix>_DRIVER_VERDICT  the driver check's verdict ("" for non-CUDA builds)
function(_torchcompat_evaluate_variant prefix)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "VERSION;VARIANT;POLICY;PLATFORM;MACHINE;CUDNN" "")
  string(REGEX REPLACE "-.*" "" os "${arg_PLATFORM}")
  set(m ${arg_MACHINE})
  set(problems "")
  set(unknowns "")
  set(cpu_only "")
  set(advice "")
  set(gpu_failed FALSE)
  set(driver_verdict "")
  set(driver_problems 0)
  set(build_name "torch ${arg_VERSION} ${arg_VARIANT}")
  _torchcompat_parse_variant("${arg_VARIANT}" kind cuda)
  if(kind STREQUAL "rocm")
    _torchcompat_add_text(unknowns "AMD GPUs and ROCm are not detected, so whether "
                          "${build_name} runs here cannot be verified")
  elseif(kind STREQUAL "xpu")
    _torchcompat_add_text(unknowns "Intel GPUs are not detected, so whether ${build_name} "
                          "runs here cannot be verified")
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
      set(cpu_only "no GPU is visible (${${m}_GPU_REASON})")
    elseif(NOT cpu_only)
      _torchcompat_gpu_checks(gpu "${build_name}" "${build}" "${cuda}" ${driver_NATIVE} ${m})
      list(APPEND problems ${gpu_PROBLEMS})
      list(APPEND unknowns ${gpu_UNKNOWNS})
      set(gpu_failed ${gpu_FAILED})
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
          problems
          unknowns
          cpu_only
          advice
          gpu_failed
          driver_verdict)
    string(TOUPPER "${name}" upper)
    set(${prefix}_${upper} "${${name}}" PARENT_SCOPE)
  endforeach()
endfunction()

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

# "\n  - a\n  - b" for a list of texts.
function(_torchcompat_bullets out_var items)
  list(JOIN items "\n  - " text)
  set(${out_var} "\n  - ${text}" PARENT_SCOPE)
endfunction()

# "a, b, c", or <empty_text> for an empty list: no message prints "()".
function(_torchcompat_list_text out_var items empty_text)
  if(items)
    list(JOIN items ", " text)
  else()
    set(text "${empty_text}")
  endif()
  set(${out_var} "${text}" PARENT_SCOPE)
endfunction()

cmake_policy(POP)
