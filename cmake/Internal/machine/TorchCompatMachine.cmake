# The machine, as the guard, the selector, torchcompat_detect and the report
# describe it: the facts the checks need (_torchcompat_machine) and every text
# that renders them (the one-line summary, the "Checked against" line, the
# report's block). Rendered here only, so all of them say the same thing.

include_guard(GLOBAL)
# The module's own policies, also when included by a cmake -P script that set none.
cmake_policy(PUSH)
cmake_policy(VERSION 3.22...4.4)

include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatProbeAnswer.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/TorchCompatMachineVendors.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/../common/TorchCompatText.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/../verdict/TorchCompatVerdict.cmake")

# Which machine the answers are about, when the probe said so ("target
# profile X, probed on H at T"): the global property the last probe answer set,
# else TorchCompat_MACHINE_SOURCE as the caller has it.
function(_torchcompat_machine_source out_var)
  get_property(source GLOBAL PROPERTY TORCHCOMPAT_MACHINE_SOURCE)
  if(NOT source)
    set(source "${TorchCompat_MACHINE_SOURCE}")
  endif()
  set(${out_var} "${source}" PARENT_SCOPE)
endfunction()

# What the guard and the selector need to know about the machine, from the
# probe's (cached) answer. Sets <prefix>_RELEASE, _DRIVER_CUDA,
# _DESC (the driver: where it was found, or why not), _GPU_ARCHS, _GPU_DESCS (one per GPU),
# _CUDNN (the cuDNN in use, known only when overridden) and _KNOWN (false when the probe could not run).
#
# Parsed once per machine and configure: the record is kept in global
# properties under the machine's key, so the many checks of one configure (or
# one torchcompat command) read the probe's JSON text once.
function(_torchcompat_machine prefix)
  set(names
      known
      release
      driver_cuda
      desc
      driver_reason
      gpu_archs
      gpu_descs
      gpu_reason
      cudnn
      driver_from
      release_from
      driver_cuda_from
      gpus_from
      cudnn_from
      source)
  # AMD and Intel GPUs (TorchCompatMachineVendors): _AMD_STATE / _INTEL_STATE (gpus, none,
  # unknown), _AMD_REASON, _AMD_GFX and _AMD_DESCS, _INTEL_REASON, _INTEL_GENS and _INTEL_DESCS.
  list(
    APPEND
    names
    amd_state
    amd_reason
    amd_gfx
    amd_descs
    intel_state
    intel_reason
    intel_gens
    intel_descs)
  _torchcompat_probe_json(json FALSE)
  get_property(machine_key GLOBAL PROPERTY TORCHCOMPAT_MACHINE_KEY)
  _torchcompat_machine_source(source)
  string(SHA256 memo "${machine_key}|${source}")
  get_property(parsed GLOBAL PROPERTY "TORCHCOMPAT_MACHINE_RECORD_${memo}" SET)
  if(machine_key AND parsed)
    foreach(name IN LISTS names)
      string(TOUPPER "${name}" upper)
      get_property(value GLOBAL PROPERTY "TORCHCOMPAT_MACHINE_RECORD_${memo}_${name}")
      set(${prefix}_${upper} "${value}" PARENT_SCOPE)
    endforeach()
    return()
  endif()
  set(known FALSE)
  set(desc "")
  set(cudnn "")
  set(gpu_archs "")
  set(gpu_descs "")
  set(driver_from "")
  set(release_from "")
  set(driver_cuda_from "")
  set(gpus_from "")
  set(cudnn_from "")
  set(source "")
  set(reason "")
  _torchcompat_machine_vendors("${json}")
  if(json)
    set(known TRUE)
    _torchcompat_json_get(release "${json}" driver release)
    _torchcompat_json_get(driver_cuda "${json}" driver cuda_version)
    _torchcompat_json_get(status "${json}" driver status)
    _torchcompat_json_get(reason "${json}" driver reason)
    _torchcompat_json_get(library "${json}" driver library)
    # A libtorch archive or wheel brings its own cuDNN, so the system's matters
    # only when the project says it uses it (CUDNN, or the cuDNN override).
    _torchcompat_json_get(cudnn_status "${json}" cudnn status)
    if(cudnn_status STREQUAL "overridden")
      _torchcompat_json_get(cudnn "${json}" cudnn version)
      set(cudnn_from "TORCHCOMPAT_OVERRIDE_CUDNN")
    endif()
    _torchcompat_machine_sources(from "${json}")
    set(release_from "${from_RELEASE}")
    set(driver_cuda_from "${from_DRIVER_CUDA}")
    set(gpus_from "${from_GPUS}")
    set(driver_from "${library}")
    if(status STREQUAL "overridden")
      set(driver_from "TORCHCOMPAT_OVERRIDE_*")
    endif()
    if(release OR driver_cuda)
      set(desc "NVIDIA driver ${release} (supports CUDA up to ${driver_cuda})")
      if(status STREQUAL "overridden")
        string(APPEND desc ", from TORCHCOMPAT_OVERRIDE_*")
      elseif(library)
        string(APPEND desc ", via ${library}")
      endif()
    else()
      set(desc "no NVIDIA driver (${reason})")
    endif()
    _torchcompat_machine_source(source)
    if(source)
      string(APPEND desc " [${source}]")
    endif()
    _torchcompat_probe_gpus("${json}" gpu_archs gpu_descs gpu_names)
    _torchcompat_json_get(gpu_reason "${json}" gpus_status reason)
  endif()
  set(driver_reason "${reason}")
  foreach(name IN LISTS names)
    string(TOUPPER "${name}" upper)
    set(${prefix}_${upper} "${${name}}" PARENT_SCOPE)
    if(machine_key)
      set_property(GLOBAL PROPERTY "TORCHCOMPAT_MACHINE_RECORD_${memo}_${name}" "${${name}}")
    endif()
  endforeach()
  if(machine_key)
    set_property(GLOBAL PROPERTY "TORCHCOMPAT_MACHINE_RECORD_${memo}" TRUE)
  endif()
