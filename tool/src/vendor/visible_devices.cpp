#include "visible_devices.hpp"

#include <algorithm>
#include <cctype>

namespace torchcompat {

namespace {

std::string trim(const std::string& text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return {};
  const auto last = text.find_last_not_of(" \t");
  return text.substr(first, last - first + 1);
}

std::vector<std::string> entries_of(const std::string& setting) {
  std::vector<std::string> entries;
  std::size_t start = 0;
  for (;;) {
    const auto comma = setting.find(',', start);
    entries.push_back(trim(setting.substr(start, comma == std::string::npos ? std::string::npos : comma - start)));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return entries;
}

bool all_digits(const std::string& text) {
  return !text.empty() && text.size() <= 9 &&
         std::all_of(text.begin(), text.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

// FASTEST_FIRST, CUDA's default, orders GPUs by a heuristic NVIDIA doesn't
// publish; GPUs that are all alike fall back to PCI bus order, which is NVML's.
bool order_matches_nvml(const std::vector<VisibleCandidate>& gpus, bool pci_bus_order) {
  if (pci_bus_order) return true;
  return std::all_of(gpus.begin(), gpus.end(), [&](const VisibleCandidate& gpu) { return gpu.model == gpus.front().model; });
}

std::optional<std::size_t> by_uuid_prefix(const std::string& prefix, const std::vector<VisibleCandidate>& gpus,
                                          std::string& why_not) {
  std::optional<std::size_t> match;
  for (std::size_t i = 0; i < gpus.size(); ++i) {
    if (gpus[i].uuid.compare(0, prefix.size(), prefix) != 0) continue;
    if (match) {
      why_not = "is the start of more than one GPU's UUID";
      return std::nullopt;
    }
    match = i;
  }
  if (!match) why_not = "matches no GPU's UUID";
  return match;
}

VisibleDevices unresolved(std::string why) {
  VisibleDevices result;
  result.why_unresolved = std::move(why);
  return result;
}

std::string ended_at(const std::string& entry, const std::string& why) {
  return "CUDA_VISIBLE_DEVICES entry \"" + entry + "\" " + why +
         ", so CUDA hides it and every GPU listed after it";
}

}  // namespace

VisibleDevices resolve_visible_devices(const std::optional<std::string>& setting,
                                       const std::vector<VisibleCandidate>& gpus, bool pci_bus_order) {
  for (std::size_t i = 0; i < gpus.size(); ++i) {
    if (gpus[i].mig_enabled) {
      return unresolved("GPU " + std::to_string(i) + " is in MIG mode (CUDA lists its MIG instances)");
    }
  }
  VisibleDevices result;
  result.resolved = true;
  if (!setting) {
    for (std::size_t i = 0; i < gpus.size(); ++i) result.order.push_back(i);
    return result;
  }
  // An empty setting hides every GPU; "0," ends after device 0.
  if (trim(*setting).empty()) return result;
  for (const auto& entry : entries_of(*setting)) {
    std::optional<std::size_t> chosen;
    std::string why_not;
    if (entry.rfind("MIG-", 0) == 0) {
      return unresolved("CUDA_VISIBLE_DEVICES names a MIG instance (\"" + entry + "\")");
    } else if (all_digits(entry)) {
      if (!order_matches_nvml(gpus, pci_bus_order)) {
        return unresolved(
            "CUDA_VISIBLE_DEVICES gives indices and the GPUs differ, so their order is CUDA's "
            "FASTEST_FIRST (CUDA_DEVICE_ORDER=PCI_BUS_ID would make it NVML's)");
      }
      const auto index = static_cast<std::size_t>(std::stoul(entry));
      if (index < gpus.size()) {
        chosen = index;
      } else {
        why_not = "is no GPU's index (there are " + std::to_string(gpus.size()) + ")";
      }
    } else if (entry.rfind("GPU-", 0) == 0) {
      chosen = by_uuid_prefix(entry, gpus, why_not);
    } else {
      why_not = "is neither an index nor a GPU- UUID";
    }
    if (!chosen) {
      result.note = ended_at(entry, why_not);
      break;
    }
    // CUDA's documentation doesn't say what a repeated GPU does.
    if (std::find(result.order.begin(), result.order.end(), *chosen) != result.order.end()) {
      return unresolved("CUDA_VISIBLE_DEVICES names GPU " + std::to_string(*chosen) + " twice");
    }
    result.order.push_back(*chosen);
  }
  return result;
}

}  // namespace torchcompat
