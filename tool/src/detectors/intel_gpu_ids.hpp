// Intel GPUs by PCI device id: the generation (graphics IP) and the product
// name. The ids are facts copied from the Linux kernel's lists, the names from
// the PCI ID Repository; sources in intel_gpu_ids.cpp.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "primitives/report.hpp"

namespace torchcompat {

struct IntelGpuId {
  std::uint16_t device_id;
  const char* generation;  // "Gen9", "Gen11", "Xe-LP", "Xe-HPG", "Xe-LPG", "Xe-HPC", "Xe2-LPG", "Xe2-HPG"
  const char* name;        // nullptr where the PCI ID Repository names none
};

// nullopt for an id the table lacks: unknown, never its neighbour's entry.
std::optional<IntelGpuId> find_intel_gpu(std::uint16_t device_id);

// "0x56a0" (any case) -> 0x56a0; nullopt unless 0x and four hex digits.
std::optional<unsigned> parse_pci_id(const std::string& text);

// Fills name and generation from the table (left empty for an unknown id).
void name_intel_gpu(IntelGpu& gpu);

}  // namespace torchcompat
