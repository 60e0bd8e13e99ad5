# Target profiles: the probe's JSON answer, saved on the deployment machine and
# named by TORCHCOMPAT_TARGET_PROFILE, stands in for this machine's driver,
# GPUs and cuDNN (docs/probe.md, "Target profiles"). The toolkit stays this
# machine's (it is what compiles); Python is asked of neither machine.

include_guard(GLOBAL)
cmake_policy(PUSH)
cmake_policy(VERSION 3.22...4.4)

include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatProbeGpus.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatProfileVendors.cmake")

# The profile file named by the cache variable, else the environment; "" for none.
function(_torchcompat_target_profile_file out_var)
  set(file "")
  if(DEFINED CACHE{TORCHCOMPAT_TARGET_PROFILE} OR DEFINED TORCHCOMPAT_TARGET_PROFILE)
    set(file "${TORCHCOMPAT_TARGET_PROFILE}")
  elseif(DEFINED ENV{TORCHCOMPAT_TARGET_PROFILE})
    set(file "$ENV{TORCHCOMPAT_TARGET_PROFILE}")
  endif()
  if(NOT file STREQUAL "")
    get_filename_component(file "${file}" ABSOLUTE)
  endif()
  set(${out_var} "${file}" PARENT_SCOPE)
endfunction()

# `what` may come in several arguments, joined as written.
function(_torchcompat_profile_error file what)
  string(JOIN "" what "${what}" ${ARGN})
  message(
    FATAL_ERROR
      "TorchCompat: the target profile '${file}' (TORCHCOMPAT_TARGET_PROFILE) ${what}. A profile "
      "is the output of 'torchcompat-probe --format json' saved on the deployment machine.")
endfunction()

# Fails unless member `member` of `object_json` is null or a string matching `regex`.
function(_torchcompat_profile_check_string file object_json member regex what)
  string(
    JSON
    type
    ERROR_VARIABLE
    error
    TYPE
    "${object_json}"
    ${member})
  if(error)
    _torchcompat_profile_error("${file}" "has no ${what}")
  endif()
  if(type STREQUAL "NULL")
    return()
  endif()
  string(JSON value GET "${object_json}" ${member})
  if(NOT type STREQUAL "STRING" OR NOT value MATCHES "${regex}")
    _torchcompat_profile_error("${file}" "gives ${what} as '${value}', which is none")
  endif()
endfunction()

# What the probe's schema, written once in probe-schema.json beside the
# package's modules, says: the schema_version it describes and the statuses.
function(_torchcompat_probe_schema version_var statuses_var)
  file(READ "${CMAKE_CURRENT_FUNCTION_LIST_DIR}/../../probe-schema.json" schema)
  string(
    JSON
    version
    GET
    "${schema}"
    properties
    schema_version
    const)
  string(JSON count LENGTH "${schema}" $defs status enum)
  math(EXPR last "${count} - 1")
  set(statuses "")
  foreach(position RANGE ${last})
    string(
      JSON
      status
      GET
      "${schema}"
      $defs
      status
      enum
      ${position})
    list(APPEND statuses "${status}")
  endforeach()
  set(${version_var} "${version}" PARENT_SCOPE)
  set(${statuses_var} "${statuses}" PARENT_SCOPE)
endfunction()

# The regular expression the probe's schema gives for a member, at the path of
# `properties` / `items` names in ARGN (followed through one "$ref"). The
# schema's patterns use only what CMake's regular expressions also read.
function(_torchcompat_probe_schema_pattern out_var)
  file(READ "${CMAKE_CURRENT_FUNCTION_LIST_DIR}/../../probe-schema.json" schema)
  string(JSON node GET "${schema}" ${ARGN})
  string(
    JSON
    ref
    ERROR_VARIABLE
    no_ref
    GET
    "${node}"
    $ref)
  if(NOT no_ref)
    string(REGEX REPLACE "^#/[$]defs/" "" definition "${ref}")
    string(JSON node GET "${schema}" $defs ${definition})
  endif()
  string(JSON pattern GET "${node}" pattern)
  set(${out_var} "${pattern}" PARENT_SCOPE)
endfunction()

function(_torchcompat_profile_check_status file object_json what)
  string(
    JSON
    status
    ERROR_VARIABLE
    error
    GET
    "${object_json}"
    status)
  _torchcompat_probe_schema(schema_version statuses)
  if(error OR NOT status IN_LIST statuses)
    _torchcompat_profile_error("${file}" "gives ${what}.status as '${status}', which is none")
  endif()
endfunction()

# The values of member `member` in each flat GPU object of `gpus_json`, as JSON
# text ("9.0" with its quotes, null, 85520809984), in order. One regular
# expression over the whole array: linear in the GPU count. A member name
# can't be forged inside a string value, where every quote is escaped.
function(_torchcompat_profile_member_values out_var gpus_json member)
  set(space "[ \t\r\n]*")
  string(REGEX MATCHALL "\"${member}\"${space}:${space}(\"[^\"]*\"|[^,}\" \t\r\n]+)" matches
               "${gpus_json}")
  list(TRANSFORM matches REPLACE "^\"${member}\"${space}:${space}" "")
  set(${out_var} "${matches}" PARENT_SCOPE)
