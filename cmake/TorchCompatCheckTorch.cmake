#[=======================================================================[.rst:
TorchCompatCheckTorch
---------------------

Guards a libtorch that is already on disk: reads which libtorch it is from its
own files and checks it against this machine like :command:`torchcompat_require`.

.. command:: torchcompat_check_torch

  .. code-block:: cmake

    torchcompat_check_torch([DIR <dir>] [DRIVER_POLICY <compat|strict>]
                            [ACCEPT_UNVERIFIED] [REQUIRE_GPU]
                            [MODE <FATAL_ERROR|WARNING>] [RESULT_VARIABLE <var>]
                            [VERSION_VARIABLE <var>] [VARIANT_VARIABLE <var>]
                            [ABI_VARIABLE <var>] [VERDICT_VARIABLE <var>])

  ``DIR`` is a libtorch tree (the folder holding ``share/cmake/Torch``) or the
  ``Torch_DIR`` that ``find_package(Torch)`` used; without it, ``Torch_DIR``.

  The version comes from ``build-version`` (official archives, with the
  variant: ``2.4.0+cu121``), else ``version.py`` (a tree taken from a torch
  wheel, ``site-packages/torch``: ``__version__``, and ``cuda``/``hip`` for
  the variant), else ``TorchConfigVersion.cmake``, else ``torch/version.h``.
  Without either file the variant is ``cpu`` when the tree has no CUDA
  library and unknown otherwise. The C++ ABI (``cxx11`` or ``pre-cxx11``)
  comes from the ``_GLIBCXX_USE_CXX11_ABI`` flag its ``TorchConfig.cmake``
  passes to consumers, else (recent releases state none) from the mangled
  names of ``libc10.so``'s dynamic symbols (``nm -D``, else the library's
  bytes); the status line says where each fact came from. A conflicting flag
  in ``CMAKE_CXX_FLAGS`` is an error, since it ends in link errors.

  ``ACCEPT_UNVERIFIED`` and ``REQUIRE_GPU`` mean what they mean for
  :command:`torchcompat_require`. A CUDA tree without ``build-version`` has
  an unknown CUDA version, so whether it runs here cannot be verified: a
  failure unless ``ACCEPT_UNVERIFIED`` (or ``TORCHCOMPAT_ACCEPT_UNVERIFIED``)
  makes it a warning.

  ``VERDICT_VARIABLE`` is set to the guard's verdict on the tree's version
  and variant (the JSON value of :command:`torchcompat_require`'s
  ``VERDICT_VARIABLE``), or to an empty string when the variant is unknown
  and the guard could not be asked.
#]=======================================================================]

include_guard(GLOBAL)
# The module's own policies, also when included by a cmake -P script that set none.
cmake_policy(PUSH)
cmake_policy(VERSION 3.22...4.4)

include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatRequire.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/Internal/common/TorchCompatArguments.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/Internal/checks/TorchCompatReleaseChecks.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/Internal/checks/TorchCompatTreeFacts.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/Internal/tables/TorchCompatTable.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/Internal/common/TorchCompatVersionRules.cmake")

# The tree's share/cmake/Torch folder and its root, from DIR or Torch_DIR.
function(_torchcompat_libtorch_dirs dir cmake_dir_var root_var)
  if(NOT dir)
    set(dir "${Torch_DIR}")
  endif()
  if(NOT dir)
    message(FATAL_ERROR "TorchCompat: torchcompat_check_torch() needs DIR <libtorch>, or "
                        "find_package(Torch) first so that Torch_DIR is set.")
  endif()
  if(EXISTS "${dir}/share/cmake/Torch/TorchConfig.cmake")
    set(cmake_dir "${dir}/share/cmake/Torch")
    set(root "${dir}")
  elseif(EXISTS "${dir}/TorchConfig.cmake")
    set(cmake_dir "${dir}")
    if(dir MATCHES "/share/cmake/Torch/?$")
      get_filename_component(root "${dir}/../../.." ABSOLUTE)
    else()
      # A distribution's layout (Debian: <libdir>/cmake/Torch): its libraries
      # are two levels up, and there is no archive root.
      get_filename_component(root "${dir}/../.." ABSOLUTE)
    endif()
  else()
    message(FATAL_ERROR "TorchCompat: '${dir}' is not a libtorch: it has neither "
                        "share/cmake/Torch/TorchConfig.cmake nor TorchConfig.cmake.")
  endif()
  set(${cmake_dir_var} "${cmake_dir}" PARENT_SCOPE)
  set(${root_var} "${root}" PARENT_SCOPE)
