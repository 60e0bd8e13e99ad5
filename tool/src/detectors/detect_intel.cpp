#include "detect_intel.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "detectors/gpu_selection.hpp"
#include "detectors/intel_gpu_ids.hpp"
#include "detectors/sysfs_tree.hpp"

namespace torchcompat {

namespace {

// "0x8086\n": an attribute longer than this is not one.
constexpr std::size_t attribute_limit = 64;
constexpr std::size_t card_limit = 64;

// card0, card1, ...: not the connectors (card0-DP-1) or render nodes.
std::vector<std::pair<int, std::string>> cards(const SysfsTree& tree) {
  std::vector<std::pair<int, std::string>> found;
  for (const auto& name : tree.list(drm_class)) {
    if (name.size() < 5 || name.size() > 8 || name.compare(0, 4, "card") != 0) continue;
    const std::string number = name.substr(4);
    if (!std::all_of(number.begin(), number.end(), [](char c) { return c >= '0' && c <= '9'; })) continue;
    found.emplace_back(std::stoi(number), name);
  }
  std::sort(found.begin(), found.end());
  return found;
}

std::optional<unsigned> parse_hex(const std::string& text, std::size_t digits) {
  if (text.size() != digits + 2 || text[0] != '0' || (text[1] != 'x' && text[1] != 'X')) return std::nullopt;
  unsigned value = 0;
  for (std::size_t i = 2; i < text.size(); ++i) {
    const char c = static_cast<char>(std::tolower(static_cast<unsigned char>(text[i])));
    if (c >= '0' && c <= '9') value = value * 16 + static_cast<unsigned>(c - '0');
    else if (c >= 'a' && c <= 'f') value = value * 16 + static_cast<unsigned>(c - 'a' + 10);
    else return std::nullopt;
  }
  return value;
}

std::string hex4(unsigned value) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "0x%04x", value & 0xffffu);
  return buffer;
}

void add_reason(std::string& reason, const std::string& text) {
  if (!text.empty()) reason += (reason.empty() ? "" : "; ") + text;
}

std::string base_name(const std::string& path) {
  const auto slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// One card's PCI attributes; nullopt when it is no Intel display device.
// A card with no PCI device behind it (a virtual one) has no vendor file.
std::optional<IntelGpu> read_card(const SysfsTree& tree, const std::string& card, std::string& problems) {
  const std::string device = std::string(drm_class) + "/" + card + "/device";
  if (!tree.resolve(device + "/vendor")) return std::nullopt;
  std::string why;
  auto read_id = [&](const char* attribute, std::size_t digits) -> std::optional<unsigned> {
    const auto text = tree.read_small(device + "/" + attribute, attribute_limit, &why);
    if (!text) return std::nullopt;
    const auto value = parse_hex(attribute_text(*text), digits);
    if (!value) why = device + "/" + attribute + " is not 0x and " + std::to_string(digits) + " hex digits";
    return value;
  };
  const auto vendor = read_id("vendor", 4);
  if (!vendor) {
    add_reason(problems, why);
    return std::nullopt;
  }
  if (*vendor != 0x8086) return std::nullopt;
  const auto pci_class = read_id("class", 6);
  const auto device_id = pci_class ? read_id("device", 4) : std::nullopt;
  if (!pci_class || !device_id) {
    add_reason(problems, why);
    return std::nullopt;
  }
  if ((*pci_class >> 16) != 0x03) return std::nullopt;  // not a display controller
  IntelGpu gpu;
  gpu.card = card;
  gpu.device_id = hex4(*device_id);
  // The driver link's target is /sys/bus/pci/drivers/<name>; one leading outside the root is not followed.
  if (const auto driver = tree.resolve(device + "/driver")) gpu.driver = base_name(*driver);
  name_intel_gpu(gpu);
  return gpu;
}

}  // namespace

