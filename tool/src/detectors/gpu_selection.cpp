#include "gpu_selection.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>

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

// The entries exactly as written (HIP does not trim them); none for an empty value.
std::vector<std::string> split_raw(const std::string& value) {
  std::vector<std::string> items;
  for (std::size_t start = 0; start < value.size();) {
    auto comma = value.find(',', start);
    if (comma == std::string::npos) comma = value.size();
    items.push_back(value.substr(start, comma - start));
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

// strtol with base 0, as ROCr reads an index: "0x1" is 1, "010" is 8; the whole token or nothing.
std::optional<long long> rocr_index(const std::string& token) {
  std::size_t at = 0;
  bool negative = false;
  if (at < token.size() && (token[at] == '+' || token[at] == '-')) negative = token[at++] == '-';
  int base = 10;
  if (token.compare(at, 2, "0X") == 0 && at + 2 < token.size()) {
    base = 16;
    at += 2;
  } else if (token.size() > at + 1 && token[at] == '0') {
    base = 8;
  }
  if (at >= token.size() || token.size() - at > 12) return std::nullopt;
  long long value = 0;
  for (; at < token.size(); ++at) {
    const char c = token[at];
    int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 : 99;
    if (digit >= base) return std::nullopt;
    value = value * base + digit;
  }
  return negative ? -value : value;
}

// "GPU-" and 16 upper-case hex digits of the KFD unique_id; a GPU without one matches nothing.
std::string rocr_uuid(std::uint64_t unique_id) {
  if (unique_id == 0) return "Invalid-UUID";
  char buffer[24];
  std::snprintf(buffer, sizeof buffer, "GPU-%016llX", static_cast<unsigned long long>(unique_id));
  return buffer;
}

// ROCR_VISIBLE_DEVICES as ROCr's own filter reads it (rocr-runtime,
// core/runtime/amd_filter_device.cpp, RvdFilter): tokens upper-cased and
// trimmed; one starting with G is a UUID prefix (5 to 20 characters) that must
// fit exactly one GPU; any other is an index read by strtol with base 0; the
// first token that is none of these, past the last GPU, or repeated ends the
// list; tokens past the number of GPUs are not read; an empty value hides every GPU.
void apply_rocr_list(const std::string& value, const std::vector<std::uint64_t>& unique_ids,
                     std::vector<std::size_t>& visible, GpuSelection& selection) {
  const std::string name = "ROCR_VISIBLE_DEVICES";
  append(selection.applied, name + "=" + value);
  std::vector<std::string> uuids;
  for (auto id : unique_ids) uuids.push_back(rocr_uuid(id));
  std::vector<std::size_t> chosen;
  auto tokens = value.empty() ? std::vector<std::string>() : split_list(value);
  // ROCr splits with getline, which yields no entry after a final comma.
  if (!tokens.empty() && value.back() == ',') tokens.pop_back();
  for (std::size_t i = 0; i < tokens.size() && i < visible.size(); ++i) {
    std::string token = tokens[i];
    // ROCr reads an entry's first character unchecked (std::string::at): an
    // empty one throws, and its runtime then starts with no GPU or not at all.
    if (token.empty()) {
      selection.ok = false;
      selection.problem = name + "=" + quoted(value) + ": entry " + std::to_string(i + 1) +
                          " is empty, which ROCr fails on; remove it";
      return;
    }
    std::transform(token.begin(), token.end(), token.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    long long index = -1;
    if (!token.empty() && token[0] == 'G') {
      if (token.size() >= 5 && token.size() <= 20) {
        for (std::size_t gpu = 0; gpu < uuids.size(); ++gpu) {
          if (uuids[gpu].compare(0, token.size(), token) != 0) continue;
          index = index == -1 ? static_cast<long long>(gpu) : -2;  // -2: fits more than one
        }
      }
    } else if (const auto number = rocr_index(token)) {
      index = *number;
    }
    const bool repeated = index >= 0 && std::find(chosen.begin(), chosen.end(), index) != chosen.end();
    if (index < 0 || index >= static_cast<long long>(visible.size()) || repeated) {
      append(selection.note, name + ": entry " + quoted(tokens[i]) +
                                 (repeated ? " is repeated"
                                           : index == -2 ? " fits more than one GPU"
                                                         : " names no GPU") +
                                 "; it and the entries after it are ignored, as ROCr does");
      break;
    }
    chosen.push_back(static_cast<std::size_t>(index));
  }
  std::vector<std::size_t> next;
  for (auto index : chosen) next.push_back(visible[index]);
  visible = std::move(next);
}

// An index as HIP reads one: the entry must be exactly what printing its value
// gives back ("1"; not "01", " 1" or "+1").
std::optional<std::size_t> hip_index(const std::string& entry) {
  const auto index = device_index(entry);
  if (!index || std::to_string(*index) != entry) return std::nullopt;
  return index;
}

bool has_letter(const std::string& text) {
  return std::any_of(text.begin(), text.end(), [](unsigned char c) { return std::isalpha(c) != 0; });
}

// One HIP list applied to `visible` (positions into the sysfs list), as HIP's
// runtime reads it (clr, rocclr/device/rocm/rocdevice.cpp, Device::init):
// entries are not trimmed; one that is not an index, or is past the last GPU,
// ends the list; a repeated one is skipped and the list goes on.
bool apply_rocm_list(const std::string& name, const std::string& value, std::vector<std::size_t>& visible,
                     GpuSelection& selection) {
  append(selection.applied, name + "=" + value);
  std::vector<std::size_t> chosen;
  for (const auto& entry : split_raw(value)) {
    const auto index = hip_index(entry);
    // HIP ends the list at a word or a UUID it can't match too, but which GPU a
    // UUID names is not known here: not knowing is said, never guessed.
    if (!index && has_letter(entry)) {
      selection.ok = false;
      selection.problem = name + "=" + quoted(value) + ": " +
                          (entry.find("GPU-") != std::string::npos
                               ? "UUID entries are applied only in ROCR_VISIBLE_DEVICES; give indices (0,1)"
                               : "entry " + quoted(entry) + " is not a device index; give indices like 0,1");
      return false;
    }
    if (!index || *index >= visible.size()) {
      append(selection.note, name + ": entry " + quoted(entry) +
                                 (index ? " is past the last GPU" : " is not written as HIP reads an index") +
                                 "; it and the entries after it are ignored, as HIP does");
      break;
    }
    if (std::find(chosen.begin(), chosen.end(), *index) != chosen.end()) {
      append(selection.note, name + ": entry " + entry + " is repeated and counts once, as in HIP");
      continue;
    }
    chosen.push_back(*index);
  }
  std::vector<std::size_t> next;
  for (auto index : chosen) next.push_back(visible[index]);
  visible = std::move(next);
  return true;
}

}  // namespace

GpuSelection select_rocm_gpus(const FileSystem& fs, const std::vector<std::uint64_t>& unique_ids) {
  GpuSelection selection;
  std::vector<std::size_t> visible(unique_ids.size());
  for (std::size_t i = 0; i < visible.size(); ++i) visible[i] = i;
  if (const auto rocr = fs.getenv("ROCR_VISIBLE_DEVICES")) {
    apply_rocr_list(*rocr, unique_ids, visible, selection);
    if (!selection.ok) return selection;
  }
  // HIP reads HIP_VISIBLE_DEVICES unless it is empty, then CUDA_VISIBLE_DEVICES;
  // empty (or unset) both means no list at all: every GPU stays visible.
  const char* hip_name = "HIP_VISIBLE_DEVICES";
  auto hip = fs.getenv(hip_name);
  if (hip && hip->empty()) append(selection.note, "HIP_VISIBLE_DEVICES is empty, which HIP reads as unset");
  if (!hip || hip->empty()) {
    hip_name = "CUDA_VISIBLE_DEVICES";
    hip = fs.getenv(hip_name);
    if (hip && hip->empty()) append(selection.note, "CUDA_VISIBLE_DEVICES is empty, which HIP reads as unset");
  }
  if (hip && !hip->empty() && !apply_rocm_list(hip_name, *hip, visible, selection)) return selection;
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
