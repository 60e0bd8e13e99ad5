#[=======================================================================[.rst:
TorchCompatCudaArchitectures
----------------------------

The GPU architectures to compile a project's own CUDA code for: the GPUs of
this machine, or of the target machine (a target profile or
``TORCHCOMPAT_OVERRIDE_GPU_ARCHS``), limited to what the selected CUDA toolkit
can compile, and optionally to what a libtorch build carries. Unlike CMake's
``native``, it works on a build host without a GPU.

.. command:: torchcompat_cuda_architectures

  .. code-block:: cmake

    torchcompat_cuda_architectures(<out-var>
                                   [TORCH_CUDA_ARCH_LIST <var>]
                                   [CUDA_VERSION <version>]
                                   [GPU_ARCHS <arch>...]
                                   [LIBTORCH_ARCHS <arch>... |
                                    LIBTORCH_BUILD <version> <variant>]
                                   [PTX])

  Sets ``<out-var>`` to a value for ``CMAKE_CUDA_ARCHITECTURES``:
  ``<NN>-real`` (SASS) for each distinct GPU architecture the toolkit
  compiles (``86-real;90-real``). A GPU newer than anything the toolkit
  compiles (sm 12.0 needs CUDA 12.8) is covered by the PTX of the newest
  architecture that runs on it (``90-virtual``), with a warning: that code is
  JIT-compiled by the driver, which must support the toolkit's CUDA version.
  A GPU older than anything the toolkit compiles (CUDA 13 dropped everything
  below 7.5) can't be covered: a warning says so and it is left out. An
  architecture the table (``data/gpu-code-rules.json``) doesn't know is kept,
  and a status line says it is unverified.

  ``TORCH_CUDA_ARCH_LIST <var>``
    Also set ``<var>`` to the same in the form libtorch's own CMake reads
    (``8.6;9.0``, ``+PTX`` where PTX is included).
  ``CUDA_VERSION <version>``
    The toolkit that will compile (``12.4``). Default: ``CMAKE_CUDA_COMPILER_VERSION``
    when CUDA is enabled, else the toolkit :command:`torchcompat_detect` selected.
  ``GPU_ARCHS <arch>...``
    The GPUs to cover (``8.6 9.0``). Default: ``TorchCompat_GPU_ARCHS`` from
    :command:`torchcompat_detect`, which honours ``TORCHCOMPAT_TARGET_PROFILE``
    and ``TORCHCOMPAT_OVERRIDE_GPU_ARCHS``.
  ``LIBTORCH_ARCHS <arch>...``
    The libtorch build's architecture list, as in ``TORCH_CUDA_ARCH_LIST``
    (``8.0 8.6 9.0+PTX``): GPUs the build has no code for are left out, with
    a status line, since the program could not run there anyway.
  ``LIBTORCH_BUILD <version> <variant>``
    The same, with the list of the official build (``2.4.0 cu121``) for this
    host's platform as ``data/variant-builds.json`` records it. A build whose
    list is not recorded limits nothing, and a status line says so.
  ``PTX``
    Also embed the PTX of the newest architecture (``90`` instead of
    ``90-real``), so newer GPUs can JIT-compile it.

  No GPU known (none detected, no target profile) gives an empty value and a
  warning. No toolkit version known is a fatal error.
#]=======================================================================]

include_guard(GLOBAL)
cmake_policy(PUSH)
cmake_policy(VERSION 3.22...4.4)

include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatDetect.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/Internal/tables/TorchCompatGpuCode.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/Internal/tables/TorchCompatPlatform.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/Internal/tables/TorchCompatTable.cmake")

# "8.6" -> "86" (CMake's spelling).
function(_torchcompat_arch_digits out_var arch)
  string(REPLACE "." "" digits "${arch}")
  set(${out_var} "${digits}" PARENT_SCOPE)
endfunction()

# Plain capabilities, sorted oldest first, duplicates removed; anything else is misuse.
function(_torchcompat_arch_list out_var keyword)
  set(archs "")
  foreach(arch IN LISTS ARGN)
    if(NOT arch MATCHES "^[1-9][0-9]?\\.[0-9]$")
      message(FATAL_ERROR "TorchCompat: torchcompat_cuda_architectures() ${keyword} '${arch}' is "
                          "not a compute capability; write it like 8.6.")
    endif()
    list(APPEND archs "${arch}")
  endforeach()
  list(REMOVE_DUPLICATES archs)
  list(SORT archs COMPARE NATURAL)
  set(${out_var} "${archs}" PARENT_SCOPE)
endfunction()