endfunction()

# Where each fact of the probe's answer came from, in words: <prefix>_RELEASE
# (the driver's release: NVML, /sys/module/nvidia/version, ...),
# <prefix>_DRIVER_CUDA (cuDriverGetVersion of the library loaded) and
# <prefix>_GPUS (NVML, the driver API); an override names its variable. ""
# where there is no such fact.
function(_torchcompat_machine_sources prefix json)
  _torchcompat_json_get(release "${json}" driver release)
  _torchcompat_json_get(driver_cuda "${json}" driver cuda_version)
  _torchcompat_json_get(release_source "${json}" driver release_source)
  _torchcompat_json_get(cuda_source "${json}" driver cuda_version_source)
  _torchcompat_json_get(library "${json}" driver library)
  _torchcompat_json_get(gpus_source "${json}" gpus_status source)
  set(from_release "")
  if(release AND release_source STREQUAL "override")
    set(from_release "TORCHCOMPAT_OVERRIDE_DRIVER")
  elseif(release)
    set(from_release "${release_source}")
  endif()
  set(from_cuda "")
  if(driver_cuda AND cuda_source STREQUAL "override")
    set(from_cuda "TORCHCOMPAT_OVERRIDE_CUDA")
  elseif(driver_cuda AND library)
    set(from_cuda "${cuda_source} of ${library}")
  elseif(driver_cuda)
    set(from_cuda "${cuda_source}")
  endif()
  set(from_gpus "${gpus_source}")
  if(gpus_source STREQUAL "override")
    set(from_gpus "TORCHCOMPAT_OVERRIDE_GPU_ARCHS")
  endif()
  set(${prefix}_RELEASE "${from_release}" PARENT_SCOPE)
  set(${prefix}_DRIVER_CUDA "${from_cuda}" PARENT_SCOPE)
  set(${prefix}_GPUS "${from_gpus}" PARENT_SCOPE)
endfunction()

