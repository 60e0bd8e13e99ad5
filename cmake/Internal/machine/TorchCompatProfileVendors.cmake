# The AMD and Intel members of a target profile ("amd", "intel": docs/probe.md), checked like
# its NVIDIA members before anything reads them. A profile without them was saved by a probe
# that did not look for such GPUs: what they would say stays unknown, never "none".

include_guard(GLOBAL)
cmake_policy(PUSH)
cmake_policy(VERSION 3.22...4.4)

# TorchCompatTargetProfile.cmake includes this file, and gives the checks it uses
# (_torchcompat_profile_error, _torchcompat_profile_check_status,
# _torchcompat_profile_check_gpu_member); they are called, not included, to keep one include
# direction.

# The GPUs of one vendor's member: at most 1024 plain objects, each with an integer index and
# its architecture member matching <pattern> (JSON text: quoted, or null).
function(
  _torchcompat_profile_check_vendor_gpus
  file
  gpus_json
  member
  what
  arch_member
  pattern)
  string(JSON count ERROR_VARIABLE error LENGTH "${gpus_json}")
  if(error)
    _torchcompat_profile_error("${file}" "has no list of ${what}")
  endif()
  if(count GREATER 1024)
    _torchcompat_profile_error("${file}" "lists ${count} ${what}, more than the 1024 a machine has")
  endif()
  string(REGEX REPLACE "\"([^\"\\\\]|\\\\.)*\"" "s" shape "${gpus_json}")
  string(REGEX REPLACE "[^][{}]" "" shape "${shape}")
  if(NOT shape MATCHES "^\\[({})*\\]$")
    _torchcompat_profile_error("${file}" "lists one of its ${what} as something other than a "
                               "plain object: the probe writes none")
  endif()
  _torchcompat_profile_check_gpu_member("${file}" "${gpus_json}" ${count} index "^[0-9]+$"
                                        "${member}.gpus index")
  _torchcompat_profile_check_gpu_member("${file}" "${gpus_json}" ${count} ${arch_member}
                                        "${pattern}" "${member}.gpus ${arch_member}")
endfunction()

# Sets <out_var> to a JSON object holding the profile's "amd" and "intel" members that it
# has (checked), "{}" when it has neither. <json> is the profile, <file> its name.
function(_torchcompat_profile_vendors out_var file json)
  set(vendors "{}")
  # The architecture member of each vendor's GPUs and its pattern, as JSON text.
  set(amd_what "AMD GPUs")
  set(amd_arch gfx)
  set(amd_pattern "^(\"gfx[0-9a-f]+\"|null)$")
  set(intel_what "Intel GPUs")
  set(intel_arch generation)
  set(intel_pattern "^(\"[A-Za-z0-9.+-]+\"|null)$")
  foreach(member IN ITEMS amd intel)
    set(what "${${member}_what}")
    set(arch_member "${${member}_arch}")
    set(pattern "${${member}_pattern}")
    string(
      JSON
      type
      ERROR_VARIABLE
      missing
      TYPE
      "${json}"
      ${member})
    if(missing OR type STREQUAL "NULL")
      continue()
    endif()
    if(NOT type STREQUAL "OBJECT")
      _torchcompat_profile_error("${file}" "gives ${member} as a ${type}, not an object")
    endif()
    string(JSON part GET "${json}" ${member})
    _torchcompat_profile_check_status("${file}" "${part}" "${member}")
    string(
      JSON
      gpus
      ERROR_VARIABLE
      error
      GET
      "${part}"
      gpus)
    if(error)
      _torchcompat_profile_error("${file}" "has no ${member}.gpus")
    endif()
    _torchcompat_profile_check_vendor_gpus("${file}" "${gpus}" ${member} "${what}" ${arch_member}
                                           "${pattern}")
    string(JSON vendors SET "${vendors}" ${member} "${part}")
  endforeach()
  set(${out_var} "${vendors}" PARENT_SCOPE)
endfunction()

cmake_policy(POP)
