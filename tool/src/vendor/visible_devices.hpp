// CUDA_VISIBLE_DEVICES applied to NVML's GPU list the way the CUDA driver
// applies it to its own, so the GPUs a CUDA program would see are known
// without cuInit. Where NVML can't reproduce CUDA's answer (MIG instances,
// CUDA's own device order), it says so and the driver is asked instead.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace torchcompat {

// What CUDA_VISIBLE_DEVICES needs to know of one GPU, in NVML's order (PCI bus order).
struct VisibleCandidate {
  std::string uuid;          // "GPU-8932f937-d72c-4106-c12f-20bd9faed9f6"
  std::string model;         // name and compute capability: GPUs alike in this are ordered alike
  bool mig_enabled = false;  // CUDA enumerates its MIG instances, not the GPU
};

struct VisibleDevices {
  // False: only the driver can say (why_unresolved says what NVML can't reproduce).
  bool resolved = false;
  std::string why_unresolved;
  std::vector<std::size_t> order;  // positions in the candidate list, in CUDA's order
  std::string note;                // an entry that ended the list, and why
};

// `setting` is CUDA_VISIBLE_DEVICES (nullopt when unset); `pci_bus_order` is
// CUDA_DEVICE_ORDER=PCI_BUS_ID. The rules (CUDA's documentation): entries
// are indices, or GPU UUIDs given by a unique prefix starting "GPU-"; the
// GPUs are enumerated in the order given; the first invalid entry hides it and
// every entry after it.
VisibleDevices resolve_visible_devices(const std::optional<std::string>& setting,
                                       const std::vector<VisibleCandidate>& gpus, bool pci_bus_order);

}  // namespace torchcompat
