#[=======================================================================[.rst:
TorchCompatDetect
-----------------

Detects, at configure time, what this machine has: CUDA toolkit, NVIDIA
driver, GPUs, cuDNN, and Python's torch packages, by running
``torchcompat-probe`` once. The answer is cached; the probe runs again only
when an input changes (the toolkit root, an override, the Python interpreter,
the probe itself) or when asked to.

.. command:: torchcompat_detect

  .. code-block:: cmake

    torchcompat_detect([REFRESH] [QUIET])

  ``REFRESH``
    Run the probe even if a cached answer exists.
  ``QUIET``
    No status line.

  A probe that cannot be built or run gives a warning, not a failed
  configure; the result variables are then empty and
  ``TorchCompat_DETECT_OK`` is false.

Result variables
^^^^^^^^^^^^^^^^

``TorchCompat_DETECT_OK``
  True when the probe ran.
``TorchCompat_CUDA_TOOLKIT_VERSION``, ``TorchCompat_CUDA_TOOLKIT_ROOT``
  The selected CUDA toolkit (``12.4.131``, ``/usr/local/cuda-12.4``).
``TorchCompat_DRIVER_VERSION``
  The NVIDIA driver release (``550.54.14``).
``TorchCompat_DRIVER_CUDA_VERSION``
  The newest CUDA version the driver supports (``12.4``).
``TorchCompat_DRIVER_STATUS``
  ``found``, ``not_found``, ``error``, ``crashed``, ``timed_out`` or ``overridden``.
``TorchCompat_GPU_COUNT``, ``TorchCompat_GPU_NAMES``
  The visible GPUs.
``TorchCompat_GPU_ARCHS``
  Their compute capabilities, one per distinct capability (``8.6;9.0``).
``TorchCompat_CUDNN_VERSION``
  cuDNN (``9.1.0``).
``TorchCompat_PYTHON_EXECUTABLE``, ``TorchCompat_PYTHON_TORCH_VERSION``,
``TorchCompat_PYTHON_TORCHVISION_VERSION``, ``TorchCompat_PYTHON_TORCHAUDIO_VERSION``
  The interpreter asked and the torch packages it has (``2.4.0+cu121``).
``TorchCompat_PROBE_JSON``
  The probe's whole answer (see ``docs/probe.md``).

Cache variables (each also read from the environment; the cache wins)
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^

``TORCHCOMPAT_OVERRIDE_DRIVER``, ``TORCHCOMPAT_OVERRIDE_CUDA``,
``TORCHCOMPAT_OVERRIDE_GPU_ARCHS``, ``TORCHCOMPAT_OVERRIDE_CUDNN``,
``TORCHCOMPAT_OVERRIDE_TOOLKIT``
  Describe a target machine instead of this one (a GPU-less builder). An empty
  ``TORCHCOMPAT_OVERRIDE_GPU_ARCHS`` means "no GPU".
``TORCHCOMPAT_CUDA_ROOT``
  The toolkit to use. Defaults to the one of ``CMAKE_CUDA_COMPILER``, then
  ``CUDAToolkit_ROOT``, then the probe's own search.
``TORCHCOMPAT_PYTHON``
  The interpreter whose torch packages are reported; defaults to
  ``Python3_EXECUTABLE``, ``Python_EXECUTABLE``, then ``python3`` on ``PATH``.
  ``OFF`` skips Python.
``TORCHCOMPAT_PROBE_TIMEOUT``
  Seconds a vendor library may take before its detector is abandoned (default 5).
``TORCHCOMPAT_PROBE_EXECUTABLE``
  A prebuilt probe to use instead of building one.
#]=======================================================================]

include_guard(GLOBAL)

include("${CMAKE_CURRENT_LIST_DIR}/Internal/TorchCompatJson.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/Internal/TorchCompatProbe.cmake")

# Lists kept in global properties, not variables: the commands may be called from
# a directory scope that never saw this module's variables (add_subdirectory).
set_property(
  GLOBAL
  PROPERTY TORCHCOMPAT_OVERRIDE_NAMES TORCHCOMPAT_OVERRIDE_DRIVER TORCHCOMPAT_OVERRIDE_CUDA
           TORCHCOMPAT_OVERRIDE_GPU_ARCHS TORCHCOMPAT_OVERRIDE_CUDNN TORCHCOMPAT_OVERRIDE_TOOLKIT)
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
           TorchCompat_PYTHON_EXECUTABLE
           TorchCompat_PYTHON_TORCH_VERSION
           TorchCompat_PYTHON_TORCHVISION_VERSION
           TorchCompat_PYTHON_TORCHAUDIO_VERSION
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

function(_torchcompat_probe_arguments out_var)
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
  if(DEFINED TORCHCOMPAT_PYTHON AND NOT TORCHCOMPAT_PYTHON)
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
function(_torchcompat_detect_key out_var probe arguments assignments)
  file(TIMESTAMP "${probe}" probe_stamp "%s" UTC)
  set(key "${probe}:${probe_stamp}|${arguments}|${assignments}")
  foreach(
    name IN
    ITEMS CUDAToolkit_ROOT
          CUDA_PATH
          CUDA_HOME
          CUDNN_ROOT
          CUDNN_HOME
          PATH
          LD_LIBRARY_PATH
          CUDA_VISIBLE_DEVICES)
    string(APPEND key "|${name}=$ENV{${name}}")
  endforeach()
  string(SHA256 key "${key}")
  set(${out_var} "${key}" PARENT_SCOPE)
