// Detects the NVIDIA driver (libcuda, its CUDA version, the kernel module's
// release) and the GPUs the driver API reports.
#pragma once

#include <optional>
#include <string>

#include "file_system.hpp"
#include "isolate.hpp"
#include "options.hpp"
#include "report.hpp"

namespace torchcompat {

struct DriverAndGpus {
  Driver driver;
  GpuFindings gpus;
};

// Loads libcuda (and NVML) only inside an isolated child, so a broken driver
// costs only these two results.
DriverAndGpus detect_driver_and_gpus(const Options& options, const FileSystem& fs);

// Exposed for unit tests: the release from the kernel module's text files.
// "550.54.14" from /sys/module/nvidia/version's single line, or from
// /proc/driver/nvidia/version's "NVRM version: NVIDIA UNIX x86_64 Kernel Module  550.54.14  ...".
std::optional<std::string> parse_sys_module_version(const std::string& text);
std::optional<std::string> parse_proc_driver_version(const std::string& text);

// Release string and the file it came from, from /sys then /proc.
struct KernelRelease {
  std::string release;
  std::string source;
};
std::optional<KernelRelease> read_kernel_module_release(const FileSystem& fs);

// The parent's half of the isolated child's line protocol: findings from the
// child's payload (see docs/vendor-detection.md for the keys), completed with
// the kernel module's release from `fs` when NVML gave none.
DriverAndGpus decode_driver_payload(const std::string& payload, const FileSystem& fs);

// The same for a child that crashed or timed out: what it sent before that is
// kept, and the reason names the vendor call it was in.
DriverAndGpus decode_interrupted_driver_run(const IsolatedOutcome& outcome, const FileSystem& fs);

// 12040 -> "12.4"; cuDriverGetVersion's encoding is 1000*major + 10*minor.
std::string decode_cuda_driver_version(int encoded);

// Name of a well-known CUresult ("CUDA_ERROR_NO_DEVICE"), or "" for others.
const char* cu_result_name(int code);

}  // namespace torchcompat