# "8.0 8.6;9.0+PTX" -> SASS 8.0;8.6;9.0 and PTX 9.0.
function(_torchcompat_parse_torch_arch_list sass_var ptx_var)
  string(REPLACE " " ";" items "${ARGN}")
  set(sass "")
  set(ptx "")
  foreach(item IN LISTS items)
    if(item STREQUAL "")
      continue()
    endif()
    if(NOT item MATCHES "^([1-9][0-9]?\\.[0-9])(\\+PTX)?$")
      message(FATAL_ERROR "TorchCompat: torchcompat_cuda_architectures() LIBTORCH_ARCHS item "
                          "'${item}' is not like 8.6 or 9.0+PTX.")
    endif()
    list(APPEND sass "${CMAKE_MATCH_1}")
    if(CMAKE_MATCH_2)
      list(APPEND ptx "${CMAKE_MATCH_1}")
    endif()
  endforeach()
  set(${sass_var} "${sass}" PARENT_SCOPE)
  set(${ptx_var} "${ptx}" PARENT_SCOPE)
endfunction()

# The SASS and PTX lists of an official libtorch build for this host's
# platform, from data/variant-builds.json; both "" when not recorded.
function(_torchcompat_recorded_build_archs sass_var ptx_var version variant)
  _torchcompat_host_platform(platform os)
  _torchcompat_table(table variant-builds)
  _torchcompat_json_type(
    type
    "${table}"
    builds
    "${version}"
    "${variant}"
    "${platform}"
    sass)
  set(sass "")
  set(ptx "")
  if(type STREQUAL "ARRAY")
    _torchcompat_json_list(
      sass
      "${table}"
      builds
      "${version}"
      "${variant}"
      "${platform}"
      sass)
    _torchcompat_json_list(
      ptx
      "${table}"
      builds
      "${version}"
      "${variant}"
      "${platform}"
      ptx)
  else()
    message(STATUS "TorchCompat: the architectures of libtorch ${version} ${variant} on "
                   "${platform} are not recorded (data/variant-builds.json): not limited to them.")
  endif()
  set(${sass_var} "${sass}" PARENT_SCOPE)
  set(${ptx_var} "${ptx}" PARENT_SCOPE)
endfunction()

# The toolkit's version as major.minor, from the argument, the enabled CUDA
# language, or detection.
function(_torchcompat_arch_toolkit out_var given)
  set(version "${given}")
  if(NOT version AND CMAKE_CUDA_COMPILER_VERSION)
    set(version "${CMAKE_CUDA_COMPILER_VERSION}")
  endif()
  if(NOT version)
    torchcompat_detect(QUIET)
    set(version "${TorchCompat_CUDA_TOOLKIT_VERSION}")
  endif()
  if(NOT version MATCHES "^([0-9]+\\.[0-9]+)")
    message(
      FATAL_ERROR
        "TorchCompat: torchcompat_cuda_architectures() needs the CUDA toolkit's "
        "version, and none is known ('${version}'): pass CUDA_VERSION, enable "
        "the CUDA language, or install a toolkit the probe finds.")
  endif()
  set(${out_var} "${CMAKE_MATCH_1}" PARENT_SCOPE)
endfunction()

# The newest architecture the toolkit compiles whose PTX runs on gpu, or "".
function(_torchcompat_newest_ptx_for out_var gpu cuda table)
  _torchcompat_json_keys(known "${table}" architectures)
  list(SORT known COMPARE NATURAL ORDER DESCENDING)
  foreach(arch IN LISTS known)
    if(arch VERSION_GREATER gpu)
      continue()
    endif()
    _torchcompat_toolkit_compiles(compiles "${arch}" "${cuda}" "${table}")
    _torchcompat_ptx_runs(runs "${arch}" "${gpu}" "${table}")
    if(compiles AND runs)
      set(${out_var} "${arch}" PARENT_SCOPE)
      return()
    endif()
  endforeach()
  set(${out_var} "" PARENT_SCOPE)
endfunction()

# Sorts each GPU into <prefix>_REAL (the toolkit builds its SASS) or
# <prefix>_VIRTUAL (only an older architecture's PTX reaches it), warning
# about the rest.
function(_torchcompat_arch_plan prefix cuda gpus libtorch_sass libtorch_ptx)
  _torchcompat_gpu_rules(rules)
  set(real "")
  set(virtual "")
  foreach(gpu IN LISTS gpus)
    if(libtorch_sass OR libtorch_ptx)
      _torchcompat_gpu_coverage(coverage "${gpu}" "${libtorch_sass}" "${libtorch_ptx}")
      if(NOT coverage)
        message(STATUS "TorchCompat: sm ${gpu} left out: the libtorch build has no code for it.")
        continue()
      endif()
    endif()
    _torchcompat_toolkit_compiles(compiles "${gpu}" "${cuda}" "${rules_TABLE}")
    if(compiles)
      list(APPEND real "${gpu}")
      continue()
    elseif(compiles STREQUAL "")
      list(APPEND real "${gpu}")
      message(STATUS "TorchCompat: sm ${gpu} kept unverified: data/gpu-code-rules.json does not "
                     "say whether CUDA ${cuda} compiles for it.")
      continue()
    endif()
    _torchcompat_newest_ptx_for(ptx "${gpu}" "${cuda}" "${rules_TABLE}")
    if(ptx)
      list(APPEND virtual "${ptx}")
      message(
        WARNING "TorchCompat: CUDA ${cuda} cannot compile for sm ${gpu}; it gets the PTX of "
                "sm ${ptx}, which its driver must JIT-compile. A newer toolkit builds its own code."
      )
    else()
      message(WARNING "TorchCompat: CUDA ${cuda} cannot compile for sm ${gpu} (an older toolkit "
                      "can), and no code it builds runs there: sm ${gpu} is left out.")
    endif()
  endforeach()
  set(${prefix}_REAL "${real}" PARENT_SCOPE)
  set(${prefix}_VIRTUAL "${virtual}" PARENT_SCOPE)
