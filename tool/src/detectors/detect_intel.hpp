// Intel GPUs from PCI/DRM sysfs: each /sys/class/drm/cardN whose PCI device
// is Intel's (vendor 0x8086) and a display controller (class 0x03xxxx), named
// from the probe's table, with the bound kernel driver and ZE_AFFINITY_MASK
// applied. Reading these attributes wakes no GPU: the kernel answers them
// from the PCI configuration it saved at boot.
#pragma once

#include <optional>
#include <string>

#include "primitives/file_system.hpp"
#include "primitives/report.hpp"

namespace torchcompat {

inline constexpr const char* drm_class = "/sys/class/drm";

IntelFindings detect_intel_gpus(const FileSystem& fs);

// Fills name and generation from the table (left empty for an unknown id).
void name_intel_gpu(IntelGpu& gpu);

// "0x56a0" (any case) -> 0x56a0; nullopt unless 0x and four hex digits.
std::optional<unsigned> parse_pci_id(const std::string& text);

// What the answer depends on, for the machine cache's key.
std::string intel_cache_inputs(const FileSystem& fs);

}  // namespace torchcompat
