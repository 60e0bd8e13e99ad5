// Intel GPUs by PCI device id: the generation (graphics IP) and the product
// name. The ids are facts copied from the Linux kernel's lists, the names from
// the PCI ID Repository; sources in intel_gpu_ids.cpp.
#pragma once

#include <cstdint>
#include <optional>

namespace torchcompat {

struct IntelGpuId {
  std::uint16_t device_id;
  const char* generation;  // "Gen9", "Gen11", "Xe-LP", "Xe-HPG", "Xe-LPG", "Xe-HPC", "Xe2-LPG", "Xe2-HPG"
  const char* name;        // nullptr where the PCI ID Repository names none
};

// nullopt for an id the table lacks: unknown, never its neighbour's entry.
std::optional<IntelGpuId> find_intel_gpu(std::uint16_t device_id);

}  // namespace torchcompat
