#[=======================================================================[.rst:
TorchCompatDetect
-----------------

Detects, at configure time, what this machine has: CUDA toolkit, NVIDIA
driver, GPUs, cuDNN, and Python's torch packages, by running
``torchcompat-probe`` once per configure (and set of inputs: toolkit root,
overrides, Python interpreter, the probe itself). The probe's own per-user
cache answers a warm run in milliseconds and checks the files its answer came
from, so a driver, toolkit, cuDNN or Python change, even in place, is seen by
the next re-configure of the same build folder.

.. command:: torchcompat_detect

  .. code-block:: cmake

    torchcompat_detect([REFRESH] [QUIET])

  ``REFRESH``
    Run the probe again even if it already answered in this configure.
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
  The visible GPUs: how many, and the names of those whose compute capability
  is known (``GPU <index>`` for one without a name). Names are made safe as
  list items: ``;`` becomes ``,``, ``[`` ``]`` become ``(`` ``)``, ``\`` becomes ``/``.
``TorchCompat_GPU_ARCHS``
  Their compute capabilities, one per distinct capability (``8.6;9.0``). A GPU
  whose driver reported a nonsense capability counts in ``TorchCompat_GPU_COUNT``
  but has none here.
``TorchCompat_MACHINE_SOURCE``
  Which machine the driver, GPU and cuDNN answers describe: empty for this
  one, ``target profile <file>, probed on <host> at <time>`` for a target
  profile. The guard and the report name it in their messages.
``TorchCompat_CUDNN_VERSION``
  cuDNN (``9.1.0``).
``TorchCompat_AMD_GFX``, ``TorchCompat_AMD_GPU_COUNT``
  The AMD GPUs (from the amdgpu driver's KFD topology, a target profile or
  ``TORCHCOMPAT_OVERRIDE_AMD_GFX``): their distinct architectures
  (``gfx1100;gfx942``; a GPU whose architecture the probe could not decode
  counts but has none here), and how many.
``TorchCompat_INTEL_GENERATIONS``, ``TorchCompat_INTEL_GPU_COUNT``
  The Intel GPUs (PCI/DRM sysfs, a target profile or
  ``TORCHCOMPAT_OVERRIDE_INTEL_GPUS``): their distinct known generations
  (``Xe-HPG``), and how many.
``TorchCompat_PYTHON_EXECUTABLE``, ``TorchCompat_PYTHON_TORCH_VERSION``,
``TorchCompat_PYTHON_TORCHVISION_VERSION``, ``TorchCompat_PYTHON_TORCHAUDIO_VERSION``
  The interpreter asked and the torch packages it has (``2.4.0+cu121``).
``TorchCompat_PROBE_JSON``
  The probe's whole answer (see ``docs/probe.md``); with a target profile, the
  profile's driver, GPUs and cuDNN in it.

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
``TORCHCOMPAT_TARGET_PROFILE``
  A probe answer (``torchcompat-probe --format json``) saved on the machine the
  build is for. Its driver, CUDA version, GPUs and cuDNN replace this
  machine's; the toolkit stays this machine's and Python is asked of neither.
  A file that is no probe answer of ``schema_version`` 1 with ``probe.host``
  and ``probe.time``, or that holds nonsense, is a fatal error. It can't be
  combined with ``TORCHCOMPAT_OVERRIDE_DRIVER``, ``_CUDA``, ``_GPU_ARCHS`` or
  ``_CUDNN``. See ``docs/probe.md`` for the Docker multi-stage recipe.
#]=======================================================================]

include_guard(GLOBAL)
# The module's own policies, also when included by a cmake -P script that set none.
cmake_policy(PUSH)
cmake_policy(VERSION 3.22...4.4)

include("${CMAKE_CURRENT_LIST_DIR}/Internal/machine/TorchCompatMachine.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/Internal/machine/TorchCompatProbeAnswer.cmake")

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

cmake_policy(POP)