# The machine as the verdict records it: {"known", "driver", "driver_cuda",
# "driver_from" (the library loaded, or the override), "driver_reason" (why
# there is none), "gpu_archs", "gpus", "gpu_reason", "cudnn", "source" (which
# machine: a target profile), "sources" (where each fact came from:
# {"driver", "driver_cuda", "gpus", "cudnn"})}.
function(_torchcompat_machine_json out_var machine)
  if(${machine}_KNOWN)
    set(json "{\"known\": true}")
  else()
    set(json "{\"known\": false}")
  endif()
  foreach(
    field IN
    ITEMS release
          driver_cuda
          driver_from
          driver_reason
          gpu_reason
          cudnn
          source)
    string(TOUPPER "${field}" upper)
    _torchcompat_verdict_quote(value "${${machine}_${upper}}")
    if(field STREQUAL "release")
      set(field driver)
    endif()
    string(JSON json SET "${json}" "${field}" "${value}")
  endforeach()
  foreach(field IN ITEMS gpu_archs gpu_descs)
    set(array "[]")
    string(TOUPPER "${field}" upper)
    foreach(item IN LISTS ${machine}_${upper})
      _torchcompat_verdict_push_text(array "${item}")
    endforeach()
    if(field STREQUAL "gpu_descs")
      set(field gpus)
    endif()
    string(JSON json SET "${json}" "${field}" "${array}")
  endforeach()
  set(sources "{}")
  foreach(pair IN ITEMS driver=RELEASE_FROM driver_cuda=DRIVER_CUDA_FROM gpus=GPUS_FROM
                        cudnn=CUDNN_FROM)
    string(REPLACE "=" ";" pair "${pair}")
    list(GET pair 0 key)
    list(GET pair 1 upper)
    _torchcompat_verdict_quote(value "${${machine}_${upper}}")
    string(JSON sources SET "${sources}" "${key}" "${value}")
  endforeach()
  string(JSON json SET "${json}" sources "${sources}")
  _torchcompat_machine_vendors_json(json "${json}" ${machine})
  set(${out_var} "${json}" PARENT_SCOPE)
endfunction()

# The GPUs of a machine (from _torchcompat_machine) in words: one description
# each, or <none_text> and why there is none.
function(_torchcompat_machine_gpus_text out_var machine none_text)
  if(${machine}_GPU_DESCS)
    list(JOIN ${machine}_GPU_DESCS ", " gpus)
  elseif(${machine}_GPU_REASON)
    set(gpus "${none_text} (${${machine}_GPU_REASON})")
  else()
    set(gpus "${none_text}")
  endif()
  set(${out_var} "${gpus}" PARENT_SCOPE)
endfunction()

# The machine in one line, for failure messages: driver, GPUs, and which
# machine it is when the probe helper recorded that.
function(_torchcompat_machine_text out_var machine)
  if(NOT ${machine}_KNOWN)
    set(${out_var} "" PARENT_SCOPE)
    return()
  endif()
  _torchcompat_machine_gpus_text(gpus ${machine} "no GPU")
  set(${out_var} "${${machine}_DESC}. GPUs: ${gpus}" PARENT_SCOPE)
endfunction()

# A machine's AMD (vendor amd) or Intel (intel) GPUs in words: one description each, or
# "none" / "not known" and why; with which machine it is, for failure messages.
function(_torchcompat_machine_vendor_gpus_text out_var machine vendor)
  string(TOUPPER "${vendor}" upper)
  if(${machine}_${upper}_STATE STREQUAL "gpus")
    list(JOIN ${machine}_${upper}_DESCS ", " text)
  elseif(${machine}_${upper}_STATE STREQUAL "none")
    set(text "none (${${machine}_${upper}_REASON})")
  else()
    set(text "not known (${${machine}_${upper}_REASON})")
  endif()
  set(${out_var} "${text}" PARENT_SCOPE)
endfunction()

function(_torchcompat_machine_vendor_text out_var machine vendor)
  if(NOT ${machine}_KNOWN)
    set(${out_var} "" PARENT_SCOPE)
    return()
  endif()
  _torchcompat_machine_vendor_gpus_text(gpus ${machine} ${vendor})
  set(label "AMD GPUs")
  if(vendor STREQUAL "intel")
    set(label "Intel GPUs")
  endif()
  set(text "${label}: ${gpus}")
  if(${machine}_SOURCE)
    string(APPEND text " [${${machine}_SOURCE}]")
  endif()
  set(${out_var} "${text}" PARENT_SCOPE)
endfunction()

