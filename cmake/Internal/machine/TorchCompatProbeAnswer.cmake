# The probe's answer about the machine: runs torchcompat-probe with the
# project's overrides and knobs (once per configure and set of inputs: the
# probe's own cache answers a warm run in milliseconds and knows when the
# machine changed), and turns the answer into the TorchCompat_* result
# variables. torchcompat_detect, the guard, the selector and the report all ask
# here, so they describe the same machine.

include_guard(GLOBAL)
# The module's own policies, also when included by a cmake -P script that set none.
cmake_policy(PUSH)
cmake_policy(VERSION 3.22...4.4)

include("${CMAKE_CURRENT_LIST_DIR}/../common/TorchCompatJson.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatProbe.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatProbeGpus.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatMachineVendors.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatTargetProfile.cmake")

# Lists kept in global properties, not variables: the commands may be called from
# a directory scope that never saw this module's variables (add_subdirectory).
set_property(
  GLOBAL
  PROPERTY TORCHCOMPAT_OVERRIDE_NAMES
           TORCHCOMPAT_OVERRIDE_DRIVER
           TORCHCOMPAT_OVERRIDE_CUDA
           TORCHCOMPAT_OVERRIDE_GPU_ARCHS
           TORCHCOMPAT_OVERRIDE_CUDNN
           TORCHCOMPAT_OVERRIDE_TOOLKIT
           TORCHCOMPAT_OVERRIDE_AMD_GFX
           TORCHCOMPAT_OVERRIDE_INTEL_GPUS)
set_property(
  GLOBAL
  PROPERTY TORCHCOMPAT_RESULT_VARIABLES
           TorchCompat_DETECT_OK
           TorchCompat_CUDA_TOOLKIT_VERSION
           TorchCompat_CUDA_TOOLKIT_ROOT
           TorchCompat_DRIVER_VERSION
           TorchCompat_DRIVER_CUDA_VERSION
           TorchCompat_DRIVER_STATUS
           TorchCompat_GPU_ARCHS
           TorchCompat_GPU_NAMES
           TorchCompat_GPU_COUNT
           TorchCompat_CUDNN_VERSION
           TorchCompat_AMD_GFX
           TorchCompat_AMD_GPU_COUNT
           TorchCompat_INTEL_GENERATIONS
           TorchCompat_INTEL_GPU_COUNT
           TorchCompat_PYTHON_EXECUTABLE
           TorchCompat_PYTHON_TORCH_VERSION
           TorchCompat_PYTHON_TORCHVISION_VERSION
           TorchCompat_PYTHON_TORCHAUDIO_VERSION
           TorchCompat_MACHINE_SOURCE
           TorchCompat_PROBE_JSON)

# The overrides in effect, as NAME=VALUE items for `cmake -E env`. A cache entry
# wins over the environment; a defined-but-empty one is kept, since an empty
# GPU list means "no GPU".
function(_torchcompat_override_assignments out_var)
  set(assignments "")
  get_property(names GLOBAL PROPERTY TORCHCOMPAT_OVERRIDE_NAMES)
  foreach(name IN LISTS names)
    if(DEFINED CACHE{${name}} OR DEFINED ${name})
      set(value "${${name}}")
    elseif(DEFINED ENV{${name}})
      set(value "$ENV{${name}}")
    else()
      continue()
    endif()
    # cmake -E env takes one argument per assignment; a ';' inside must survive
    # the list expansion.
    string(REPLACE ";" "\\;" value "${value}")
    list(APPEND assignments "${name}=${value}")
  endforeach()
  set(${out_var} "${assignments}" PARENT_SCOPE)
endfunction()