endfunction()

# Fails unless each of `count` GPUs has `member` once, matching `regex`.
function(
  _torchcompat_profile_check_gpu_member
  file
  gpus_json
  count
  member
  regex
  what)
  _torchcompat_profile_member_values(values "${gpus_json}" ${member})
  list(LENGTH values found)
  if(NOT found EQUAL count)
    _torchcompat_profile_error("${file}" "has ${count} GPUs but ${found} ${what} values")
  endif()
  set(wrong "${values}")
  list(FILTER wrong EXCLUDE REGEX "${regex}")
  if(wrong)
    list(GET wrong 0 first)
    list(FIND values "${first}" position)
    _torchcompat_profile_error("${file}"
                               "gives GPU ${position}'s ${what} as '${first}', which is none")
  endif()
endfunction()

# Each GPU: a compute capability 1.0 to 99.9 (or null: unknown), an integer
# index, memory a non-negative integer or null; and no nested values, which the
# probe never writes.
function(_torchcompat_profile_check_gpus file gpus_json)
  string(JSON count ERROR_VARIABLE error LENGTH "${gpus_json}")
  if(error)
    _torchcompat_profile_error("${file}" "has no list of GPUs")
  endif()
  if(count GREATER 1024)
    _torchcompat_profile_error("${file}" "lists ${count} GPUs, more than the 1024 a machine has")
  endif()
  # Each GPU a plain object: brackets outside strings may only be the array's and one pair each.
  string(REGEX REPLACE "\"([^\"\\\\]|\\\\.)*\"" "s" shape "${gpus_json}")
  string(REGEX REPLACE "[^][{}]" "" shape "${shape}")
  if(NOT shape MATCHES "^\\[({})*\\]$")
    _torchcompat_profile_error("${file}" "lists a GPU that is not a plain object (a nested value "
                               "or a non-object entry): the probe writes none")
  endif()
  _torchcompat_json_flat_objects(objects "${gpus_json}")
  list(LENGTH objects flat)
  if(NOT flat EQUAL count)
    _torchcompat_profile_error("${file}" "lists GPUs that are not plain objects")
  endif()
  # The values are JSON text here: the schema's string pattern goes inside quotes.
  _torchcompat_probe_schema_pattern(capability properties gpus items properties compute_capability)
  string(REGEX REPLACE "^\\^(.*)\\$$" "^(\"\\1\"|null)$" capability "${capability}")
  _torchcompat_profile_check_gpu_member("${file}" "${gpus_json}" ${count} compute_capability
                                        "${capability}" "compute capability")
  _torchcompat_profile_check_gpu_member("${file}" "${gpus_json}" ${count} index "^[0-9]+$" "index")
  _torchcompat_profile_check_gpu_member("${file}" "${gpus_json}" ${count} memory_bytes
                                        "^([0-9]+|null)$" "memory")
endfunction()

# Fails unless `file` is a regular file of plausible size. Before anything
# reads it: a named pipe or a device reads as size 0, and reading one (even to
# hash it) would wait forever.
function(_torchcompat_check_profile_file file)
  if(NOT EXISTS "${file}" OR IS_DIRECTORY "${file}")
    _torchcompat_profile_error("${file}" "does not exist")
  endif()
  file(SIZE "${file}" size)
  if(size EQUAL 0)
    _torchcompat_profile_error("${file}" "is empty, or no regular file")
  elseif(size GREATER 67108864)
    _torchcompat_profile_error("${file}" "is ${size} bytes, far more than any probe answer")
  endif()
endfunction()

# Fails unless `json` nests at most 16 arrays and objects deep and its GPU list holds at most 1024
# plain objects, before CMake's JSON reader sees it: that reader recurses (a profile nested a
# thousand levels aborts CMake) and the checks below take time per GPU. The probe writes 4 levels.
# Strings are taken out first (a bracket inside one is text; an escaped quote does not end one);
# then each pass removes the innermost
# pairs, so 16 passes leave nothing of a document no deeper than 16.
function(_torchcompat_profile_check_shape file json)
  string(REGEX REPLACE "\"([^\"\\\\]|\\\\.)*\"" "s" shape "${json}")
  string(REGEX REPLACE "[^][{}]" "" shape "${shape}")
  foreach(pass RANGE 1 16)
    if(shape STREQUAL "")
      break()
    endif()
    string(REGEX REPLACE "\\[\\]|{}" "" shape "${shape}")
  endforeach()
  if(NOT shape STREQUAL "")
    _torchcompat_profile_error(
      "${file}" "nests deeper than 16 levels, or its brackets do not pair "
      "up: a probe answer nests 4")
  endif()
endfunction()

