# For cases about AMD and Intel GPUs: a target profile (a saved probe answer, docs/probe.md)
# of a machine with no NVIDIA driver or GPU, and the "amd" and "intel" members the case asks
# for. Without AMD... / INTEL... the member is left out, as a probe that predates them would.
#
#   vendor_profile(<file> [AMD <gfx|null>... | AMD_NONE | AMD_ERROR]
#                         [INTEL <generation|null>... | INTEL_NONE | INTEL_ERROR])
#
# Sets TORCHCOMPAT_TARGET_PROFILE to <file> in the caller's scope. The profile states its glibc,
# so only the GPUs are left for the checks to decide.
#
#   vendor_guard(<answer> <status> <reason-regex> TORCH <v> VARIANT <v> [WAY <cmake-regex>])
#
# Runs the guard quietly (VERDICT_VARIABLE) and fails the case unless the verdict's answer is
# <answer>, a check of status <status> has a reason matching <reason-regex> (none for
# <status> "-"), and, with WAY, a way out's "cmake" argument matches <cmake-regex>.
include("${CMAKE_CURRENT_LIST_DIR}/verdict_checks.cmake")

function(vendor_profile file)
  cmake_parse_arguments(PARSE_ARGV 1 arg "AMD_NONE;AMD_ERROR;INTEL_NONE;INTEL_ERROR" "" "AMD;INTEL")
  set(json
      [=[{"schema_version": 1,
 "probe": {"version": "0.1.0", "host": "vendor-node", "time": "2026-11-20T08:15:00Z",
           "cache": {"machine": "miss", "python": "miss"}},
 "toolkits": [], "toolkits_status": {"status": "not_found", "reason": "none"},
 "driver": {"status": "not_found", "reason": "libcuda.so.1 not found", "release": null,
            "release_source": null, "cuda_version": null, "library": null, "cu_init_error": null,
            "forward_compat": false, "cuda_version_source": null, "cu_init_called": false},
 "gpus": [],
 "gpus_status": {"status": "not_found", "reason": "no NVIDIA driver", "source": null},
 "cudnn": {"status": "not_found", "reason": "none", "version": null, "header": null,
           "header_version": null, "library": null, "library_version": null, "mismatch": false},
 "python": {"status": "not_found", "reason": "not asked", "executable": null, "version": null,
            "torch": null, "torchvision": null, "torchaudio": null,
            "locations": {"torch": null, "torchvision": null, "torchaudio": null}},
 "glibc": "2.35",
 "overrides": {}}]=])
  if(arg_AMD OR arg_AMD_NONE OR arg_AMD_ERROR)
    set(gpus "[]")
    set(index 0)
    foreach(gfx IN LISTS arg_AMD)
      set(value "\"${gfx}\"")
      if(gfx STREQUAL "null")
        set(value null)
      endif()
      string(
        JSON
        gpus
        SET
        "${gpus}"
        ${index}
        "{\"index\": ${index}, \"node\": ${index}, \"gfx\": ${value}, \"gfx_target_version\": 110300, \"vendor_id\": 4098, \"device_id\": 5567, \"simd_count\": 24, \"name\": null}"
      )
      math(EXPR index "${index} + 1")
    endforeach()
    set(status found)
    set(reason null)
    if(arg_AMD_NONE)
      set(status not_found)
      set(reason "\"no GPU node in /sys/class/kfd/kfd/topology\"")
    elseif(arg_AMD_ERROR)
      set(status error)
      set(reason "\"/sys/class/kfd/kfd/topology/nodes is not readable\"")
    endif()
    string(
      JSON
      json
      SET
      "${json}"
      amd
      "{\"status\": \"${status}\", \"reason\": ${reason}, \"source\": \"/sys/class/kfd/kfd/topology\", \"visible_devices\": null, \"runtime\": {\"version\": null, \"source\": null}, \"gpus\": ${gpus}}"
    )
  endif()
  if(arg_INTEL OR arg_INTEL_NONE OR arg_INTEL_ERROR)
    set(gpus "[]")
    set(index 0)
    foreach(generation IN LISTS arg_INTEL)
      set(value "\"${generation}\"")
      if(generation STREQUAL "null")
        set(value null)
      endif()
      string(
        JSON
        gpus
        SET
        "${gpus}"
        ${index}
        "{\"index\": ${index}, \"card\": \"card${index}\", \"device_id\": \"0x1912\", \"name\": null, \"generation\": ${value}, \"driver\": \"i915\", \"level_zero\": false}"
      )
      math(EXPR index "${index} + 1")
    endforeach()
    set(status found)
    set(reason null)
    if(arg_INTEL_NONE)
      set(status not_found)
      set(reason "\"no Intel GPU in /sys/class/drm\"")
    elseif(arg_INTEL_ERROR)
      set(status error)
      set(reason "\"/sys/class/drm is not readable\"")
    endif()
    string(
      JSON
      json
      SET
      "${json}"
      intel
      "{\"status\": \"${status}\", \"reason\": ${reason}, \"source\": \"/sys/class/drm\", \"affinity_mask\": null, \"gpus\": ${gpus}}"
    )
  endif()
  file(WRITE "${file}" "${json}")
  set(TORCHCOMPAT_TARGET_PROFILE "${file}" PARENT_SCOPE)
endfunction()

function(vendor_guard answer status reason_regex)
  cmake_parse_arguments(PARSE_ARGV 3 arg "" "TORCH;VARIANT;WAY" "")
  torchcompat_require(TORCH ${arg_TORCH} VARIANT ${arg_VARIANT}
                      RESULT_VARIABLE ok MESSAGE_VARIABLE text VERDICT_VARIABLE verdict)
  string(JSON actual GET "${verdict}" answer)
  if(NOT actual STREQUAL answer)
    message(FATAL_ERROR "torch ${arg_TORCH} ${arg_VARIANT}: answer '${actual}', expected "
                        "'${answer}':\n${text}")
  endif()
  set(found FALSE)
  verdict_checks(checks "${verdict}")
  foreach(index IN LISTS checks)
    if(checks_STATUS_${index} STREQUAL status AND checks_REASON_${index} MATCHES "${reason_regex}")
      set(found TRUE)
    endif()
  endforeach()
  if(NOT status STREQUAL "-" AND NOT found)
    message(FATAL_ERROR "torch ${arg_TORCH} ${arg_VARIANT}: no ${status} check matching "
                        "'${reason_regex}' in:\n${verdict}")
  endif()
  if(arg_WAY)
    set(found FALSE)
    string(JSON count LENGTH "${verdict}" ways_out)
    if(count GREATER 0)
      math(EXPR last "${count} - 1")
      foreach(index RANGE ${last})
        string(
          JSON
          cmake_argument
          GET
          "${verdict}"
          ways_out
          ${index}
          cmake)
        if(cmake_argument MATCHES "${arg_WAY}")
          set(found TRUE)
        endif()
      endforeach()
    endif()
    if(NOT found)
      message(FATAL_ERROR "torch ${arg_TORCH} ${arg_VARIANT}: no way out '${arg_WAY}' in:\n"
                          "${verdict}")
    endif()
  endif()
  # The message is rendered from the verdict: it says the same.
  if(NOT status STREQUAL "-" AND NOT text MATCHES "${reason_regex}")
    message(FATAL_ERROR "the message does not say '${reason_regex}':\n${text}")
  endif()
endfunction()