function(_torchcompat_probe_arguments out_var profile)
  set(arguments --format json)
  if(TORCHCOMPAT_CUDA_ROOT)
    list(APPEND arguments --cuda-root "${TORCHCOMPAT_CUDA_ROOT}")
  elseif(CMAKE_CUDA_COMPILER)
    get_filename_component(bin_dir "${CMAKE_CUDA_COMPILER}" DIRECTORY)
    get_filename_component(root "${bin_dir}" DIRECTORY)
    list(APPEND arguments --cuda-root "${root}")
  elseif(CUDAToolkit_ROOT)
    list(APPEND arguments --cuda-root "${CUDAToolkit_ROOT}")
  endif()
  if(profile OR (DEFINED TORCHCOMPAT_PYTHON AND NOT TORCHCOMPAT_PYTHON))
    list(APPEND arguments --no-python)
  elseif(TORCHCOMPAT_PYTHON)
    list(APPEND arguments --python "${TORCHCOMPAT_PYTHON}")
  elseif(Python3_EXECUTABLE)
    list(APPEND arguments --python "${Python3_EXECUTABLE}")
  elseif(Python_EXECUTABLE)
    list(APPEND arguments --python "${Python_EXECUTABLE}")
  endif()
  if(TORCHCOMPAT_PROBE_TIMEOUT)
    list(APPEND arguments --timeout "${TORCHCOMPAT_PROBE_TIMEOUT}")
  endif()
  set(${out_var} "${arguments}" PARENT_SCOPE)
endfunction()

# Everything the probe's answer depends on; a change means the cached answer is stale.
function(_torchcompat_detect_key out_var probe arguments assignments profile)
  file(TIMESTAMP "${probe}" probe_stamp "%s" UTC)
  set(key "${probe}:${probe_stamp}|${arguments}|${assignments}")
  if(profile)
    file(SHA256 "${profile}" profile_hash)
    string(APPEND key "|profile ${profile}:${profile_hash}")
  endif()
  foreach(
    name IN
    ITEMS CUDAToolkit_ROOT
          CUDA_PATH
          CUDA_HOME
          CUDNN_ROOT
          CUDNN_HOME
          PATH
          LD_LIBRARY_PATH
          CUDA_VISIBLE_DEVICES
          HIP_VISIBLE_DEVICES
          ROCR_VISIBLE_DEVICES
          ZE_AFFINITY_MASK
          TORCHCOMPAT_SYSFS_ROOT)
    string(APPEND key "|${name}=$ENV{${name}}")
  endforeach()
  string(SHA256 key "${key}")
  set(${out_var} "${key}" PARENT_SCOPE)
endfunction()

# A target profile describes the driver, GPUs and cuDNN; overrides of the same
# would leave it unclear which machine the answer is about.
function(_torchcompat_check_profile_alone profile assignments)
  foreach(assignment IN LISTS assignments)
    if(assignment MATCHES
       "^(TORCHCOMPAT_OVERRIDE_(DRIVER|CUDA|GPU_ARCHS|CUDNN|AMD_GFX|INTEL_GPUS))=")
      message(FATAL_ERROR "TorchCompat: TORCHCOMPAT_TARGET_PROFILE ('${profile}') and "
                          "${CMAKE_MATCH_1} both describe the target machine; set one of them.")
    endif()
  endforeach()
endfunction()

