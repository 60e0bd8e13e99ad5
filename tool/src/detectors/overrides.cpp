#include "overrides.hpp"

#include <algorithm>
#include <cstdio>

#include "detectors/gfx_names.hpp"
#include "detectors/intel_gpu_ids.hpp"
#include "primitives/version.hpp"

namespace torchcompat {

namespace {

struct VersionRule {
  const char* variable;
  std::size_t min_parts;
  std::size_t max_parts;
  const char* expected;  // for the error message
};

constexpr VersionRule driver_rule{"TORCHCOMPAT_OVERRIDE_DRIVER", 2, 3,
                                  "a driver release like 470.82.01 or 550.54"};
constexpr VersionRule cuda_rule{"TORCHCOMPAT_OVERRIDE_CUDA", 2, 2, "a CUDA version like 11.4"};
constexpr VersionRule cudnn_rule{"TORCHCOMPAT_OVERRIDE_CUDNN", 1, 3, "a cuDNN version like 9.1.0 or 8.9"};
constexpr VersionRule toolkit_rule{"TORCHCOMPAT_OVERRIDE_TOOLKIT", 2, 3,
                                   "a CUDA toolkit version like 12.4 or 12.4.131"};
constexpr const char* gpu_archs_variable = "TORCHCOMPAT_OVERRIDE_GPU_ARCHS";
constexpr const char* amd_gfx_variable = "TORCHCOMPAT_OVERRIDE_AMD_GFX";
constexpr const char* intel_gpus_variable = "TORCHCOMPAT_OVERRIDE_INTEL_GPUS";

std::string trimmed(const std::string& text) {
  std::size_t first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return "";
  std::size_t last = text.find_last_not_of(" \t");
  return text.substr(first, last - first + 1);
}

std::string quoted(const std::string& value) { return "\"" + value + "\""; }

std::optional<std::string> read_version(const FileSystem& fs, const VersionRule& rule,
                                        std::vector<Override>& listed) {
  auto value = fs.getenv(rule.variable);
  if (!value) return std::nullopt;
  std::string version = trimmed(*value);
  if (!is_dotted_version(version, rule.min_parts, rule.max_parts))
    throw OverrideError(std::string(rule.variable) + "=" + quoted(*value) + " is not valid: expected " +
                        rule.expected);
  listed.push_back({rule.variable, version});
  return version;
}

// Items separated by ';' or ',', blanks around them dropped, each checked by `valid`
// (which may normalise it); nullopt at the first one refused.
template <typename Check>
std::optional<std::vector<std::string>> parse_list(const std::string& text, Check valid) {
  std::vector<std::string> items;
  std::string item;
  auto flush = [&]() -> bool {
    std::string entry = trimmed(item);
    item.clear();
    if (entry.empty()) return true;
    if (!valid(entry)) return false;
    items.push_back(entry);
    return true;
  };
  for (char c : text) {
    if (c == ';' || c == ',') {
      if (!flush()) return std::nullopt;
    } else {
      item += c;
    }
  }
  if (!flush()) return std::nullopt;
  return items;
}

std::string joined(const std::vector<std::string>& items) {
  std::string text;
  for (const auto& item : items) text += (text.empty() ? "" : ";") + item;
  return text;
}

std::string arch_string(const GpuArch& arch) {
  return std::to_string(arch.major) + "." + std::to_string(arch.minor);
}

}  // namespace

std::optional<std::vector<GpuArch>> parse_gpu_archs(const std::string& text) {
  // Compute capabilities are major.minor, minor a single digit (8.6, 9.0, 12.0).
  const auto arch_of = [](const std::string& arch) -> std::optional<GpuArch> {
    auto version = parse_version(arch, 2, false);
    if (!version || version->parts.size() != 2 || version->parts[1] > 9 || version->parts[0] < 1 ||
        version->parts[0] > 99)
      return std::nullopt;
    return GpuArch{static_cast<int>(version->parts[0]), static_cast<int>(version->parts[1])};
  };
  // "8.6;" and the empty list are fine: parse_list drops empty items.
  const auto items = parse_list(text, [&](std::string& arch) { return arch_of(arch).has_value(); });
  if (!items) return std::nullopt;
  std::vector<GpuArch> archs;
  for (const auto& item : *items) archs.push_back(*arch_of(item));
  return archs;
}

std::optional<std::vector<std::string>> parse_amd_gfx(const std::string& text) {
  return parse_list(text, [](std::string& entry) { return gfx_target_version_of(entry).has_value(); });
}

std::optional<std::vector<std::string>> parse_intel_gpus(const std::string& text) {
  return parse_list(text, [](std::string& entry) {
    const auto id = parse_pci_id(entry);
    if (!id) return false;
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "0x%04x", *id);
    entry = buffer;
    return true;
  });
}