IntelFindings detect_intel_gpus(const FileSystem& fs) {
  const SysfsTree tree = SysfsTree::from_environment(fs);
  IntelFindings findings;
  findings.source = drm_class;
  if (const auto problem = tree.unreadable_for("Intel")) {
    findings.status = Status::error;
    findings.reason = *problem;
    return findings;
  }
  // Under WSL2 Level Zero reaches Intel GPUs through /dev/dxg, and sysfs shows none of them.
  const std::string dxg_note = std::string("no Intel GPU in ") + drm_class +
                               ", but /dev/dxg: under WSL2 Intel GPUs are reached through it, which sysfs does "
                               "not show, so they are not known";
  if (!tree.is_directory(drm_class)) {
    findings.status = gpus_behind_dxg(tree) ? Status::error : Status::not_found;
    findings.reason = findings.status == Status::error
                          ? dxg_note
                          : std::string("no ") + drm_class + " (no display driver is loaded)";
    return findings;
  }
  const auto listed = cards(tree);
  if (listed.size() > card_limit) {
    findings.status = Status::error;
    findings.reason = std::to_string(listed.size()) + " DRM cards is more than any machine has";
    return findings;
  }
  std::string problems;
  std::vector<IntelGpu> gpus;
  for (const auto& [number, card] : listed) {
    if (auto gpu = read_card(tree, card, problems)) gpus.push_back(std::move(*gpu));
  }
  const GpuSelection selection = select_level_zero_gpus(fs, gpus.size());
  findings.affinity_mask = selection.applied;
  if (!selection.ok) {
    findings.status = Status::error;
    findings.reason = selection.problem;
    return findings;
  }
  int index = 0;
  for (auto position : selection.order) {
    findings.gpus.push_back(gpus[position]);
    findings.gpus.back().index = index++;
  }
  add_reason(findings.reason, selection.note);
  add_reason(findings.reason, problems);
  if (!problems.empty()) {
    findings.status = Status::error;  // a card that could not be read may be an Intel GPU
  } else if (gpus.empty() && gpus_behind_dxg(tree)) {
    findings.status = Status::error;
    add_reason(findings.reason, dxg_note);
  } else if (!findings.gpus.empty()) {
    findings.status = Status::found;
  } else {
    findings.status = Status::not_found;
    add_reason(findings.reason, gpus.empty() ? std::string("no Intel display device in ") + drm_class
                                             : "every GPU is hidden by " + selection.applied);
  }
  return findings;
}

void confirm_with_level_zero(const LevelZeroAnswer& answer, IntelFindings& findings) {
  if (answer.status != Status::found) {
    add_reason(findings.reason, answer.reason);
    return;
  }
  add_reason(findings.reason, answer.reason);
  std::size_t unmatched = 0;
  for (const auto& device : answer.gpus) {
    if (device.vendor_id != 0x8086) continue;
    bool matched = false;
    for (auto& gpu : findings.gpus) {
      if (gpu.level_zero || parse_pci_id(gpu.device_id) != device.device_id) continue;
      gpu.level_zero = matched = true;
      break;
    }
    if (!matched) ++unmatched;
  }
  if (unmatched != 0)
    add_reason(findings.reason, "Level Zero lists " + std::to_string(unmatched) +
                                    " Intel GPU(s) that sysfs does not (or ZE_AFFINITY_MASK hides)");
}

void ask_level_zero_about(const Options& options, const FileSystem& fs, IntelFindings& findings) {
  if (findings.status != Status::found || findings.gpus.empty()) return;
  const SysfsTree tree = SysfsTree::from_environment(fs);
  // Every card, not only the Intel GPUs listed: the compute runtime opens each
  // render node to learn its driver, the ones ZE_AFFINITY_MASK hides and other
  // vendors' too, and opening a suspended GPU wakes it.
  for (const auto& [number, card] : cards(tree)) {
    const std::string status_file = std::string(drm_class) + "/" + card + "/device/power/runtime_status";
    const auto state = tree.read_small(status_file, attribute_limit);
    if (state && attribute_text(*state) == "suspended") {
      add_reason(findings.reason,
                 "Level Zero not asked: " + card + " is runtime-suspended and asking would wake it");
      return;
    }
  }
  confirm_with_level_zero(ask_level_zero(options.detector_timeout), findings);
}

std::string intel_cache_inputs(const FileSystem& fs) {
  const SysfsTree tree = SysfsTree::from_environment(fs);
  std::string text;
  const auto listed = cards(tree);
  // Past the limit the answer is an error whatever the cards say: their text needn't be read.
  for (std::size_t i = 0; i < listed.size() && i <= card_limit; ++i) {
    const std::string device = std::string(drm_class) + "/" + listed[i].second + "/device";
    for (const char* attribute : {"vendor", "device", "class"}) {
      text += device + "/" + attribute + "=" +
              tree.read_small(device + "/" + attribute, attribute_limit).value_or("<unreadable>") + "\n";
    }
    text += device + "/driver->" + tree.resolve(device + "/driver").value_or("<none>") + "\n";
    // Whether Level Zero was asked depends on it (a suspended GPU is not woken).
    text += device + "/power/runtime_status=" +
            tree.read_small(device + "/power/runtime_status", attribute_limit).value_or("<unreadable>") + "\n";
  }
  return text;
}

}  // namespace torchcompat