endfunction()

# Sets version_var (may carry the variant as a local part) and source_var.
function(_torchcompat_libtorch_version version_var source_var cmake_dir root)
  set(version "")
  set(source "")
  if(EXISTS "${root}/build-version")
    file(STRINGS "${root}/build-version" version LIMIT_COUNT 1)
    string(STRIP "${version}" version)
    set(source "${root}/build-version")
  endif()
  if(NOT version AND EXISTS "${root}/version.py")
    # A wheel's tree: torch/version.py beside torch/share and torch/lib.
    _torchcompat_version_py(version_py "${root}/version.py")
    set(version "${version_py_VERSION}")
    if(version)
      set(source "${root}/version.py")
    endif()
  endif()
  if(NOT version AND EXISTS "${cmake_dir}/TorchConfigVersion.cmake")
    file(STRINGS "${cmake_dir}/TorchConfigVersion.cmake" line
         REGEX "set\\(PACKAGE_VERSION \"[^\"]+\"\\)" LIMIT_COUNT 1)
    if(line MATCHES "\"([^\"]+)\"")
      set(version "${CMAKE_MATCH_1}")
      set(source "${cmake_dir}/TorchConfigVersion.cmake")
    endif()
  endif()
  if(NOT version)
    foreach(header IN ITEMS "${root}/include/torch/csrc/api/include/torch/version.h"
                            "${root}/../../include/torch/csrc/api/include/torch/version.h")
      if(EXISTS "${header}")
        file(STRINGS "${header}" lines REGEX "#define TORCH_VERSION_(MAJOR|MINOR|PATCH) [0-9]+")
        string(REGEX REPLACE "#define TORCH_VERSION_[A-Z]+ " "" parts "${lines}")
        list(JOIN parts "." version)
        set(source "${header}")
        break()
      endif()
    endforeach()
  endif()
  if(NOT version MATCHES "^[0-9]+(\\.[0-9]+)*(\\+[0-9A-Za-z.]+)?$")
    message(
      FATAL_ERROR
        "TorchCompat: could not read the version of the libtorch in '${root}' "
        "(build-version, version.py, TorchConfigVersion.cmake and torch/version.h are "
        "missing or unreadable).")
  endif()
  set(${version_var} "${version}" PARENT_SCOPE)
  set(${source_var} "${source}" PARENT_SCOPE)
endfunction()

# cpu when the tree has no GPU library, "" (unknown) when it has one: a ROCm
# tree (libtorch_hip) without its version's local part is no cpu build either.
function(_torchcompat_libtorch_variant_from_files out_var cmake_dir root)
  file(
    GLOB
    cuda_libraries
    "${root}/lib/libtorch_cuda*"
    "${root}/lib/torch_cuda*"
    "${root}/libtorch_cuda*"
    "${root}/lib/libtorch_hip*"
    "${root}/libtorch_hip*")
  set(caffe2_config "${cmake_dir}/../Caffe2/Caffe2Config.cmake")
  set(uses_cuda "")
  if(EXISTS "${caffe2_config}")
    file(STRINGS "${caffe2_config}" uses_cuda REGEX "set\\(CAFFE2_USE_CUDA ON\\)")
  endif()
  if(cuda_libraries OR uses_cuda)
    set(${out_var} "" PARENT_SCOPE)
  else()
    set(${out_var} cpu PARENT_SCOPE)
  endif()
endfunction()

# Sets out_var to cxx11, pre-cxx11 or "" and source_var to where that was read.
function(_torchcompat_libtorch_abi out_var source_var cmake_dir root)
  file(STRINGS "${cmake_dir}/TorchConfig.cmake" flags REGEX "_GLIBCXX_USE_CXX11_ABI=[01]")
  set(abi "")
  set(source "${cmake_dir}/TorchConfig.cmake")
  if(flags MATCHES "_GLIBCXX_USE_CXX11_ABI=1")
    set(abi cxx11)
  elseif(flags MATCHES "_GLIBCXX_USE_CXX11_ABI=0")
    set(abi pre-cxx11)
  else()
    _torchcompat_abi_from_symbols(abi source "${root}")
  endif()
  set(${out_var} "${abi}" PARENT_SCOPE)
  set(${source_var} "${source}" PARENT_SCOPE)
endfunction()