Overrides read_overrides(const FileSystem& fs) {
  Overrides overrides;
  overrides.driver = read_version(fs, driver_rule, overrides.listed);
  overrides.cuda = read_version(fs, cuda_rule, overrides.listed);
  if (auto value = fs.getenv(gpu_archs_variable)) {
    overrides.gpu_archs = parse_gpu_archs(*value);
    if (!overrides.gpu_archs)
      throw OverrideError(std::string(gpu_archs_variable) + "=" + quoted(*value) +
                          " is not valid: expected compute capabilities separated by ';' like 8.6;9.0, "
                          "or an empty value for no GPU");
    std::string normalized;
    for (const auto& arch : *overrides.gpu_archs)
      normalized += (normalized.empty() ? "" : ";") + arch_string(arch);
    overrides.listed.push_back({gpu_archs_variable, normalized});
  }
  overrides.cudnn = read_version(fs, cudnn_rule, overrides.listed);
  overrides.toolkit = read_version(fs, toolkit_rule, overrides.listed);
  if (auto value = fs.getenv(amd_gfx_variable)) {
    overrides.amd_gfx = parse_amd_gfx(*value);
    if (!overrides.amd_gfx)
      throw OverrideError(std::string(amd_gfx_variable) + "=" + quoted(*value) +
                          " is not valid: expected AMD GPU architectures separated by ';' like gfx1100;gfx942, "
                          "or an empty value for no AMD GPU");
    overrides.listed.push_back({amd_gfx_variable, joined(*overrides.amd_gfx)});
  }
  if (auto value = fs.getenv(intel_gpus_variable)) {
    overrides.intel_gpus = parse_intel_gpus(*value);
    if (!overrides.intel_gpus)
      throw OverrideError(std::string(intel_gpus_variable) + "=" + quoted(*value) +
                          " is not valid: expected PCI device ids separated by ';' like 0x56a0;0xe20b, "
                          "or an empty value for no Intel GPU");
    overrides.listed.push_back({intel_gpus_variable, joined(*overrides.intel_gpus)});
  }
  return overrides;
}

void apply_overrides(const Overrides& overrides, Report& report) {
  if (overrides.driver || overrides.cuda) {
    report.driver.status = Status::overridden;
    report.driver.reason.clear();
    if (overrides.driver) {
      report.driver.release = *overrides.driver;
      report.driver.release_source = "override";
    }
    if (overrides.cuda) {
      report.driver.cuda_version = *overrides.cuda;
      report.driver.cuda_version_source = "override";
    }
    // Forward compatibility is a property of the machine's libcuda, which the
    // target machine's values no longer describe.
    report.driver.forward_compat = false;
  }
  if (overrides.gpu_archs) {
    GpuFindings gpus;
    gpus.status = Status::overridden;
    gpus.source = "override";
    int index = 0;
    for (const auto& arch : *overrides.gpu_archs) {
      Gpu gpu;
      gpu.index = index++;
      gpu.cc_major = arch.major;
      gpu.cc_minor = arch.minor;
      gpus.gpus.push_back(gpu);
    }
    report.gpus = std::move(gpus);
  }
  if (overrides.cudnn) {
    Cudnn cudnn;
    cudnn.status = Status::overridden;
    cudnn.version = *overrides.cudnn;
    report.cudnn = std::move(cudnn);
  }
  if (overrides.toolkit) {
    // The detected toolkits stay listed (they are real), but the override is the selected one.
    for (auto& toolkit : report.toolkits.toolkits) toolkit.selected = false;
    Toolkit toolkit;
    toolkit.version = *overrides.toolkit;
    toolkit.source = "override";
    toolkit.found_via = "TORCHCOMPAT_OVERRIDE_TOOLKIT";
    toolkit.selected = true;
    report.toolkits.toolkits.insert(report.toolkits.toolkits.begin(), toolkit);
    report.toolkits.status = Status::overridden;
    report.toolkits.reason.clear();
  }
  if (overrides.amd_gfx) {
    AmdFindings amd;
    amd.status = Status::overridden;
    amd.source = "override";
    int index = 0;
    for (const auto& gfx : *overrides.amd_gfx) {
      AmdGpu gpu;
      gpu.index = index++;
      gpu.gfx = gfx;
      gpu.gfx_target_version = gfx_target_version_of(gfx).value_or(0);
      amd.gpus.push_back(gpu);
    }
    report.amd = std::move(amd);
  }
  if (overrides.intel_gpus) {
    IntelFindings intel;
    intel.status = Status::overridden;
    intel.source = "override";
    int index = 0;
    for (const auto& id : *overrides.intel_gpus) {
      IntelGpu gpu;
      gpu.index = index++;
      gpu.device_id = id;
      name_intel_gpu(gpu);
      intel.gpus.push_back(gpu);
    }
    report.intel = std::move(intel);
  }
  report.overrides = overrides.listed;
}

}  // namespace torchcompat