# One line saying what was found, for the status message.
function(_torchcompat_detection_summary out_var)
  set(parts "")
  if(TorchCompat_CUDA_TOOLKIT_VERSION)
    list(APPEND parts "CUDA toolkit ${TorchCompat_CUDA_TOOLKIT_VERSION}")
  else()
    list(APPEND parts "no CUDA toolkit")
  endif()
  if(TorchCompat_DRIVER_VERSION OR TorchCompat_DRIVER_CUDA_VERSION)
    list(APPEND parts
         "driver ${TorchCompat_DRIVER_VERSION} (CUDA ${TorchCompat_DRIVER_CUDA_VERSION})")
  else()
    list(APPEND parts "no NVIDIA driver")
  endif()
  if(TorchCompat_GPU_COUNT GREATER 0)
    list(JOIN TorchCompat_GPU_ARCHS ", " archs)
    list(APPEND parts "${TorchCompat_GPU_COUNT} GPU(s) (sm ${archs})")
  else()
    list(APPEND parts "no GPU")
  endif()
  if(TorchCompat_CUDNN_VERSION)
    list(APPEND parts "cuDNN ${TorchCompat_CUDNN_VERSION}")
  endif()
  if(TorchCompat_AMD_GFX)
    list(JOIN TorchCompat_AMD_GFX ", " gfx)
    list(APPEND parts "AMD GPUs (${gfx})")
  endif()
  if(TorchCompat_INTEL_GENERATIONS)
    list(JOIN TorchCompat_INTEL_GENERATIONS ", " generations)
    list(APPEND parts "Intel GPUs (${generations})")
  endif()
  list(JOIN parts ", " summary)
  if(TorchCompat_MACHINE_SOURCE)
    string(APPEND summary " [${TorchCompat_MACHINE_SOURCE}]")
  endif()
  set(${out_var} "${summary}" PARENT_SCOPE)
endfunction()

# " [from X]" for a fact's source, "" when there is none.
function(_torchcompat_report_from out_var from)
  if(from)
    set(${out_var} " [from ${from}]" PARENT_SCOPE)
  else()
    set(${out_var} "" PARENT_SCOPE)
  endif()
endfunction()

# The probe's toolkit and cuDNN lines (facts the machine record leaves out).
function(_torchcompat_report_probe_lines out_var probe)
  set(text "${${out_var}}")
  set(toolkit "")
  _torchcompat_verdict_indices(index_list "${probe}" toolkits)
  foreach(index IN LISTS index_list)
    _torchcompat_json_get(selected "${probe}" toolkits ${index} selected)
    if(selected STREQUAL "ON")
      _torchcompat_json_get(version "${probe}" toolkits ${index} version)
      _torchcompat_json_get(root "${probe}" toolkits ${index} root)
      _torchcompat_json_get(from "${probe}" toolkits ${index} source)
      _torchcompat_json_get(via "${probe}" toolkits ${index} found_via)
      set(toolkit "${version} at ${root} [version from ${from}, found via ${via}]")
    endif()
  endforeach()
  if(NOT toolkit)
    _torchcompat_json_get(reason "${probe}" toolkits_status reason)
    set(toolkit "none (${reason})")
  endif()
  _torchcompat_report_line(text "CUDA toolkit" "${toolkit}")
  _torchcompat_json_get(cudnn "${probe}" cudnn version)
  _torchcompat_json_get(cudnn_status "${probe}" cudnn status)
  if(cudnn_status STREQUAL "overridden")
    set(cudnn "${cudnn} [from TORCHCOMPAT_OVERRIDE_CUDNN]")
  elseif(cudnn)
    set(places "")
    foreach(part IN ITEMS header library)
      _torchcompat_json_get(where "${probe}" cudnn ${part})
      if(where)
        list(APPEND places "${part} ${where}")
      endif()
    endforeach()
    list(JOIN places ", " places)
    set(cudnn "${cudnn} [from ${places}]")
  else()
    set(cudnn "none")
  endif()
  _torchcompat_report_line(text "cuDNN" "${cudnn}")
  set(${out_var} "${text}" PARENT_SCOPE)
endfunction()

