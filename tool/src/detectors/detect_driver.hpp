// Detects the NVIDIA driver (its release, the CUDA version it supports, the
// libcuda a program would load) and the GPUs a CUDA program would see, asking
// the cheapest source first (docs/vendor-detection.md has the order and costs):
// the kernel module's files, then NVML, then libcuda without cuInit; cuInit
// only where NVML can't list the GPUs.
#pragma once

#include <optional>
#include <string>

#include "vendor/driver_names.hpp"
#include "primitives/file_system.hpp"
#include "isolation/isolate.hpp"
#include "primitives/options.hpp"
#include "primitives/report.hpp"

namespace torchcompat {

struct DriverAndGpus {
  Driver driver;
  GpuFindings gpus;
};

// NVML and libcuda are loaded only inside isolated children (one each, each
// with its own time limit), so a broken driver costs only these two results.
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

// Whether the NVML child's payload lists the GPUs a CUDA program would see
// (CUDA_VISIBLE_DEVICES from `fs` applied); when not, `why_not` says why and
// the libcuda child must call cuInit.
bool nvml_lists_gpus(const std::string& nvml_payload, const FileSystem& fs, std::string& why_not);

// The parent's half of the children's line protocol: findings from both
// children's payloads, one after the other (see docs/vendor-detection.md for
// the keys), completed with the kernel module's release from `fs`.
DriverAndGpus decode_driver_payload(const std::string& payload, const FileSystem& fs);

// The same for a child that crashed or timed out: what it sent before that is
// kept, and the reason names the vendor call it was in.
DriverAndGpus decode_interrupted_driver_run(const IsolatedOutcome& outcome, const FileSystem& fs);

// 12040 -> "12.4"; cuDriverGetVersion's encoding is 1000*major + 10*minor.
std::string decode_cuda_driver_version(int encoded);

}  // namespace torchcompat
