include("${CMAKE_CURRENT_LIST_DIR}/../vendor_profile.cmake")
# On a machine with no AMD and no Intel GPU, the ROCm and XPU builds of torch 2.7.0 are not
# "cannot be verified": they run on the CPU only, and the report says so (issue 18).
vendor_profile("${CMAKE_BINARY_DIR}/no-amd-intel.json" AMD_NONE INTEL_NONE)
torchcompat_report(TORCH 2.7.0 OUTPUT_VARIABLE text VERDICT_VARIABLE verdict)
set(seen "")
string(JSON count LENGTH "${verdict}" builds)
math(EXPR last "${count} - 1")
foreach(index RANGE ${last})
  string(
    JSON
    variant
    GET
    "${verdict}"
    builds
    ${index}
    variant)
  string(
    JSON
    status
    GET
    "${verdict}"
    builds
    ${index}
    status)
  string(
    JSON
    reason
    GET
    "${verdict}"
    builds
    ${index}
    reason)
  if(variant MATCHES "^rocm")
    set(expected "no AMD GPU is visible \\(no GPU node in /sys/class/kfd/kfd/topology\\)")
  elseif(variant STREQUAL "xpu")
    set(expected "no Intel GPU is visible \\(no Intel GPU in /sys/class/drm\\)")
  else()
    continue()
  endif()
  if(NOT status STREQUAL "cpu-only" OR NOT reason MATCHES "^${expected}$")
    message(FATAL_ERROR "${variant}: ${status} (${reason}), expected cpu-only: ${expected}")
  endif()
  if(NOT text MATCHES "${variant} +runs on the CPU only: ${expected}")
    message(FATAL_ERROR "the report's line for ${variant} does not say so:\n${text}")
  endif()
  list(APPEND seen "${variant}")
endforeach()
if(NOT seen STREQUAL "rocm6.3;rocm6.2.4;xpu")
  message(FATAL_ERROR "ROCm and XPU builds reported: '${seen}'")
endif()
