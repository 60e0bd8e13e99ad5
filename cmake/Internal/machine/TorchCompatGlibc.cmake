# The glibc of the machine libtorch will load on: the override, else the
# target profile's (when it states one), else this host's. PyTorch's Linux
# builds declare a glibc floor in their wheel tags (data/torch-wheels.json);
# a machine below it fails at load time with "GLIBC_2.28 not found", far from
# the cause (issue 17).

include_guard(GLOBAL)
# The module's own policies, also when included by a cmake -P script that set none.
cmake_policy(PUSH)
cmake_policy(VERSION 3.22...4.4)

include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatTargetProfile.cmake")

# The override, cache variable first (as every TORCHCOMPAT_OVERRIDE_*), else the environment.
function(_torchcompat_glibc_override out_var)
  set(value "")
  if(DEFINED CACHE{TORCHCOMPAT_OVERRIDE_GLIBC} OR DEFINED TORCHCOMPAT_OVERRIDE_GLIBC)
    set(value "${TORCHCOMPAT_OVERRIDE_GLIBC}")
  elseif(DEFINED ENV{TORCHCOMPAT_OVERRIDE_GLIBC})
    set(value "$ENV{TORCHCOMPAT_OVERRIDE_GLIBC}")
  endif()
  if(NOT value STREQUAL "" AND NOT value MATCHES "^[0-9]+\\.[0-9]+$")
    message(
      FATAL_ERROR
        "TorchCompat: TORCHCOMPAT_OVERRIDE_GLIBC is '${value}', which is no glibc "
        "version. Give major.minor as 'getconf GNU_LIBC_VERSION' prints it on the "
        "target machine (2.28), or unset it.")
  endif()
  set(${out_var} "${value}" PARENT_SCOPE)
endfunction()

# A profile's top-level "glibc" member ("2.31", or null). The probe writes it;
# a profile saved by an older probe lacks it, and a person may add it.
function(_torchcompat_profile_glibc out_var file)
  _torchcompat_check_profile_file("${file}")
  file(READ "${file}" json)
  _torchcompat_profile_check_shape("${file}" "${json}")
  string(
    JSON
    type
    ERROR_VARIABLE
    missing
    TYPE
    "${json}"
    glibc)
  set(value "")
  if(NOT missing AND NOT type STREQUAL "NULL")
    string(JSON value GET "${json}" glibc)
    if(NOT type STREQUAL "STRING" OR NOT value MATCHES "^[0-9]+\\.[0-9]+$")
      _torchcompat_profile_error("${file}" "gives glibc as '${value}', which is no glibc version "
                                 "(major.minor, as 'getconf GNU_LIBC_VERSION' prints it)")
    endif()
  endif()
  set(${out_var} "${value}" PARENT_SCOPE)
endfunction()

# This host's glibc from getconf (gnu_get_libc_version's answer), once per configure.
function(_torchcompat_host_glibc version_var reason_var)
  get_property(asked GLOBAL PROPERTY TORCHCOMPAT_HOST_GLIBC SET)
  if(NOT asked)
    set(answer "")
    find_program(_TORCHCOMPAT_GETCONF getconf)
    mark_as_advanced(_TORCHCOMPAT_GETCONF)
    if(_TORCHCOMPAT_GETCONF)
      execute_process(
        COMMAND "${_TORCHCOMPAT_GETCONF}" GNU_LIBC_VERSION
        RESULT_VARIABLE code
        OUTPUT_VARIABLE output
        ERROR_QUIET
        TIMEOUT 10)
      if(code EQUAL 0 AND output MATCHES "^glibc ([0-9]+\\.[0-9]+)")
        set(answer "${CMAKE_MATCH_1}")
      endif()
    endif()
    set_property(GLOBAL PROPERTY TORCHCOMPAT_HOST_GLIBC "${answer}")
  endif()
  get_property(version GLOBAL PROPERTY TORCHCOMPAT_HOST_GLIBC)
  set(reason "")
  if(NOT version)
    string(CONCAT reason "'getconf GNU_LIBC_VERSION' gave no glibc version (no getconf, or a C "
                  "library other than glibc, such as musl)")
  endif()
  set(${version_var} "${version}" PARENT_SCOPE)
  set(${reason_var} "${reason}" PARENT_SCOPE)
endfunction()

# _torchcompat_machine_glibc(<prefix>): sets <prefix>_VERSION ("" when
# unknown), <prefix>_FROM (where it came from) and <prefix>_REASON (why it is
# unknown). A target profile that states no glibc leaves it unknown: this
# host's glibc says nothing about the deployment machine's.
function(_torchcompat_machine_glibc prefix)
  _torchcompat_glibc_override(version)
  set(from "TORCHCOMPAT_OVERRIDE_GLIBC")
  set(reason "")
  if(version STREQUAL "")
    _torchcompat_target_profile_file(profile)
    if(profile)
      _torchcompat_profile_glibc(version "${profile}")
      set(from "target profile ${profile}")
      if(version STREQUAL "")
        string(
          CONCAT
            reason
            "the target profile ${profile} does not state the target machine's "
            "glibc (saved by a probe older than its glibc member): add \"glibc\": \"<major.minor>\" to it"
        )
      endif()
    else()
      _torchcompat_host_glibc(version reason)
      set(from "getconf GNU_LIBC_VERSION")
    endif()
  endif()
  set(${prefix}_VERSION "${version}" PARENT_SCOPE)
  set(${prefix}_FROM "${from}" PARENT_SCOPE)
  set(${prefix}_REASON "${reason}" PARENT_SCOPE)
endfunction()

cmake_policy(POP)