# Reads and checks a profile. Sets <prefix>_JSON (its driver, gpus,
# gpus_status and cudnn members as one small object, and the GPU array) and
# <prefix>_SOURCE ("target profile F, probed on H at T").
function(_torchcompat_read_target_profile file prefix)
  _torchcompat_check_profile_file("${file}")
  file(READ "${file}" json)
  _torchcompat_profile_check_shape("${file}" "${json}")
  string(
    JSON
    schema
    ERROR_VARIABLE
    error
    GET
    "${json}"
    schema_version)
  if(error)
    _torchcompat_profile_error("${file}" "is not a JSON object with a schema_version (${error})")
  endif()
  _torchcompat_probe_schema(known_schema statuses)
  if(NOT schema STREQUAL known_schema)
    _torchcompat_profile_error(
      "${file}" "has schema_version '${schema}', and this TorchCompat reads schema_version "
      "${known_schema} (save the profile again with the probe of this TorchCompat)")
  endif()
  foreach(member IN ITEMS host time)
    string(
      JSON
      ${member}
      ERROR_VARIABLE
      error
      GET
      "${json}"
      probe
      ${member})
    if(error OR ${member} STREQUAL "" OR ${member} STREQUAL "null")
      _torchcompat_profile_error(
        "${file}" "does not say which machine it describes, or when (probe.${member}); save it "
        "again with the probe of this TorchCompat")
    endif()
  endforeach()
  _torchcompat_probe_schema_pattern(time_pattern properties probe properties time)
  if(NOT time MATCHES "${time_pattern}")
    _torchcompat_profile_error("${file}" "gives probe.time as '${time}', which is no UTC time")
  endif()
  string(REGEX REPLACE "[\r\n;]" " " host "${host}")
  string(
    JSON
    gpus
    ERROR_VARIABLE
    error
    GET
    "${json}"
    gpus)
  if(error)
    _torchcompat_profile_error("${file}" "has no list of GPUs")
  endif()
  _torchcompat_profile_check_gpus("${file}" "${gpus}")
  # The rest is small once the GPUs are out of it.
  string(JSON small SET "${json}" gpus "[]")
  set(parts "{}")
  foreach(member IN ITEMS driver gpus_status cudnn)
    string(
      JSON
      part
      ERROR_VARIABLE
      error
      GET
      "${small}"
      ${member})
    string(
      JSON
      type
      ERROR_VARIABLE
      type_error
      TYPE
      "${small}"
      ${member})
    if(error OR NOT type STREQUAL "OBJECT")
      _torchcompat_profile_error("${file}" "has no ${member} object")
    endif()
    _torchcompat_profile_check_status("${file}" "${part}" "${member}")
    string(JSON parts SET "${parts}" ${member} "${part}")
  endforeach()
  string(JSON driver GET "${small}" driver)
  _torchcompat_probe_schema_pattern(release properties driver properties release)
  _torchcompat_probe_schema_pattern(cuda_version properties driver properties cuda_version)
  _torchcompat_probe_schema_pattern(cudnn_version properties cudnn properties version)
  _torchcompat_profile_check_string("${file}" "${driver}" release "${release}" "driver.release")
  _torchcompat_profile_check_string("${file}" "${driver}" cuda_version "${cuda_version}"
                                    "driver.cuda_version")
  string(JSON cudnn GET "${small}" cudnn)
  _torchcompat_profile_check_string("${file}" "${cudnn}" version "${cudnn_version}" "cudnn.version")
  _torchcompat_profile_vendors(vendors "${file}" "${small}")
  set(${prefix}_VENDORS "${vendors}" PARENT_SCOPE)
  set(${prefix}_PARTS "${parts}" PARENT_SCOPE)
  set(${prefix}_GPUS "${gpus}" PARENT_SCOPE)
  set(${prefix}_SOURCE "target profile ${file}, probed on ${host} at ${time}" PARENT_SCOPE)
endfunction()

# This machine's answer (`json`) with the profile's driver, GPUs and cuDNN in
# place of its own, and Python not asked.
function(_torchcompat_apply_target_profile out_var json file)
  _torchcompat_read_target_profile("${file}" profile)
  foreach(member IN ITEMS driver gpus_status cudnn)
    string(JSON part GET "${profile_PARTS}" ${member})
    string(JSON json SET "${json}" ${member} "${part}")
  endforeach()
  set(python
      [=[{"status": "not_found", "reason": "not asked: a target profile describes another machine", "executable": null, "version": null, "torch": null, "torchvision": null, "torchaudio": null, "locations": {"torch": null, "torchvision": null, "torchaudio": null}}]=]
  )
  string(JSON json SET "${json}" python "${python}")
  string(JSON json SET "${json}" gpus "${profile_GPUS}")
  # AMD and Intel GPUs are the profile's too; a profile without them leaves them unknown.
  foreach(member IN ITEMS amd intel)
    string(
      JSON
      part
      ERROR_VARIABLE
      absent
      GET
      "${profile_VENDORS}"
      ${member})
    if(absent)
      string(
        JSON
        json
        ERROR_VARIABLE
        ignored
        REMOVE
        "${json}"
        ${member})
    else()
      string(JSON json SET "${json}" ${member} "${part}")
    endif()
  endforeach()
  set(${out_var} "${json}" PARENT_SCOPE)
  set_property(GLOBAL PROPERTY TORCHCOMPAT_MACHINE_SOURCE "${profile_SOURCE}")
endfunction()

cmake_policy(POP)
