// AMD GPUs without ROCm: the amdgpu driver's KFD topology in sysfs, read the
// way LLVM's amdgpu-arch reads it, with ROCm's visible-devices variables
// applied, and the ROCm runtime's version file when one is installed.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "detectors/gfx_names.hpp"
#include "primitives/file_system.hpp"
#include "primitives/report.hpp"

namespace torchcompat {

inline constexpr const char* kfd_topology = "/sys/class/kfd/kfd/topology";

AmdFindings detect_amd_gpus(const FileSystem& fs);

// What the answer depends on, for the machine cache's key: the node files as
// they read now, the visible-devices variables and the ROCm version files.
std::string amd_cache_inputs(const FileSystem& fs);

}  // namespace torchcompat
