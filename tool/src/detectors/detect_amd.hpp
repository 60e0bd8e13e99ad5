// AMD GPUs without ROCm: the amdgpu driver's KFD topology in sysfs, read the
// way LLVM's amdgpu-arch reads it, with ROCm's visible-devices variables
// applied, and the ROCm runtime's version file when one is installed.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "primitives/file_system.hpp"
#include "primitives/report.hpp"

namespace torchcompat {

inline constexpr const char* kfd_topology = "/sys/class/kfd/kfd/topology";

AmdFindings detect_amd_gpus(const FileSystem& fs);

// gfx_target_version 110000 -> "gfx1100", 90402 -> "gfx942", 90010 -> "gfx90a":
// major = v / 10000, minor = (v / 100) % 100, stepping = v % 100, the last two
// one hex digit each. "" when v does not decode to such a name.
std::string gfx_name(std::int64_t gfx_target_version);

// The inverse, for overrides: "gfx90a" -> 90010; nullopt for a malformed name.
std::optional<std::int64_t> gfx_target_version_of(const std::string& gfx);

// What the answer depends on, for the machine cache's key: the node files as
// they read now, the visible-devices variables and the ROCm version files.
std::string amd_cache_inputs(const FileSystem& fs);

}  // namespace torchcompat
