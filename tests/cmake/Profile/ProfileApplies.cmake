# A target profile saved on the deployment machine answers for its driver,
# GPUs and cuDNN; the toolkit stays this machine's, Python is asked of neither.
set(profile "${CMAKE_BINARY_DIR}/target.json")
file(
  WRITE "${profile}"
  [=[{"schema_version": 1,
 "probe": {"version": "0.1.0", "host": "gpu-node-7", "time": "2026-11-20T08:15:00Z",
           "cache": {"machine": "miss", "python": "miss"}},
 "toolkits": [], "toolkits_status": {"status": "not_found", "reason": "none"},
 "driver": {"status": "found", "reason": null, "release": "535.104.05", "release_source": "NVML",
            "cuda_version": "12.2", "library": "/usr/lib/x86_64-linux-gnu/libcuda.so.1",
            "cu_init_error": null, "forward_compat": false, "cuda_version_source": "cuDriverGetVersion",
            "cu_init_called": false},
 "gpus": [{"index": 0, "name": "NVIDIA RTX A6000", "compute_capability": "8.6",
           "memory_bytes": 51527024640, "uuid": "GPU-1"},
          {"index": 1, "name": "NVIDIA H100 80GB HBM3", "compute_capability": "9.0",
           "memory_bytes": 85520809984, "uuid": "GPU-2"}],
 "gpus_status": {"status": "found", "reason": null, "source": "NVML"},
 "cudnn": {"status": "found", "reason": null, "version": "8.9.6", "header": null,
           "header_version": null, "library": null, "library_version": null, "mismatch": false},
 "python": {"status": "found", "reason": null, "executable": "/opt/conda/bin/python3",
            "version": "3.11.2", "torch": "2.4.0", "torchvision": null, "torchaudio": null,
            "locations": {"torch": null, "torchvision": null, "torchaudio": null}},
 "overrides": {}}]=])
set(TORCHCOMPAT_TARGET_PROFILE "${profile}")
set(TORCHCOMPAT_PYTHON python3)
torchcompat_detect()
set(expected "535.104.05|12.2|8.6;9.0|2|8.9.6|")
set(actual
    "${TorchCompat_DRIVER_VERSION}|${TorchCompat_DRIVER_CUDA_VERSION}|${TorchCompat_GPU_ARCHS}|${TorchCompat_GPU_COUNT}|${TorchCompat_CUDNN_VERSION}|${TorchCompat_PYTHON_EXECUTABLE}"
)
if(NOT actual STREQUAL expected)
  message(FATAL_ERROR "profile answers: ${actual}, expected ${expected}")
endif()
if(NOT TorchCompat_MACHINE_SOURCE STREQUAL
   "target profile ${profile}, probed on gpu-node-7 at 2026-11-20T08:15:00Z")
  message(FATAL_ERROR "machine source: ${TorchCompat_MACHINE_SOURCE}")
endif()
if(NOT TorchCompat_CUDA_TOOLKIT_VERSION)
  message(FATAL_ERROR "the toolkit is this machine's, and this machine has one")
endif()
