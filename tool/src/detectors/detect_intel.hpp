// Intel GPUs from PCI/DRM sysfs: each /sys/class/drm/cardN whose PCI device
// is Intel's (vendor 0x8086) and a display controller (class 0x03xxxx), named
// from the probe's table, with the bound kernel driver and ZE_AFFINITY_MASK
// applied. Reading these attributes wakes no GPU: the kernel answers them
// from the PCI configuration it saved at boot.
#pragma once

#include <optional>
#include <string>

#include "detectors/intel_gpu_ids.hpp"
#include "primitives/file_system.hpp"
#include "primitives/options.hpp"
#include "primitives/report.hpp"
#include "vendor/level_zero_child.hpp"

namespace torchcompat {

inline constexpr const char* drm_class = "/sys/class/drm";

// What sysfs says (Level Zero not asked).
IntelFindings detect_intel_gpus(const FileSystem& fs);

// Asks Level Zero, in an isolated child, which of the GPUs sysfs found it can
// use, and marks them (level_zero). Not asked when sysfs found no Intel GPU,
// nor when any DRM card (hidden, or another vendor's, too) is runtime-suspended
// (power/runtime_status): the runtime opens them all, and that would wake it. What happened is added to the reason; sysfs's answer stays.
void ask_level_zero_about(const Options& options, const FileSystem& fs, IntelFindings& findings);

// The matching, apart: each Level Zero GPU marks the first unmarked GPU with its device id.
void confirm_with_level_zero(const LevelZeroAnswer& answer, IntelFindings& findings);

// What the answer depends on, for the machine cache's key.
std::string intel_cache_inputs(const FileSystem& fs);

}  // namespace torchcompat