# Runs the probe (or reuses its answer from earlier in this configure); sets
# out_var to its JSON or "", the global property TORCHCOMPAT_MACHINE_SOURCE to
# which machine it is, and TORCHCOMPAT_MACHINE_KEY to the key of the answer
# ("" when there is none): what remembered answers are keyed on.
#
# Every configure asks the probe again, once per set of inputs: its own
# per-user cache makes a warm answer cost milliseconds, and that cache checks
# the files the answer came from (the driver library, the toolkit's version
# files, cuDNN, Python's metadata), which no key of this build folder can see:
# a driver or toolkit upgraded in place is seen by the next re-configure. The
# machine key is the inputs' key with the answer itself (less when it was
# taken), so remembered guard and selector answers follow a changed machine.
function(_torchcompat_probe_json out_var refresh)
  set_property(GLOBAL PROPERTY TORCHCOMPAT_MACHINE_SOURCE "")
  set_property(GLOBAL PROPERTY TORCHCOMPAT_MACHINE_KEY "")
  _torchcompat_probe_executable(probe)
  if(NOT probe)
    set(${out_var} "" PARENT_SCOPE)
    return()
  endif()
  _torchcompat_target_profile_file(profile)
  _torchcompat_probe_arguments(arguments "${profile}")
  _torchcompat_override_assignments(assignments)
  if(profile)
    _torchcompat_check_profile_alone("${profile}" "${assignments}")
    _torchcompat_check_profile_file("${profile}")
  endif()
  _torchcompat_detect_key(key "${probe}" "${arguments}" "${assignments}" "${profile}")
  get_property(asked GLOBAL PROPERTY "TORCHCOMPAT_PROBE_ANSWER_${key}" SET)
  if(NOT refresh AND asked)
    get_property(json GLOBAL PROPERTY "TORCHCOMPAT_PROBE_ANSWER_${key}")
    get_property(source GLOBAL PROPERTY "TORCHCOMPAT_PROBE_SOURCE_${key}")
    get_property(machine_key GLOBAL PROPERTY "TORCHCOMPAT_PROBE_MACHINE_KEY_${key}")
    set_property(GLOBAL PROPERTY TORCHCOMPAT_MACHINE_SOURCE "${source}")
    set_property(GLOBAL PROPERTY TORCHCOMPAT_MACHINE_KEY "${machine_key}")
    set(${out_var} "${json}" PARENT_SCOPE)
    return()
  endif()

  # cmake -E env only where there is something to set: it is a process of its own. Quoted, so
  # that an assignment's escaped ';' stays inside its one argument.
  set(launcher "")
  if(NOT "${assignments}" STREQUAL "")
    set(launcher "${CMAKE_COMMAND};-E;env;${assignments}")
  endif()
  execute_process(
    COMMAND ${launcher} "${probe}" ${arguments}
    RESULT_VARIABLE result
    OUTPUT_VARIABLE json
    ERROR_VARIABLE errors
    TIMEOUT 120)
  string(STRIP "${errors}" errors)
  if(result EQUAL 2)
    # Usage errors come from the overrides and knobs this project passed; the
    # first line names the culprit, the rest is the probe's usage text.
    string(REGEX REPLACE "\n.*" "" first_line "${errors}")
    message(FATAL_ERROR "TorchCompat: torchcompat-probe rejected its input: ${first_line}")
  endif()
  string(
    JSON
    schema
    ERROR_VARIABLE
    parse_error
    GET
    "${json}"
    schema_version)
  if(NOT result EQUAL 0 OR parse_error)
    message(WARNING "TorchCompat: torchcompat-probe ('${probe}') failed (${result}), so "
                    "nothing about this machine is known. ${errors}")
    # Remembered for this configure too: a probe that hangs costs its timeout once.
    set_property(GLOBAL PROPERTY "TORCHCOMPAT_PROBE_ANSWER_${key}" "")
    set(${out_var} "" PARENT_SCOPE)
    return()
  endif()
  if(profile)
    _torchcompat_apply_target_profile(json "${json}" "${profile}")
  endif()
  get_property(source GLOBAL PROPERTY TORCHCOMPAT_MACHINE_SOURCE)
  string(REPLACE "\n" "" json "${json}")
  # When and whether from the probe's cache are not the machine.
  string(
    JSON
    facts
    ERROR_VARIABLE
    ignored
    REMOVE
    "${json}"
    probe)
  string(SHA256 machine_key "${key}|${facts}")
  set_property(GLOBAL PROPERTY "TORCHCOMPAT_PROBE_ANSWER_${key}" "${json}")
  set_property(GLOBAL PROPERTY "TORCHCOMPAT_PROBE_SOURCE_${key}" "${source}")
  set_property(GLOBAL PROPERTY "TORCHCOMPAT_PROBE_MACHINE_KEY_${key}" "${machine_key}")
  set_property(GLOBAL PROPERTY TORCHCOMPAT_MACHINE_KEY "${machine_key}")
  set(${out_var} "${json}" PARENT_SCOPE)