# _torchcompat_render_report_machine(<out-var> <verdict> <python-json>): the
# "This machine" block, from the report verdict's machine record (each fact
# with its source) and probe answer; <python-json> is the interpreter to show
# (the probe's "python" member, or the one a caller asked itself; "" for none).
function(_torchcompat_render_report_machine out_var verdict python)
  set(text "This machine\n")
  _torchcompat_json_get(known "${verdict}" machine known)
  if(NOT known STREQUAL "ON")
    set(${out_var} "${text}  (torchcompat-probe could not run: nothing is known)\n" PARENT_SCOPE)
    return()
  endif()
  string(JSON probe GET "${verdict}" probe)
  _torchcompat_json_get(host "${probe}" probe host)
  _torchcompat_json_get(time "${probe}" probe time)
  _torchcompat_json_get(cached "${probe}" probe cache machine)
  set(probed "${host} at ${time}")
  if(cached STREQUAL "hit")
    string(APPEND probed " [from the cache]")
  endif()
  _torchcompat_report_line(text "Probed" "${probed}")
  _torchcompat_json_get(source "${verdict}" machine source)
  if(source)
    _torchcompat_report_line(text "Machine" "${source}")
  endif()
  _torchcompat_report_probe_lines(text "${probe}")

  _torchcompat_json_get(driver "${verdict}" machine driver)
  _torchcompat_json_get(driver_cuda "${verdict}" machine driver_cuda)
  if(driver OR driver_cuda)
    _torchcompat_json_get(release_from "${verdict}" machine sources driver)
    _torchcompat_json_get(cuda_from "${verdict}" machine sources driver_cuda)
    _torchcompat_report_from(release_from "${release_from}")
    _torchcompat_report_from(cuda_from "${cuda_from}")
    _torchcompat_report_line(text "NVIDIA driver" "${driver}${release_from}")
    _torchcompat_report_line(text "  supports CUDA" "up to ${driver_cuda}${cuda_from}")
  else()
    _torchcompat_json_get(reason "${verdict}" machine driver_reason)
    _torchcompat_report_line(text "NVIDIA driver" "none (${reason})")
  endif()
  _torchcompat_json_get(gpus_from "${verdict}" machine sources gpus)
  _torchcompat_report_from(gpus_from "${gpus_from}")
  set(gpus "")
  _torchcompat_verdict_indices(index_list "${verdict}" machine gpus)
  foreach(index IN LISTS index_list)
    string(
      JSON
      gpu
      GET
      "${verdict}"
      machine
      gpus
      ${index})
    list(APPEND gpus "${gpu}")
  endforeach()
  if(gpus)
    list(JOIN gpus ", " gpus)
  else()
    _torchcompat_json_get(reason "${verdict}" machine gpu_reason)
    set(gpus "none")
    if(reason)
      set(gpus "none (${reason})")
    endif()
  endif()
  _torchcompat_report_line(text "GPUs" "${gpus}${gpus_from}")
  # AMD and Intel GPUs, as the verdict's machine records them (TorchCompatMachineVendors).
  foreach(vendor IN ITEMS amd intel)
    _torchcompat_json_get(state "${verdict}" machine ${vendor} state)
    if(NOT state)
      continue()
    endif()
    _torchcompat_json_list(descs "${verdict}" machine ${vendor} gpus)
    _torchcompat_json_get(reason "${verdict}" machine ${vendor} reason)
    if(state STREQUAL "gpus")
      list(JOIN descs ", " gpus)
    elseif(state STREQUAL "none")
      set(gpus "none (${reason})")
    else()
      set(gpus "not known (${reason})")
    endif()
    _torchcompat_json_get(from "${probe}" ${vendor} source)
    _torchcompat_report_from(from "${from}")
    set(label "AMD GPUs")
    if(vendor STREQUAL "intel")
      set(label "Intel GPUs")
    endif()
    _torchcompat_report_line(text "${label}" "${gpus}${from}")
  endforeach()

  _torchcompat_json_get(executable "${python}" executable)
  if(executable)
    _torchcompat_json_get(version "${python}" version)
    set(packages "")
    foreach(package IN ITEMS torch torchvision torchaudio)
      _torchcompat_json_get(installed "${python}" ${package})
      if(installed)
        list(APPEND packages "${package} ${installed}")
      endif()
    endforeach()
    if(NOT packages)
      set(packages "no torch packages")
    endif()
    list(JOIN packages ", " packages)
    _torchcompat_report_line(text "Python" "${executable} (Python ${version}): ${packages}")
  elseif(python)
    _torchcompat_json_get(reason "${python}" reason)
    _torchcompat_report_line(text "Python" "none: ${reason}")
  endif()
  string(
    JSON
    overrides
    ERROR_VARIABLE
    missing
    GET
    "${probe}"
    overrides)
  if(NOT missing)
    string(JSON count LENGTH "${overrides}")
    if(count GREATER 0)
      set(items "")
      math(EXPR last "${count} - 1")
      foreach(index RANGE ${last})
        string(JSON name MEMBER "${overrides}" ${index})
        string(JSON value GET "${overrides}" "${name}")
        list(APPEND items "${name}=${value}")
      endforeach()
      list(JOIN items ", " items)
      _torchcompat_report_line(text "Overrides" "${items} (the target machine, not this one)")
    endif()
  endif()
  set(${out_var} "${text}" PARENT_SCOPE)
endfunction()

cmake_policy(POP)
