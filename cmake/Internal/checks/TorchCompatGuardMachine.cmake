# The guard's checks against the machine: the build on this machine's driver
# and GPUs, the project's own CUDA toolkit, and the ways out of what failed,
# each evaluated on the same machine.

include_guard(GLOBAL)
# The module's own policies, also when included by a cmake -P script that set none.
cmake_policy(PUSH)
cmake_policy(VERSION 3.22...4.4)

include("${CMAKE_CURRENT_LIST_DIR}/../machine/TorchCompatMachine.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatRunsHere.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/../common/TorchCompatText.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatToolkitChecks.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/../verdict/TorchCompatVerdict.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/../common/TorchCompatVersionRules.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatWaysOut.cmake")

# _torchcompat_guard_machine_checks(<prefix> TORCH <release> VARIANT <variant> POLICY <policy>
#                                   PLATFORM <platform> OS <os> PUBLISHED <yes|no|unknown>
#                                   [CUDNN <version>] [REQUIRE_GPU] [ACCEPT] [UNKNOWN_BEFORE])
# The build against the machine. UNKNOWN_BEFORE: an earlier check could not be
# verified (the ways out then offer ACCEPT_UNVERIFIED unless ACCEPT). Sets
# <prefix>_PROBLEMS, <prefix>_UNKNOWNS, <prefix>_PASSES, <prefix>_CPU_ONLY (why a CUDA build
# would run on the CPU only), <prefix>_WAYS (a JSON array of actions: the ways
# out of what failed here; a wrong torchvision or Python has its own),
# <prefix>_MACHINE_TEXT (the machine, for a failure message) and
# <prefix>_MACHINE_JSON (the machine as the verdict records it).
function(_torchcompat_guard_machine_checks prefix)
  cmake_parse_arguments(PARSE_ARGV 1 arg "REQUIRE_GPU;ACCEPT;UNKNOWN_BEFORE"
                        "TORCH;VARIANT;POLICY;PLATFORM;OS;PUBLISHED;CUDNN" "")
  set(variant "${arg_VARIANT}")
  set(problems "")
  set(unknowns "")
  set(cpu_only "")
  set(passes "")
  set(ways "[]")
  set(machine_text "")
  _torchcompat_machine(machine)
  _torchcompat_machine_json(machine_json machine)
  _torchcompat_parse_variant("${variant}" kind cuda)
  if(arg_REQUIRE_GPU AND kind STREQUAL "cpu")
    _torchcompat_add_text(problems "the cpu build never uses a GPU, and the project needs one "
                          "(REQUIRE_GPU)")
  elseif(kind STREQUAL "cpu")
    _torchcompat_add_text(passes "the cpu build needs no driver and no GPU")
  endif()
  if(NOT machine_KNOWN AND NOT kind STREQUAL "cpu")
    _torchcompat_add_text(unknowns "this machine could not be probed, so whether its driver "
                          "and GPUs run ${variant} cannot be verified")
  elseif(machine_KNOWN AND NOT arg_PUBLISHED STREQUAL "no")
    if(kind STREQUAL "cuda")
      _torchcompat_machine_text(machine_text machine)
    elseif(kind STREQUAL "rocm")
      _torchcompat_machine_vendor_text(machine_text machine amd)
    elseif(kind STREQUAL "xpu")
      _torchcompat_machine_vendor_text(machine_text machine intel)
    endif()
    _torchcompat_evaluate_variant(
      evaluation
      VERSION "${arg_TORCH}"
      VARIANT "${variant}"
      POLICY "${arg_POLICY}"
      PLATFORM "${arg_PLATFORM}"
      MACHINE machine
      CUDNN "${arg_CUDNN}")
    list(APPEND problems ${evaluation_PROBLEMS})
    list(APPEND unknowns ${evaluation_UNKNOWNS})
    list(APPEND passes ${evaluation_PASSES})
    if(evaluation_CPU_ONLY)
      set(cpu_text "${variant} would run on the CPU only: ${evaluation_CPU_ONLY}")
      if(arg_REQUIRE_GPU)
        _torchcompat_add_text(problems "${cpu_text}, and the project needs the GPU (REQUIRE_GPU)")
      else()
        _torchcompat_add_text(cpu_only "${cpu_text}")
      endif()
    endif()
    set(toolkit_PROBLEMS "")
    set(toolkit_UNKNOWNS "")
    _torchcompat_toolkit_in_use(toolkit)
    if(toolkit)
      _torchcompat_toolkit_checks(toolkit "${toolkit}" "${variant}" "${arg_POLICY}" "${arg_OS}"
                                  machine)
      list(APPEND problems ${toolkit_PROBLEMS})
      list(APPEND unknowns ${toolkit_UNKNOWNS})
      list(APPEND passes ${toolkit_PASSES})
    endif()
    if(evaluation_PROBLEMS
       OR evaluation_UNKNOWNS
       OR evaluation_CPU_ONLY
       OR toolkit_PROBLEMS
       OR toolkit_UNKNOWNS)
      set(flags "")
      if(arg_REQUIRE_GPU)
        list(APPEND flags REQUIRE_GPU)
      endif()
      if((unknowns OR arg_UNKNOWN_BEFORE) AND NOT arg_ACCEPT)
        list(APPEND flags UNVERIFIED)
      endif()
      _torchcompat_ways_out(
        ways
        ${flags}
        VERSION
        "${arg_TORCH}"
        VARIANT
        "${variant}"
        PLATFORM
        "${arg_PLATFORM}"
        POLICY
        "${arg_POLICY}"
        MACHINE
        machine
        EVALUATION
        evaluation)
      if(evaluation_PROBLEMS OR toolkit_PROBLEMS)
        _torchcompat_verdict_address(ways fails)
      elseif(evaluation_UNKNOWNS OR toolkit_UNKNOWNS)
        _torchcompat_verdict_address(ways unverified)
      else()
        _torchcompat_verdict_address(ways cpu-only)
      endif()
    endif()
  endif()
  foreach(
    name IN
    ITEMS problems
          unknowns
          passes
          cpu_only
          ways
          machine_text
          machine_json)
    string(TOUPPER "${name}" upper)
    set(${prefix}_${upper} "${${name}}" PARENT_SCOPE)
  endforeach()
endfunction()

cmake_policy(POP)
