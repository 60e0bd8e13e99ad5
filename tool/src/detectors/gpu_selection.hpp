// The variables that hide GPUs from ROCm (ROCR_VISIBLE_DEVICES, then
// HIP_VISIBLE_DEVICES or CUDA_VISIBLE_DEVICES on top) and from Level Zero
// (ZE_AFFINITY_MASK), applied to the GPUs sysfs lists, so the probe reports
// the GPUs a ROCm or XPU build of torch would see. Which forms are understood
// is in docs/probe.md ("AMD and Intel GPUs").
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "primitives/file_system.hpp"

namespace torchcompat {

struct GpuSelection {
  bool ok = true;              // false: a value could not be applied (problem says why)
  std::string problem;
  std::vector<std::size_t> order;  // positions in the list given, in the runtime's order
  std::string applied;             // "ROCR_VISIBLE_DEVICES=0,2; HIP_VISIBLE_DEVICES=1"; empty when none was set
  std::string note;                // entries that were ignored, and why
};

// ROCm (docs "GPU isolation techniques"): ROCR_VISIBLE_DEVICES selects from
// the GPU agents in KFD order, read exactly as ROCr's filter reads it (indices
// or UUID prefixes; gpu_selection.cpp says how); HIP_VISIBLE_DEVICES (else,
// or when it is empty, CUDA_VISIBLE_DEVICES) selects from what ROCR left, as
// HIP reads it: empty is no list, device indices in the order given, the
// first entry that is no exact index or is out of range ends the list, a
// repeated one counts once, and an entry with letters is refused (ok false).
// `unique_ids` are the GPU nodes' KFD unique_id, in KFD order (0: none).
GpuSelection select_rocm_gpus(const FileSystem& fs, const std::vector<std::uint64_t>& unique_ids);

// Level Zero: ZE_AFFINITY_MASK lists device indices, or device.sub-device
// (which exposes the device); devices keep their order. Indices past the last
// device are ignored; an empty value is the same as none.
GpuSelection select_level_zero_gpus(const FileSystem& fs, std::size_t gpu_count);

}  // namespace torchcompat
