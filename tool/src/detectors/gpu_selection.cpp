#include "gpu_selection.hpp"

#include <algorithm>

namespace torchcompat {

namespace {

std::string trimmed(const std::string& text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

std::vector<std::string> split_list(const std::string& value) {
  std::vector<std::string> items;
  std::size_t start = 0;
  while (true) {
    const auto comma = value.find(',', start);
    items.push_back(trimmed(value.substr(start, comma == std::string::npos ? std::string::npos : comma - start)));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return items;
}

// A device index: decimal digits only, small enough to be one.
std::optional<std::size_t> device_index(const std::string& text) {
  if (text.empty() || text.size() > 6 || !std::all_of(text.begin(), text.end(), [](char c) {
        return c >= '0' && c <= '9';
      }))
    return std::nullopt;
  return static_cast<std::size_t>(std::stoul(text));
}

std::string quoted(const std::string& text) { return "\"" + text + "\""; }

void append(std::string& list, const std::string& item) { list += (list.empty() ? "" : "; ") + item; }

// One ROCm list applied to `visible` (positions into the sysfs list).
bool apply_rocm_list(const std::string& name, const std::string& value, std::vector<std::size_t>& visible,
                     GpuSelection& selection) {
  append(selection.applied, name + "=" + value);
  std::vector<std::size_t> chosen;
  if (!trimmed(value).empty()) {
    for (const auto& entry : split_list(value)) {
      const auto index = device_index(entry);
      if (!index) {
        selection.ok = false;
        selection.problem = name + "=" + quoted(value) + ": " +
                            (entry.rfind("GPU-", 0) == 0
                                 ? "UUID entries are not applied by TorchCompat; give device indices (0,1)"
                                 : "entry " + quoted(entry) + " is not a device index; give indices like 0,1");
        return false;
      }
      const bool repeated = std::find(chosen.begin(), chosen.end(), *index) != chosen.end();
      if (*index >= visible.size() || repeated) {
        append(selection.note, name + ": entry " + entry + (repeated ? " is repeated" : " is past the last GPU") +
                                   "; it and the entries after it are ignored, as ROCm does");
        break;
      }
      chosen.push_back(*index);
    }
  }
  std::vector<std::size_t> next;
  for (auto index : chosen) next.push_back(visible[index]);
  visible = std::move(next);
  return true;
}

}  // namespace

GpuSelection select_rocm_gpus(const FileSystem& fs, std::size_t gpu_count) {
  GpuSelection selection;
  std::vector<std::size_t> visible(gpu_count);
  for (std::size_t i = 0; i < gpu_count; ++i) visible[i] = i;
  if (const auto rocr = fs.getenv("ROCR_VISIBLE_DEVICES")) {
    if (!apply_rocm_list("ROCR_VISIBLE_DEVICES", *rocr, visible, selection)) return selection;
  }
  const char* hip_name = "HIP_VISIBLE_DEVICES";
  auto hip = fs.getenv(hip_name);
  if (!hip) {
    hip_name = "CUDA_VISIBLE_DEVICES";
    hip = fs.getenv(hip_name);
  }
  if (hip && !apply_rocm_list(hip_name, *hip, visible, selection)) return selection;
  selection.order = std::move(visible);
  return selection;
}

GpuSelection select_level_zero_gpus(const FileSystem& fs, std::size_t gpu_count) {
  GpuSelection selection;
  const auto mask = fs.getenv("ZE_AFFINITY_MASK");
  if (!mask || trimmed(*mask).empty()) {
    for (std::size_t i = 0; i < gpu_count; ++i) selection.order.push_back(i);
    return selection;
  }
  selection.applied = "ZE_AFFINITY_MASK=" + *mask;
  std::vector<bool> shown(gpu_count, false);
  for (const auto& entry : split_list(*mask)) {
    const auto dot = entry.find('.');
    const auto index = device_index(entry.substr(0, dot));
    const bool sub_device_ok = dot == std::string::npos || device_index(entry.substr(dot + 1)).has_value();
    if (!index || !sub_device_ok) {
      selection.ok = false;
      selection.problem = "ZE_AFFINITY_MASK=" + quoted(*mask) + ": entry " + quoted(entry) +
                          " is not a device index (0) or device.sub-device (0.1)";
      return selection;
    }
    if (*index >= gpu_count) {
      append(selection.note, "ZE_AFFINITY_MASK: entry " + entry + " is past the last GPU and is ignored");
      continue;
    }
    shown[*index] = true;
  }
  for (std::size_t i = 0; i < gpu_count; ++i) {
    if (shown[i]) selection.order.push_back(i);
  }
  return selection;
}

}  // namespace torchcompat