endfunction()

function(torchcompat_cuda_architectures out_var)
  cmake_parse_arguments(PARSE_ARGV 1 arg "PTX" "TORCH_CUDA_ARCH_LIST;CUDA_VERSION"
                        "GPU_ARCHS;LIBTORCH_ARCHS;LIBTORCH_BUILD")
  if(arg_UNPARSED_ARGUMENTS)
    message(
      FATAL_ERROR
        "TorchCompat: torchcompat_cuda_architectures() does not take "
        "'${arg_UNPARSED_ARGUMENTS}'. It takes TORCH_CUDA_ARCH_LIST, "
        "CUDA_VERSION, GPU_ARCHS, LIBTORCH_ARCHS, LIBTORCH_BUILD and PTX.")
  endif()
  list(LENGTH arg_LIBTORCH_BUILD build_words)
  if(arg_LIBTORCH_BUILD AND NOT build_words EQUAL 2)
    message(FATAL_ERROR "TorchCompat: torchcompat_cuda_architectures() LIBTORCH_BUILD takes a "
                        "version and a variant (2.4.0 cu121), not '${arg_LIBTORCH_BUILD}'.")
  elseif(arg_LIBTORCH_BUILD AND arg_LIBTORCH_ARCHS)
    message(FATAL_ERROR "TorchCompat: torchcompat_cuda_architectures() takes LIBTORCH_ARCHS or "
                        "LIBTORCH_BUILD, not both.")
  endif()
  _torchcompat_arch_toolkit(cuda "${arg_CUDA_VERSION}")
  if("GPU_ARCHS" IN_LIST arg_KEYWORDS_MISSING_VALUES OR arg_GPU_ARCHS)
    set(gpus "${arg_GPU_ARCHS}")
  else()
    torchcompat_detect(QUIET)
    set(gpus "${TorchCompat_GPU_ARCHS}")
  endif()
  _torchcompat_arch_list(gpus GPU_ARCHS ${gpus})
  if(arg_LIBTORCH_BUILD)
    _torchcompat_recorded_build_archs(libtorch_sass libtorch_ptx ${arg_LIBTORCH_BUILD})
  else()
    _torchcompat_parse_torch_arch_list(libtorch_sass libtorch_ptx ${arg_LIBTORCH_ARCHS})
  endif()
  if(NOT gpus)
    message(WARNING "TorchCompat: no GPU is known to compile CUDA code for (none detected, no "
                    "TORCHCOMPAT_TARGET_PROFILE): set one, or pass GPU_ARCHS.")
  endif()
  _torchcompat_arch_plan(plan "${cuda}" "${gpus}" "${libtorch_sass}" "${libtorch_ptx}")
  list(REMOVE_DUPLICATES plan_VIRTUAL)

  set(cmake_archs "")
  set(torch_archs "")
  list(LENGTH plan_REAL real_count)
  set(position 0)
  foreach(arch IN LISTS plan_REAL)
    math(EXPR position "${position} + 1")
    _torchcompat_arch_digits(digits "${arch}")
    if((arg_PTX AND position EQUAL real_count) OR arch IN_LIST plan_VIRTUAL)
      list(APPEND cmake_archs "${digits}")
      list(APPEND torch_archs "${arch}+PTX")
      list(REMOVE_ITEM plan_VIRTUAL "${arch}")
    else()
      list(APPEND cmake_archs "${digits}-real")
      list(APPEND torch_archs "${arch}")
    endif()
  endforeach()
  foreach(arch IN LISTS plan_VIRTUAL)
    _torchcompat_arch_digits(digits "${arch}")
    list(APPEND cmake_archs "${digits}-virtual")
    list(APPEND torch_archs "${arch}+PTX")
  endforeach()
  set(${out_var} "${cmake_archs}" PARENT_SCOPE)
  if(arg_TORCH_CUDA_ARCH_LIST)
    set(${arg_TORCH_CUDA_ARCH_LIST} "${torch_archs}" PARENT_SCOPE)
  endif()
endfunction()

cmake_policy(POP)
