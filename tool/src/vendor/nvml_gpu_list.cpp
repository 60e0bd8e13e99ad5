#include "nvml_gpu_list.hpp"

#include "vendor/driver_keys.hpp"
#include "vendor/driver_names.hpp"
#include "vendor/driver_values.hpp"
#include "vendor/visible_devices.hpp"
#include "vendor/vendor_names.hpp"

namespace torchcompat {

namespace key = driver_key;

namespace {

struct NvmlGpu {
  Gpu gpu;
  bool mig = false;
};

std::string nvml_unusable(const PayloadEntries& entries) {
  if (const auto* error = find_entry(entries, key::nvml_error)) {
    return only_missing_files(*error) ? std::string(nvml_file) + " not found" : "NVML: " + *error;
  }
  if (const auto* error = find_entry(entries, key::nvml_gpus_error)) return "NVML: " + *error;
  if (find_entry(entries, key::nvml_gpu_count) == nullptr) return "NVML gave no GPU count";
  return {};
}

// The GPUs as NVML listed them, or a reason why the list can't be trusted.
std::optional<std::vector<NvmlGpu>> nvml_gpus(const PayloadEntries& entries, std::string& why_not) {
  why_not = nvml_unusable(entries);
  if (!why_not.empty()) return std::nullopt;
  if (const auto* error = find_entry(entries, key::nvml_gpu_error)) {
    const auto fields = split(*error, '|', 3);
    why_not = fields.size() == 3 ? "NVML: device " + fields[0] + ": " + fields[1] + " returned " +
                                       describe_nvml_return(to_int(fields[2]).value_or(-1))
                                 : "NVML: a device query failed";
    return std::nullopt;
  }
  std::vector<NvmlGpu> gpus;
  for (const auto& [name, value] : entries) {
    if (name != key::nvml_gpu) continue;
    const auto fields = split(value, '|', 7);
    const auto major = fields.size() == 7 ? to_int(fields[1]) : std::nullopt;
    const auto minor = fields.size() == 7 ? to_int(fields[2]) : std::nullopt;
    if (!major || !minor) {
      why_not = "NVML: a device line could not be read";
      return std::nullopt;
    }
    if (!is_valid_compute_capability(*major, *minor)) {
      why_not = "NVML reports compute capability " + fields[1] + "." + fields[2] + " for device " + fields[0];
      return std::nullopt;
    }
    NvmlGpu entry;
    entry.gpu.cc_major = *major;
    entry.gpu.cc_minor = *minor;
    const auto bytes = to_uint64(fields[3]);
    entry.gpu.memory_bytes = bytes && is_valid_memory(*bytes) ? *bytes : 0;
    entry.mig = fields[4] == "1";
    entry.gpu.uuid = safe_gpu_name(fields[5]);
    entry.gpu.name = safe_gpu_name(fields[6]);
    gpus.push_back(std::move(entry));
  }
  const auto count = to_int(*find_entry(entries, key::nvml_gpu_count)).value_or(-1);
  if (count < 0 || static_cast<std::size_t>(count) != gpus.size()) {
    why_not = "NVML listed " + std::to_string(gpus.size()) + " of " + std::to_string(count) + " GPUs";
    return std::nullopt;
  }
  return gpus;
}

}  // namespace

NvmlGpuList nvml_gpu_list(const PayloadEntries& entries, const FileSystem& fs) {
  NvmlGpuList list;
  const auto gpus = nvml_gpus(entries, list.why_not);
  if (!gpus) return list;
  std::vector<VisibleCandidate> candidates;
  for (const auto& entry : *gpus) {
    candidates.push_back({entry.gpu.uuid,
                          entry.gpu.name + " " + std::to_string(entry.gpu.cc_major) + "." +
                              std::to_string(entry.gpu.cc_minor),
                          entry.mig});
  }
  const auto order = fs.getenv("CUDA_DEVICE_ORDER");
  const VisibleDevices visible =
      resolve_visible_devices(fs.getenv("CUDA_VISIBLE_DEVICES"), candidates, order && *order == "PCI_BUS_ID");
  if (!visible.resolved) {
    list.why_not = visible.why_unresolved;
    return list;
  }
  GpuFindings findings;
  findings.source = "NVML";
  for (const std::size_t position : visible.order) {
    Gpu gpu = (*gpus)[position].gpu;
    gpu.index = static_cast<int>(findings.gpus.size());
    findings.gpus.push_back(std::move(gpu));
  }
  findings.reason = visible.note;
  if (!findings.gpus.empty()) {
    findings.status = Status::found;
  } else {
    findings.status = Status::not_found;
    findings.reason = (gpus->empty() ? "NVML reports no GPU" : "no GPU is visible") + visible_devices_suffix(fs);
    append_reason(findings.reason, visible.note);
  }
  list.gpus = std::move(findings);
  return list;
}

}  // namespace torchcompat