endfunction()

# Runs the probe (or reuses its cached answer); sets out_var to its JSON or "".
function(_torchcompat_probe_json out_var refresh)
  _torchcompat_probe_executable(probe)
  if(NOT probe)
    set(${out_var} "" PARENT_SCOPE)
    return()
  endif()
  _torchcompat_probe_arguments(arguments)
  _torchcompat_override_assignments(assignments)
  _torchcompat_detect_key(key "${probe}" "${arguments}" "${assignments}")
  if(NOT refresh AND key STREQUAL "${_TORCHCOMPAT_DETECT_KEY}")
    set(${out_var} "${_TORCHCOMPAT_DETECT_JSON}" PARENT_SCOPE)
    return()
  endif()

  execute_process(
    COMMAND "${CMAKE_COMMAND}" -E env ${assignments} "${probe}" ${arguments}
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
    set(${out_var} "" PARENT_SCOPE)
    return()
  endif()
  # A cache entry holds one line; JSON outside strings needs no newlines.
  string(REPLACE "\n" "" json "${json}")
  set(_TORCHCOMPAT_DETECT_KEY "${key}" CACHE INTERNAL "inputs of the cached probe answer")
  set(_TORCHCOMPAT_DETECT_JSON "${json}" CACHE INTERNAL "the cached probe answer")
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

# One entry per GPU of a probe answer, in index order: its compute capability,
# a description for messages ("GPU 1 (NVIDIA A100, sm 8.0)") and its name.
function(_torchcompat_probe_gpus json archs_var descs_var names_var)
  set(archs "")
  set(descs "")
  set(names "")
  string(JSON count ERROR_VARIABLE error LENGTH "${json}" gpus)
  if(NOT error AND count GREATER 0)
    math(EXPR last "${count} - 1")
    foreach(index RANGE ${last})
      _torchcompat_json_get(arch "${json}" gpus ${index} compute_capability)
      _torchcompat_json_get(name "${json}" gpus ${index} name)
      list(APPEND archs "${arch}")
      list(APPEND names "${name}")
      if(name)
        list(APPEND descs "GPU ${index} (${name}, sm ${arch})")
      else()
        list(APPEND descs "GPU ${index} (sm ${arch})")
      endif()
    endforeach()
  endif()
  set(${archs_var} "${archs}" PARENT_SCOPE)
  set(${descs_var} "${descs}" PARENT_SCOPE)
  set(${names_var} "${names}" PARENT_SCOPE)
endfunction()

function(_torchcompat_gpu_lists json archs_var names_var count_var)
  _torchcompat_probe_gpus("${json}" archs descs names)
  list(LENGTH archs count)
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
  _torchcompat_selected_toolkit("${json}" TorchCompat_CUDA_TOOLKIT_VERSION
                                TorchCompat_CUDA_TOOLKIT_ROOT)
  _torchcompat_json_get(TorchCompat_DRIVER_VERSION "${json}" driver release)
  _torchcompat_json_get(TorchCompat_DRIVER_CUDA_VERSION "${json}" driver cuda_version)
  _torchcompat_json_get(TorchCompat_DRIVER_STATUS "${json}" driver status)
  _torchcompat_gpu_lists("${json}" TorchCompat_GPU_ARCHS TorchCompat_GPU_NAMES
                         TorchCompat_GPU_COUNT)
  _torchcompat_json_get(TorchCompat_CUDNN_VERSION "${json}" cudnn version)
  _torchcompat_json_get(TorchCompat_PYTHON_EXECUTABLE "${json}" python executable)
  _torchcompat_json_get(TorchCompat_PYTHON_TORCH_VERSION "${json}" python torch)
  _torchcompat_json_get(TorchCompat_PYTHON_TORCHVISION_VERSION "${json}" python torchvision)
  _torchcompat_json_get(TorchCompat_PYTHON_TORCHAUDIO_VERSION "${json}" python torchaudio)
  set(TorchCompat_PROBE_JSON "${json}")
  get_property(variables GLOBAL PROPERTY TORCHCOMPAT_RESULT_VARIABLES)
  foreach(variable IN LISTS variables)
    set(${variable} "${${variable}}" PARENT_SCOPE)
  endforeach()
endfunction()

function(torchcompat_detect)
  cmake_parse_arguments(PARSE_ARGV 0 arg "REFRESH;QUIET" "" "")
  if(arg_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "TorchCompat: torchcompat_detect() does not take "
                        "'${arg_UNPARSED_ARGUMENTS}'. It takes REFRESH and QUIET.")
  endif()
  set(refresh FALSE)
  if(arg_REFRESH)
    set(refresh TRUE)
  endif()
  _torchcompat_probe_json(json ${refresh})
  _torchcompat_publish_detection("${json}")
  if(NOT arg_QUIET AND TorchCompat_DETECT_OK)
    _torchcompat_detection_summary(summary)
    message(STATUS "TorchCompat: ${summary}")
  endif()
  get_property(variables GLOBAL PROPERTY TORCHCOMPAT_RESULT_VARIABLES)
  foreach(variable IN LISTS variables)
    set(${variable} "${${variable}}" PARENT_SCOPE)
  endforeach()
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
  list(JOIN parts ", " summary)
  set(${out_var} "${summary}" PARENT_SCOPE)
endfunction()
