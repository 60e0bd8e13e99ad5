# Test stand-in for the TorchCompat package, used by the fetch tests only while the package's own
# torchcompat_select_libtorch() (cmake/TorchCompatSelectLibtorch.cmake) does not exist yet. It knows
# one release: the one the tests serve.
include("${CMAKE_CURRENT_LIST_DIR}/../../../cmake/TorchCompatFetchLibtorch.cmake")

function(torchcompat_select_libtorch)
  cmake_parse_arguments(
    PARSE_ARGV
    0
    arg
    ""
    "VERSION;VARIANT;PLATFORM;ARCH;ABI;CONFIG;DRIVER_POLICY;URL_VARIABLE;VARIANT_VARIABLE;REASON_VARIABLE"
    "")
  if(NOT arg_VERSION STREQUAL "1.13.1" OR NOT arg_VARIANT MATCHES "^(cpu|auto|)$")
    message(FATAL_ERROR "TorchCompat: stand-in selection knows only 1.13.1 cpu, "
                        "got ${arg_VERSION} ${arg_VARIANT}")
  endif()
  set(${arg_URL_VARIABLE}
      "https://download.pytorch.org/libtorch/cpu/libtorch-cxx11-abi-shared-with-deps-1.13.1%2Bcpu.zip"
      PARENT_SCOPE)
  if(arg_VARIANT_VARIABLE)
    set(${arg_VARIANT_VARIABLE}
        cpu
        PARENT_SCOPE)
  endif()
  if(arg_REASON_VARIABLE)
    set(${arg_REASON_VARIABLE}
        "stand-in selection"
        PARENT_SCOPE)
  endif()
endfunction()

set(TorchCompat_FOUND TRUE)
