#[=======================================================================[.rst:
TorchCompatHipArchitectures
---------------------------

The AMD GPU architectures to compile a project's own HIP code for: the GPUs of
this machine, or of the target machine (a target profile or
``TORCHCOMPAT_OVERRIDE_AMD_GFX``), optionally limited to what a ROCm libtorch
build carries. The HIP counterpart of :command:`torchcompat_cuda_architectures`;
unlike ROCm's ``rocm_agent_enumerator`` it needs no ROCm installed and keeps
architectures outside ROCm's own list (``gfx1103``).

.. command:: torchcompat_hip_architectures

  .. code-block:: cmake

    torchcompat_hip_architectures(<out-var>
                                  [GPU_ARCHS <gfx>...]
                                  [LIBTORCH_ARCHS <gfx>... |
                                   LIBTORCH_BUILD <version> <variant>])

  Sets ``<out-var>`` to a value for ``CMAKE_HIP_ARCHITECTURES``: each
  distinct ``gfx`` architecture of the AMD GPUs, in the order the probe lists
  them (``gfx1100;gfx942``).

  ``GPU_ARCHS <gfx>...``
    The GPUs to cover (``gfx1100 gfx942``). Default: the AMD GPUs
    :command:`torchcompat_detect` found (``TorchCompat_AMD_GFX``), which
    honours ``TORCHCOMPAT_TARGET_PROFILE`` and ``TORCHCOMPAT_OVERRIDE_AMD_GFX``.
  ``LIBTORCH_ARCHS <gfx>...``
    The ROCm libtorch build's architecture list (``PYTORCH_ROCM_ARCH``): GPUs
    the build has no code for are left out, with a status line, since the
    program could not run there anyway.
  ``LIBTORCH_BUILD <version> <variant>``
    The same, with the list of the official build (``2.3.0 rocm5.7``) as
    ``data/rocm-xpu-targets.json`` records it. A build whose list is not
    recorded limits nothing, and a status line says so.

  No AMD GPU known (none detected, or the detection could not tell, no target
  profile) gives an empty value and a warning that says why; a GPU whose
  architecture the probe could not decode is left out, with a warning.
#]=======================================================================]

include_guard(GLOBAL)
cmake_policy(PUSH)
cmake_policy(VERSION 3.22...4.4)

include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatDetect.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/Internal/machine/TorchCompatMachine.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/Internal/tables/TorchCompatRocmXpuTargets.cmake")

# gfx names, duplicates removed, order kept; anything else is misuse.
function(_torchcompat_gfx_list out_var keyword)
  set(archs "")
  foreach(arch IN LISTS ARGN)
    if(NOT arch MATCHES "^gfx[0-9a-f]+$")
      message(FATAL_ERROR "TorchCompat: torchcompat_hip_architectures() ${keyword} '${arch}' is "
                          "not an AMD GPU architecture; write it like gfx1100.")
    endif()
    list(APPEND archs "${arch}")
  endforeach()
  list(REMOVE_DUPLICATES archs)
  set(${out_var} "${archs}" PARENT_SCOPE)
endfunction()

# The machine's AMD GPUs (decoded gfx, distinct), warning about what cannot be used.
function(_torchcompat_hip_machine_archs out_var)
  torchcompat_detect(QUIET)
  _torchcompat_machine(machine)
  set(archs "")
  if(machine_AMD_STATE STREQUAL "gpus")
    set(index 0)
    foreach(gfx IN LISTS machine_AMD_GFX)
      list(GET machine_AMD_DESCS ${index} gpu)
      math(EXPR index "${index} + 1")
      if(gfx STREQUAL "unknown")
        message(WARNING "TorchCompat: ${gpu} is left out of the HIP architectures: the probe "
                        "could not decode its architecture. Pass GPU_ARCHS to name it.")
      else()
        list(APPEND archs "${gfx}")
      endif()
    endforeach()
    list(REMOVE_DUPLICATES archs)
  elseif(machine_AMD_STATE STREQUAL "none")
    message(WARNING "TorchCompat: no AMD GPU is known to compile HIP code for "
                    "(${machine_AMD_REASON}): set TORCHCOMPAT_TARGET_PROFILE or "
                    "TORCHCOMPAT_OVERRIDE_AMD_GFX, or pass GPU_ARCHS.")
  else()
    message(WARNING "TorchCompat: which AMD GPUs the machine has is not known "
                    "(${machine_AMD_REASON}): set TORCHCOMPAT_TARGET_PROFILE or "
                    "TORCHCOMPAT_OVERRIDE_AMD_GFX, or pass GPU_ARCHS.")
  endif()
  set(${out_var} "${archs}" PARENT_SCOPE)
endfunction()

function(torchcompat_hip_architectures out_var)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "" "GPU_ARCHS;LIBTORCH_ARCHS;LIBTORCH_BUILD")
  if(arg_UNPARSED_ARGUMENTS)
    message(
      FATAL_ERROR
        "TorchCompat: torchcompat_hip_architectures() does not take "
        "'${arg_UNPARSED_ARGUMENTS}'. It takes GPU_ARCHS, LIBTORCH_ARCHS and " "LIBTORCH_BUILD.")
  endif()
  list(LENGTH arg_LIBTORCH_BUILD build_words)
  if(arg_LIBTORCH_BUILD AND NOT build_words EQUAL 2)
    message(FATAL_ERROR "TorchCompat: torchcompat_hip_architectures() LIBTORCH_BUILD takes a "
                        "version and a variant (2.3.0 rocm5.7), not '${arg_LIBTORCH_BUILD}'.")
  elseif(arg_LIBTORCH_BUILD AND arg_LIBTORCH_ARCHS)
    message(FATAL_ERROR "TorchCompat: torchcompat_hip_architectures() takes LIBTORCH_ARCHS or "
                        "LIBTORCH_BUILD, not both.")
  endif()
  if("GPU_ARCHS" IN_LIST arg_KEYWORDS_MISSING_VALUES OR arg_GPU_ARCHS)
    _torchcompat_gfx_list(gpus GPU_ARCHS ${arg_GPU_ARCHS})
  else()
    _torchcompat_hip_machine_archs(gpus)
  endif()
  set(build_archs "")
  if(arg_LIBTORCH_BUILD)
    list(GET arg_LIBTORCH_BUILD 0 version)
    list(GET arg_LIBTORCH_BUILD 1 variant)
    if(NOT variant MATCHES "^rocm[0-9]")
      message(FATAL_ERROR "TorchCompat: torchcompat_hip_architectures() LIBTORCH_BUILD names "
                          "'${variant}', which is no ROCm build (rocm5.7).")
    endif()
    _torchcompat_rocm_gfx(build_archs "${version}" "${variant}")
    if(NOT build_archs_KNOWN)
      message(STATUS "TorchCompat: the gfx list of libtorch ${version} ${variant} is not "
                     "recorded (data/rocm-xpu-targets.json): not limited to it.")
    endif()
  else()
    _torchcompat_gfx_list(build_archs LIBTORCH_ARCHS ${arg_LIBTORCH_ARCHS})
  endif()
  set(archs "")
  foreach(gfx IN LISTS gpus)
    if(build_archs AND NOT gfx IN_LIST build_archs)
      message(STATUS "TorchCompat: ${gfx} left out: the libtorch build has no code for it.")
      continue()
    endif()
    list(APPEND archs "${gfx}")
  endforeach()
  set(${out_var} "${archs}" PARENT_SCOPE)
endfunction()

cmake_policy(POP)
