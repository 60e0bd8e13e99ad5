# A target profile (saved on the deployment machine) with a Jetson-class GPU:
# the guard's failure says which machine it checked, and the selector's line
# names it too.
set(profile "${CMAKE_BINARY_DIR}/target.json")
file(
  WRITE "${profile}"
  [=[{"schema_version": 1,
 "probe": {"version": "0.1.0", "host": "orin-3", "time": "2026-11-20T08:15:00Z",
           "cache": {"machine": "miss", "python": "miss"}},
 "toolkits": [], "toolkits_status": {"status": "not_found", "reason": "none"},
 "driver": {"status": "found", "reason": null, "release": "535.104.05", "release_source": "NVML",
            "cuda_version": "12.2", "library": "/usr/lib/aarch64-linux-gnu/libcuda.so.1",
            "cu_init_error": null, "forward_compat": false, "cuda_version_source": "cuDriverGetVersion",
            "cu_init_called": false},
 "gpus": [{"index": 0, "name": "Orin", "compute_capability": "8.7",
           "memory_bytes": 32000000000, "uuid": "GPU-1"}],
 "gpus_status": {"status": "found", "reason": null, "source": "NVML"},
 "cudnn": {"status": "not_found", "reason": "none", "version": null, "header": null,
           "header_version": null, "library": null, "library_version": null, "mismatch": false},
 "python": {"status": "not_found", "reason": "none", "executable": null, "version": null,
            "torch": null, "torchvision": null, "torchaudio": null,
            "locations": {"torch": null, "torchvision": null, "torchaudio": null}},
 "overrides": {}}]=])
set(TORCHCOMPAT_TARGET_PROFILE "${profile}")
torchcompat_require(TORCH 2.4.0 VARIANT cu124 RESULT_VARIABLE ok MESSAGE_VARIABLE text)
if(ok
   OR NOT
      text
      MATCHES
      "Checked against: NVIDIA driver 535\\.104\\.05[^\n]*\\[target profile [^\n]*target\\.json, probed on orin-3 at 2026-11-20T08:15:00Z\\]"
)
  message(FATAL_ERROR "the failure does not name the target machine:\n${text}")
endif()
torchcompat_select_libtorch(
  VERSION 2.4.0
  PLATFORM linux
  ARCH x86_64
  URL_VARIABLE url
  VARIANT_VARIABLE variant RESULT_VARIABLE selected MESSAGE_VARIABLE why)
if(NOT variant STREQUAL "cpu" OR NOT why MATCHES "probed on orin-3")
  message(FATAL_ERROR "the selection does not name the target machine (${variant}):\n${why}")
endif()