endfunction()

function(_torchcompat_selected_toolkit json version_var root_var)
  set(version "")
  set(root "")
  string(JSON count ERROR_VARIABLE error LENGTH "${json}" toolkits)
  if(NOT error AND count GREATER 0)
    math(EXPR last "${count} - 1")
    foreach(index RANGE ${last})
      _torchcompat_json_get(selected "${json}" toolkits ${index} selected)
      if(selected STREQUAL "ON")
        _torchcompat_json_get(version "${json}" toolkits ${index} version)
        _torchcompat_json_get(root "${json}" toolkits ${index} root)
        break()
      endif()
    endforeach()
  endif()
  set(${version_var} "${version}" PARENT_SCOPE)
  set(${root_var} "${root}" PARENT_SCOPE)
endfunction()

function(_torchcompat_gpu_lists json archs_var names_var count_var)
  _torchcompat_probe_gpus("${json}" archs descs names unknown)
  list(LENGTH archs count)
  math(EXPR count "${count} + ${unknown}")
  list(REMOVE_DUPLICATES archs)
  set(${archs_var} "${archs}" PARENT_SCOPE)
  set(${names_var} "${names}" PARENT_SCOPE)
  set(${count_var} "${count}" PARENT_SCOPE)
endfunction()

# Sets the TorchCompat_* result variables in the caller's scope from a probe
# answer ("" when the probe could not run).
function(_torchcompat_publish_detection json)
  if(json)
    set(TorchCompat_DETECT_OK TRUE)
  else()
    set(TorchCompat_DETECT_OK FALSE)
  endif()
  _torchcompat_gpu_lists("${json}" TorchCompat_GPU_ARCHS TorchCompat_GPU_NAMES
                         TorchCompat_GPU_COUNT)
  # string(JSON) parses all of its input on every call: the other members are
  # read from the answer without its (possibly long) GPU list.
  set(small "${json}")
  if(json)
    string(
      JSON
      small
      ERROR_VARIABLE
      error
      SET
      "${json}"
      gpus
      "[]")
  endif()
  _torchcompat_selected_toolkit("${small}" TorchCompat_CUDA_TOOLKIT_VERSION
                                TorchCompat_CUDA_TOOLKIT_ROOT)
  _torchcompat_json_get(TorchCompat_DRIVER_VERSION "${small}" driver release)
  _torchcompat_json_get(TorchCompat_DRIVER_CUDA_VERSION "${small}" driver cuda_version)
  _torchcompat_json_get(TorchCompat_DRIVER_STATUS "${small}" driver status)
  _torchcompat_json_get(TorchCompat_CUDNN_VERSION "${small}" cudnn version)
  _torchcompat_json_get(TorchCompat_PYTHON_EXECUTABLE "${small}" python executable)
  _torchcompat_json_get(TorchCompat_PYTHON_TORCH_VERSION "${small}" python torch)
  _torchcompat_json_get(TorchCompat_PYTHON_TORCHVISION_VERSION "${small}" python torchvision)
  _torchcompat_json_get(TorchCompat_PYTHON_TORCHAUDIO_VERSION "${small}" python torchaudio)
  get_property(TorchCompat_MACHINE_SOURCE GLOBAL PROPERTY TORCHCOMPAT_MACHINE_SOURCE)
  _torchcompat_vendor_lists("${json}" TorchCompat_AMD_GFX TorchCompat_AMD_GPU_COUNT
                            TorchCompat_INTEL_GENERATIONS TorchCompat_INTEL_GPU_COUNT)
  set(TorchCompat_PROBE_JSON "${json}")
  get_property(variables GLOBAL PROPERTY TORCHCOMPAT_RESULT_VARIABLES)
  foreach(variable IN LISTS variables)
    set(${variable} "${${variable}}" PARENT_SCOPE)
  endforeach()
endfunction()

cmake_policy(POP)
