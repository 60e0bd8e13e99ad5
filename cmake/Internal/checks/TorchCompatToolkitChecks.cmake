# The project's own CUDA toolkit (the CUDA language's compiler, or the toolkit
# override) against the build of torch and the driver.

include_guard(GLOBAL)
# The module's own policies, also when included by a cmake -P script that set none.
cmake_policy(PUSH)
cmake_policy(VERSION 3.22...4.4)

include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatDriverCheck.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/../machine/TorchCompatProbeAnswer.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/../tables/TorchCompatTable.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/../common/TorchCompatText.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/../common/TorchCompatVersionRules.cmake")

# The toolkit the project compiles CUDA with: the CUDA language's compiler, or
# the toolkit override. "" when the project compiles no CUDA.
function(_torchcompat_toolkit_in_use out_var)
  set(version "")
  get_property(languages GLOBAL PROPERTY ENABLED_LANGUAGES)
  if("CUDA" IN_LIST languages AND CMAKE_CUDA_COMPILER_VERSION)
    set(version "${CMAKE_CUDA_COMPILER_VERSION}")
  else()
    _torchcompat_probe_json(json FALSE)
    _torchcompat_json_get(status "${json}" toolkits_status status)
    if(status STREQUAL "overridden")
      _torchcompat_selected_toolkit("${json}" version root)
    endif()
  endif()
  set(${out_var} "${version}" PARENT_SCOPE)
endfunction()

# The project's own CUDA toolkit against the build and the driver. Sets
# <prefix>_PROBLEMS, <prefix>_UNKNOWNS and <prefix>_PASSES.
function(
  _torchcompat_toolkit_checks
  prefix
  toolkit
  variant
  policy
  os
  machine)
  set(problems "")
  set(unknowns "")
  _torchcompat_parse_variant("${variant}" kind cuda)
  _torchcompat_major("${toolkit}" toolkit_major)
  if(kind STREQUAL "cuda")
    _torchcompat_major("${cuda}" cuda_major)
    if(NOT toolkit_major EQUAL cuda_major)
      _torchcompat_add_text(
        problems
        "the project compiles CUDA with toolkit ${toolkit}, but ${variant} is built with CUDA "
        "${cuda}: one program would need two CUDA ${toolkit_major}/${cuda_major} runtimes")
    endif()
  endif()
  _torchcompat_major_minor("${toolkit}" toolkit_minor)
  _torchcompat_toolkits_of_minor(rows "${toolkit_minor}")
  set(row "")
  set(fallback "")
  if(toolkit IN_LIST rows)
    set(row "${toolkit}")
  elseif(rows)
    list(GET rows 0 row)
    string(CONCAT fallback "toolkit ${toolkit} is not a row of the toolkit table, so its GA row "
                  "${row} was used")
  endif()
  _torchcompat_driver_check(
    driver
    WHAT
    "the project's CUDA toolkit ${toolkit}"
    CUDA
    "${toolkit_minor}"
    POLICY
    "${policy}"
    OS
    "${os}"
    TOOLKIT
    "${row}"
    FALLBACK
    "${fallback}"
    MACHINE
    ${machine})
  if(driver_VERDICT STREQUAL "fail")
    _torchcompat_add_text(problems "${driver_TEXT}")
  elseif(driver_VERDICT STREQUAL "unknown")
    _torchcompat_add_text(unknowns "${driver_TEXT}")
  elseif(driver_VERDICT STREQUAL "pass" AND NOT driver_NATIVE)
    message(STATUS "TorchCompat: toolkit ${toolkit} is newer than the driver's CUDA "
                   "${${machine}_DRIVER_CUDA}: it runs under minor-version compatibility, "
                   "but PTX it emits cannot be JIT-compiled by this driver")
  endif()
  set(passes "")
  if(NOT problems AND NOT unknowns)
    set(passes "the project's CUDA toolkit ${toolkit} goes with ${variant} and runs on the driver")
  endif()
  set(${prefix}_PROBLEMS "${problems}" PARENT_SCOPE)
  set(${prefix}_UNKNOWNS "${unknowns}" PARENT_SCOPE)
  set(${prefix}_PASSES "${passes}" PARENT_SCOPE)
endfunction()

cmake_policy(POP)
