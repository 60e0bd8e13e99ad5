// The probe's findings: what each detector found, where it found it, and,
// when it found nothing, why. Detection fills this; renderers only read it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace torchcompat {

// One schema for every detector's outcome, so renderers treat them alike.
//   found       the thing exists and its version was read
//   not_found   nothing there (a normal answer, not an error)
//   error       something is there but could not be read (reason says what)
//   crashed     the isolated detector died on a signal (reason names it)
//   timed_out   the isolated detector ran past its limit
//   overridden  the value comes from a TORCHCOMPAT_OVERRIDE_* setting
enum class Status { found, not_found, error, crashed, timed_out, overridden };

const char* to_string(Status status);

struct Toolkit {
  std::string version;    // "12.4" or "12.4.131"; empty when unreadable
  std::string root;       // the toolkit directory
  std::string source;     // file the version came from: "version.json", "version.txt",
                          // "include/cuda.h", "nvcc --version", or "override"
  std::string found_via;  // why this root was looked at: "CUDAToolkit_ROOT", "CUDA_PATH",
                          // "PATH (nvcc)", "/usr/local/cuda", "--cuda-root", ...
  std::string reason;     // why version is empty, when it is
  bool selected = false;  // the one a CMake FindCUDAToolkit would pick
};

struct ToolkitFindings {
  Status status = Status::not_found;
  std::string reason;
  std::vector<Toolkit> toolkits;  // in precedence order
};

struct Driver {
  Status status = Status::not_found;
  std::string reason;
  std::string release;         // "550.54.14"
  std::string release_source;  // "NVML", "/sys/module/nvidia/version", "/proc/driver/nvidia/version", "override"
  std::string cuda_version;    // "12.4", from cuDriverGetVersion (1000*major + 10*minor)
  std::string library;         // path of the libcuda actually loaded
  std::optional<int> cu_init_error;  // cuInit's CUresult when not CUDA_SUCCESS
  bool forward_compat = false;  // libcuda's CUDA version differs from what the release implies
  std::string cuda_version_source;  // "cuDriverGetVersion", "NVML", "override"
  bool cu_init_called = false;      // cuInit ran (NVML could not list the GPUs)
};

struct Gpu {
  int index = 0;
  std::string name;
  int cc_major = 0;  // 0: unknown (the value reported was out of range)
  int cc_minor = 0;
  std::uint64_t memory_bytes = 0;  // 0: unknown
  std::string uuid;                // "GPU-..." from NVML; empty from the driver API
};

struct GpuFindings {
  Status status = Status::not_found;
  std::string reason;
  std::string source;  // "NVML", "driver API" or "override"
  std::vector<Gpu> gpus;
};

// One AMD GPU node of the amdgpu driver's KFD topology, as ROCm would number it.
struct AmdGpu {
  int index = 0;                           // ROCm ordinal after ROCR_/HIP_VISIBLE_DEVICES
  std::optional<int> node;                 // the KFD topology node id; none for an override
  std::string gfx;                         // "gfx1100"; empty when gfx_target_version can't be decoded
  std::int64_t gfx_target_version = 0;     // as the driver states it, 110000
  std::optional<std::int64_t> vendor_id;   // 4098 (0x1002)
  std::optional<std::int64_t> device_id;   // the PCI device id
  std::optional<std::int64_t> simd_count;  // none for an override
  std::string name;                        // empty: the probe has no name for it
};

struct AmdFindings {
  Status status = Status::not_found;
  std::string reason;
  std::string source;           // "/sys/class/kfd/kfd/topology" or "override"
  std::string visible_devices;  // "ROCR_VISIBLE_DEVICES=0,1; HIP_VISIBLE_DEVICES=1" as applied
  std::string runtime_version;  // the ROCm runtime's "6.2.0"; empty when none is installed
  std::string runtime_source;   // the version file it was read from
  std::vector<AmdGpu> gpus;
};

// One Intel display-class PCI device listed by DRM.
struct IntelGpu {
  int index = 0;           // Level Zero ordinal after ZE_AFFINITY_MASK
  std::string card;        // "card0"
  std::string device_id;   // "0x56a0"
  std::string name;        // "Arc A770"; empty for an id the probe's table lacks
  std::string generation;  // "Xe-HPG"; empty for an id the probe's table lacks
  std::string driver;      // "i915", "xe"; empty when no driver is bound
  bool level_zero = false; // Level Zero (in an isolated child) confirmed it
};

struct IntelFindings {
  Status status = Status::not_found;
  std::string reason;
  std::string source;         // "/sys/class/drm" or "override"
  std::string affinity_mask;  // ZE_AFFINITY_MASK as applied
  std::vector<IntelGpu> gpus;
};

struct Cudnn {
  Status status = Status::not_found;
  std::string reason;
  std::string version;          // the one to believe: library's if loaded, else header's
  std::string header;           // path of the header the version came from
  std::string header_version;   // "9.19.0"
  std::string library;          // path of the libcudnn loaded
  std::string library_version;  // from cudnnGetVersion
  bool mismatch = false;        // header and library disagree
};

struct PythonPackage {
  std::string version;   // "2.4.0+cu121", local part kept
  std::string location;  // the metadata directory it was read from
};

struct Python {
  Status status = Status::not_found;
  std::string reason;
  std::string executable;
  std::string version;  // the interpreter's "3.11.2"
  std::optional<PythonPackage> torch;
  std::optional<PythonPackage> torchvision;
  std::optional<PythonPackage> torchaudio;
  std::vector<std::string> search_path;  // the interpreter's sys.path (not rendered; the cache keys on it)
};

struct Override {
  std::string name;   // "TORCHCOMPAT_OVERRIDE_DRIVER"
  std::string value;  // as given; empty is meaningful for GPU_ARCHS ("no GPU")
};

// Where and when the answer was probed, and whether it came from the cache.
struct ProbeRun {
  std::string host;          // the machine's host name
  std::string time;          // when the machine was probed, UTC, "2026-11-27T13:50:27Z"
  std::string machine_cache;  // "hit", "miss" (probed and stored), "off" (--no-cache), "unavailable"
  std::string python_cache;   // the same for the Python answer; "skipped" when Python wasn't asked
};

struct Report {
  static constexpr int schema_version = 1;
  ProbeRun run;
  ToolkitFindings toolkits;
  Driver driver;
  GpuFindings gpus;
  Cudnn cudnn;
  Python python;
  std::vector<Override> overrides;
  AmdFindings amd;
  IntelFindings intel;
  std::string glibc;  // "2.36"; empty where the C library is not glibc
};

}  // namespace torchcompat
