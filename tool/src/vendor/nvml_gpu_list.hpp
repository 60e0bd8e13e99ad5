// NVML's GPU list, as a CUDA program would see it: CUDA_VISIBLE_DEVICES
// applied, each value checked; or why NVML can't answer for CUDA, in which
// case the driver API is asked (docs/vendor-detection.md).
#pragma once

#include <optional>
#include <string>

#include "isolation/child_payload.hpp"
#include "primitives/file_system.hpp"
#include "primitives/report.hpp"

namespace torchcompat {

struct NvmlGpuList {
  std::optional<GpuFindings> gpus;  // nullopt: NVML can't answer for CUDA; why_not says why
  std::string why_not;
};

NvmlGpuList nvml_gpu_list(const PayloadEntries& entries, const FileSystem& fs);

}  // namespace torchcompat
