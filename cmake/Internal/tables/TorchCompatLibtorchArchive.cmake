# The official URL of one libtorch archive, with the ABI and CONFIG defaults of
# its platform.

include_guard(GLOBAL)
# The module's own policies, also when included by a cmake -P script that set none.
cmake_policy(PUSH)
cmake_policy(VERSION 3.22...4.4)

include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatLibtorchUrl.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatTable.cmake")

# ABI and CONFIG defaults for a platform.
function(_torchcompat_default_abi_config abi_var config_var platform abi config)
  if(platform MATCHES "^linux")
    if(NOT abi)
      set(abi cxx11)
    endif()
  elseif(abi AND NOT abi STREQUAL "none")
    message(FATAL_ERROR "TorchCompat: ABI ${abi} applies to Linux builds only; ${platform} "
                        "libtorch has a single ABI.")
  else()
    set(abi none)
  endif()
  if(NOT config)
    set(config Release)
  endif()
  if(NOT abi MATCHES "^(cxx11|pre-cxx11|none)$")
    message(FATAL_ERROR "TorchCompat: ABI '${abi}' is not cxx11 or pre-cxx11.")
  endif()
  if(NOT config MATCHES "^(Release|Debug)$")
    message(FATAL_ERROR "TorchCompat: CONFIG '${config}' is not Release or Debug.")
  endif()
  set(${abi_var} "${abi}" PARENT_SCOPE)
  set(${config_var} "${config}" PARENT_SCOPE)
endfunction()

# The URL of one archive; ABI and CONFIG may be "" for their defaults.
function(
  _torchcompat_archive_url
  out_var
  version
  variant
  platform
  abi
  config)
  _torchcompat_default_abi_config(chosen_abi config "${platform}" "${abi}" "${config}")
  _torchcompat_data_dir(data_dir)
  _torchcompat_libtorch_url(
    url
    VERSION "${version}"
    VARIANT "${variant}"
    PLATFORM "${platform}"
    ABI "${chosen_abi}"
    CONFIG "${config}"
    DATA_DIR "${data_dir}"
    ERROR_VARIABLE error)
  if(error AND NOT abi AND chosen_abi STREQUAL "cxx11")
    # The first releases published pre-cxx11 archives only.
    _torchcompat_libtorch_url(
      url
      VERSION "${version}"
      VARIANT "${variant}"
      PLATFORM "${platform}"
      ABI pre-cxx11
      CONFIG "${config}"
      DATA_DIR "${data_dir}"
      ERROR_VARIABLE pre_cxx11_error)
    if(NOT pre_cxx11_error)
      set(error "")
    endif()
  endif()
  if(error)
    message(FATAL_ERROR "${error}")
  endif()
  set(${out_var} "${url}" PARENT_SCOPE)
endfunction()

cmake_policy(POP)