function(torchcompat_check_torch)
  set(one_value
      DIR
      DRIVER_POLICY
      MODE
      RESULT_VARIABLE
      VERSION_VARIABLE
      VARIANT_VARIABLE
      ABI_VARIABLE
      VERDICT_VARIABLE)
  set(options ACCEPT_UNVERIFIED REQUIRE_GPU)
  cmake_parse_arguments(PARSE_ARGV 0 arg "${options}" "${one_value}" "")
  _torchcompat_check_arguments(torchcompat_check_torch arg "${one_value};${options}" "")
  set(flags "")
  foreach(option IN LISTS options)
    if(arg_${option})
      list(APPEND flags ${option})
    endif()
  endforeach()
  _torchcompat_policy_and_mode(policy mode arg)
  _torchcompat_libtorch_dirs("${arg_DIR}" cmake_dir root)
  _torchcompat_libtorch_version(full_version source "${cmake_dir}" "${root}")
  _torchcompat_split_local("${full_version}" version variant)
  if(NOT variant)
    _torchcompat_libtorch_variant_from_files(variant "${cmake_dir}" "${root}")
  endif()
  _torchcompat_libtorch_abi(abi abi_source "${cmake_dir}" "${root}")

  set(variant_text "${variant}")
  if(NOT variant)
    set(variant_text "a CUDA build of unknown CUDA version")
  endif()
  set(abi_text "ABI ${abi}")
  set(abi_from ", ABI from ${abi_source}")
  if(NOT abi)
    set(abi_text "ABI unknown")
    set(abi_from "")
  endif()
  message(STATUS "TorchCompat: libtorch ${version} (${variant_text}, ${abi_text}) in ${root}, "
                 "version from ${source}${abi_from}")

  set(ok TRUE)
  set(abi_flag "")
  if(abi STREQUAL "cxx11")
    set(abi_flag "_GLIBCXX_USE_CXX11_ABI=0")
  elseif(abi STREQUAL "pre-cxx11")
    set(abi_flag "_GLIBCXX_USE_CXX11_ABI=1")
  endif()
  if(abi_flag AND CMAKE_CXX_FLAGS MATCHES "${abi_flag}")
    set(ok FALSE)
    message(
      ${mode}
      "TorchCompat: libtorch in ${root} is built with the ${abi} C++ ABI, but "
      "CMAKE_CXX_FLAGS sets -D${abi_flag}: linking will fail with undefined "
      "std::string symbols. Remove the flag, or fetch the matching ABI with "
      "torchcompat_fetch_libtorch(ABI ...).")
  endif()

  if(variant)
    torchcompat_require(
      TORCH "${version}"
      VARIANT "${variant}"
      DRIVER_POLICY "${policy}"
      MODE "${mode}"
      RESULT_VARIABLE guard_ok VERDICT_VARIABLE verdict ${flags})
    if(NOT guard_ok)
      set(ok FALSE)
    endif()
  else()
    # Guessing the CUDA version would check the wrong rules; say what is missing.
    string(CONCAT text "TorchCompat: libtorch in ${root} is a CUDA build without build-version, "
                  "so its CUDA version is unknown and whether this driver and these GPUs run it "
                  "cannot be verified")
    if(arg_ACCEPT_UNVERIFIED OR TORCHCOMPAT_ACCEPT_UNVERIFIED)
      message(WARNING "${text} (accepted: ACCEPT_UNVERIFIED).")
    else()
      set(ok FALSE)
      message(${mode} "${text}. Ways out: use an official archive (it has build-version), or "
              "accept it unverified: ACCEPT_UNVERIFIED (or " "-DTORCHCOMPAT_ACCEPT_UNVERIFIED=ON).")
    endif()
    _torchcompat_torch_record(record "${version}")
    if(NOT record)
      _torchcompat_unknown_torch_text(text "${version}")
      set(ok FALSE)
      message(${mode} "TorchCompat: ${text}.")
    endif()
  endif()
  if(NOT variant)
    set(verdict "")
  endif()
  foreach(name IN ITEMS RESULT VERSION VARIANT ABI VERDICT)
    if(arg_${name}_VARIABLE)
      set(value "${ok}")
      if(NOT name STREQUAL "RESULT")
        string(TOLOWER "${name}" local_name)
        set(value "${${local_name}}")
      endif()
      set(${arg_${name}_VARIABLE} "${value}" PARENT_SCOPE)
    endif()
  endforeach()
endfunction()

cmake_policy(POP)
