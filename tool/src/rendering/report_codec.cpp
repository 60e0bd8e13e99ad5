#include "report_codec.hpp"

#include <cstdint>
#include <map>

#include "isolation/child_payload.hpp"
#include "vendor/driver_values.hpp"

namespace torchcompat {

namespace {

const Status all_statuses[] = {Status::found, Status::not_found, Status::error,
                               Status::crashed, Status::timed_out, Status::overridden};

// Reading a record: every field once, missing ones an error.
class Fields {
 public:
  explicit Fields(const std::string& text) {
    for (auto& [key, value] : parse_payload(text)) values_.emplace(std::move(key), std::move(value));
  }
  bool has(const std::string& key) const { return values_.count(key) != 0; }
  std::string text(const std::string& key) {
    const auto found = values_.find(key);
    if (found == values_.end()) {
      ok_ = false;
      return {};
    }
    return found->second;
  }
  bool flag(const std::string& key) { return text(key) == "1"; }
  int number(const std::string& key) {
    const auto value = to_int(text(key));
    if (!value) ok_ = false;
    return value.value_or(0);
  }
  Status status(const std::string& key) {
    const std::string name = text(key);
    for (Status status : all_statuses) {
      if (name == to_string(status)) return status;
    }
    ok_ = false;
    return Status::error;
  }
  bool ok() const { return ok_; }

 private:
  std::map<std::string, std::string> values_;  // the first of repeated keys is not needed: records repeat none
  bool ok_ = true;
};

std::vector<std::string> repeated(const std::string& text, const std::string& key) {
  std::vector<std::string> found;
  for (const auto& [name, value] : parse_payload(text)) {
    if (name == key) found.push_back(value);
  }
  return found;
}

std::string encode_toolkit(const Toolkit& toolkit) {
  PayloadWriter out;
  out.add("version", toolkit.version).add("root", toolkit.root).add("source", toolkit.source);
  out.add("found_via", toolkit.found_via).add("reason", toolkit.reason).add("selected", toolkit.selected ? 1 : 0);
  return out.text();
}

std::string encode_gpu(const Gpu& gpu) {
  PayloadWriter out;
  out.add("index", gpu.index).add("name", gpu.name).add("cc_major", gpu.cc_major).add("cc_minor", gpu.cc_minor);
  out.add("memory_bytes", std::to_string(gpu.memory_bytes)).add("uuid", gpu.uuid);
  return out.text();
}

bool decode_toolkit(const std::string& text, Toolkit& toolkit) {
  Fields in(text);
  toolkit.version = in.text("version");
  toolkit.root = in.text("root");
  toolkit.source = in.text("source");
  toolkit.found_via = in.text("found_via");
  toolkit.reason = in.text("reason");
  toolkit.selected = in.flag("selected");
  return in.ok();
}

bool decode_gpu(const std::string& text, Gpu& gpu) {
  Fields in(text);
  gpu.index = in.number("index");
  gpu.name = in.text("name");
  gpu.cc_major = in.number("cc_major");
  gpu.cc_minor = in.number("cc_minor");
  const auto bytes = to_uint64(in.text("memory_bytes"));
  gpu.memory_bytes = bytes.value_or(0);
  gpu.uuid = in.text("uuid");
  return in.ok() && bytes.has_value();
}

std::string optional_number(const std::optional<std::int64_t>& value) {
  return value ? std::to_string(*value) : std::string();
}

// "" is an absent value; anything else must be a whole number.
bool decode_optional_number(const std::string& text, std::optional<std::int64_t>& value) {
  value.reset();
  if (text.empty()) return true;
  const bool negative = text[0] == '-';
  const auto magnitude = to_uint64(negative ? text.substr(1) : text);
  if (!magnitude || *magnitude > static_cast<std::uint64_t>(INT64_MAX)) return false;
  value = negative ? -static_cast<std::int64_t>(*magnitude) : static_cast<std::int64_t>(*magnitude);
  return true;
}

std::string encode_amd_gpu(const AmdGpu& gpu) {
  PayloadWriter out;
  out.add("index", gpu.index).add("node", gpu.node ? std::to_string(*gpu.node) : std::string());
  out.add("gfx", gpu.gfx).add("gfx_target_version", std::to_string(gpu.gfx_target_version));
  out.add("vendor_id", optional_number(gpu.vendor_id)).add("device_id", optional_number(gpu.device_id));
  out.add("simd_count", optional_number(gpu.simd_count)).add("name", gpu.name);
  return out.text();
}

bool decode_amd_gpu(const std::string& text, AmdGpu& gpu) {
  Fields in(text);
  gpu.index = in.number("index");
  std::optional<std::int64_t> node;
  std::optional<std::int64_t> version;
  bool ok = decode_optional_number(in.text("node"), node) &&
            decode_optional_number(in.text("gfx_target_version"), version) &&
            decode_optional_number(in.text("vendor_id"), gpu.vendor_id) &&
            decode_optional_number(in.text("device_id"), gpu.device_id) &&
            decode_optional_number(in.text("simd_count"), gpu.simd_count);
  if (node) gpu.node = static_cast<int>(*node);
  gpu.gfx_target_version = version.value_or(0);
  gpu.gfx = in.text("gfx");
  gpu.name = in.text("name");
  return ok && version.has_value() && in.ok();
}

std::string encode_intel_gpu(const IntelGpu& gpu) {
  PayloadWriter out;
  out.add("index", gpu.index).add("card", gpu.card).add("device_id", gpu.device_id).add("name", gpu.name);
  out.add("generation", gpu.generation).add("driver", gpu.driver).add("level_zero", gpu.level_zero ? 1 : 0);
  return out.text();
}

bool decode_intel_gpu(const std::string& text, IntelGpu& gpu) {
  Fields in(text);
  gpu.index = in.number("index");
  gpu.card = in.text("card");
  gpu.device_id = in.text("device_id");
  gpu.name = in.text("name");
  gpu.generation = in.text("generation");
  gpu.driver = in.text("driver");
  gpu.level_zero = in.flag("level_zero");
  return in.ok();
}

std::string encode_package(const std::optional<PythonPackage>& package) {
  if (!package) return {};
  return PayloadWriter().add("version", package->version).add("location", package->location).text();
}

bool decode_package(Fields& in, const std::string& key, std::optional<PythonPackage>& package) {
  if (!in.has(key)) return true;
  Fields fields(in.text(key));
  PythonPackage decoded;
  decoded.version = fields.text("version");
  decoded.location = fields.text("location");
  package = decoded;
  return fields.ok();
}

}  // namespace

std::string encode_machine(const Report& report) {
  PayloadWriter out;
  out.add("toolkits_status", to_string(report.toolkits.status)).add("toolkits_reason", report.toolkits.reason);
  for (const auto& toolkit : report.toolkits.toolkits) out.add("toolkit", encode_toolkit(toolkit));
  const Driver& driver = report.driver;
  out.add("driver_status", to_string(driver.status)).add("driver_reason", driver.reason);
  out.add("driver_release", driver.release).add("driver_release_source", driver.release_source);
  out.add("driver_cuda_version", driver.cuda_version).add("driver_cuda_version_source", driver.cuda_version_source);
  out.add("driver_library", driver.library).add("driver_forward_compat", driver.forward_compat ? 1 : 0);
  out.add("driver_cu_init_called", driver.cu_init_called ? 1 : 0);
  if (driver.cu_init_error) out.add("driver_cu_init_error", *driver.cu_init_error);
  out.add("gpus_status", to_string(report.gpus.status)).add("gpus_reason", report.gpus.reason);
  out.add("gpus_source", report.gpus.source);
  for (const auto& gpu : report.gpus.gpus) out.add("gpu", encode_gpu(gpu));
  const Cudnn& cudnn = report.cudnn;
  out.add("cudnn_status", to_string(cudnn.status)).add("cudnn_reason", cudnn.reason);
  out.add("cudnn_version", cudnn.version).add("cudnn_header", cudnn.header);
  out.add("cudnn_header_version", cudnn.header_version).add("cudnn_library", cudnn.library);
  out.add("cudnn_library_version", cudnn.library_version).add("cudnn_mismatch", cudnn.mismatch ? 1 : 0);
  const AmdFindings& amd = report.amd;
  out.add("amd_status", to_string(amd.status)).add("amd_reason", amd.reason).add("amd_source", amd.source);
  out.add("amd_visible_devices", amd.visible_devices).add("amd_runtime_version", amd.runtime_version);
  out.add("amd_runtime_source", amd.runtime_source);
  for (const auto& gpu : amd.gpus) out.add("amd_gpu", encode_amd_gpu(gpu));
  const IntelFindings& intel = report.intel;
  out.add("intel_status", to_string(intel.status)).add("intel_reason", intel.reason);
  out.add("intel_source", intel.source).add("intel_affinity_mask", intel.affinity_mask);
  for (const auto& gpu : intel.gpus) out.add("intel_gpu", encode_intel_gpu(gpu));
  out.add("host", report.run.host).add("time", report.run.time);
  return out.text();
}

bool decode_machine(const std::string& text, Report& report) {
  Report decoded = report;
  Fields in(text);
  decoded.toolkits = {};
  decoded.toolkits.status = in.status("toolkits_status");
  decoded.toolkits.reason = in.text("toolkits_reason");
  for (const auto& record : repeated(text, "toolkit")) {
    Toolkit toolkit;
    if (!decode_toolkit(record, toolkit)) return false;
    decoded.toolkits.toolkits.push_back(toolkit);
  }
  Driver& driver = decoded.driver;
  driver = {};
  driver.status = in.status("driver_status");
  driver.reason = in.text("driver_reason");
  driver.release = in.text("driver_release");
  driver.release_source = in.text("driver_release_source");
  driver.cuda_version = in.text("driver_cuda_version");
  driver.cuda_version_source = in.text("driver_cuda_version_source");
  driver.library = in.text("driver_library");
  driver.forward_compat = in.flag("driver_forward_compat");
  driver.cu_init_called = in.flag("driver_cu_init_called");
  if (in.has("driver_cu_init_error")) driver.cu_init_error = in.number("driver_cu_init_error");
  decoded.gpus = {};
  decoded.gpus.status = in.status("gpus_status");
  decoded.gpus.reason = in.text("gpus_reason");
  decoded.gpus.source = in.text("gpus_source");
  for (const auto& record : repeated(text, "gpu")) {
    Gpu gpu;
    if (!decode_gpu(record, gpu)) return false;
    decoded.gpus.gpus.push_back(gpu);
  }
  Cudnn& cudnn = decoded.cudnn;
  cudnn = {};
  cudnn.status = in.status("cudnn_status");
  cudnn.reason = in.text("cudnn_reason");
  cudnn.version = in.text("cudnn_version");
  cudnn.header = in.text("cudnn_header");
  cudnn.header_version = in.text("cudnn_header_version");
  cudnn.library = in.text("cudnn_library");
  cudnn.library_version = in.text("cudnn_library_version");
  cudnn.mismatch = in.flag("cudnn_mismatch");
  AmdFindings& amd = decoded.amd;
  amd = {};
  amd.status = in.status("amd_status");
  amd.reason = in.text("amd_reason");
  amd.source = in.text("amd_source");
  amd.visible_devices = in.text("amd_visible_devices");
  amd.runtime_version = in.text("amd_runtime_version");
  amd.runtime_source = in.text("amd_runtime_source");
  for (const auto& record : repeated(text, "amd_gpu")) {
    AmdGpu gpu;
    if (!decode_amd_gpu(record, gpu)) return false;
    amd.gpus.push_back(gpu);
  }
  IntelFindings& intel = decoded.intel;
  intel = {};
  intel.status = in.status("intel_status");
  intel.reason = in.text("intel_reason");
  intel.source = in.text("intel_source");
  intel.affinity_mask = in.text("intel_affinity_mask");
  for (const auto& record : repeated(text, "intel_gpu")) {
    IntelGpu gpu;
    if (!decode_intel_gpu(record, gpu)) return false;
    intel.gpus.push_back(gpu);
  }
  decoded.run.host = in.text("host");
  decoded.run.time = in.text("time");
  if (!in.ok()) return false;
  report = std::move(decoded);
  return true;
}

std::string encode_python(const Python& python) {
  PayloadWriter out;
  out.add("status", to_string(python.status)).add("reason", python.reason);
  out.add("executable", python.executable).add("version", python.version);
  if (python.torch) out.add("torch", encode_package(python.torch));
  if (python.torchvision) out.add("torchvision", encode_package(python.torchvision));
  if (python.torchaudio) out.add("torchaudio", encode_package(python.torchaudio));
  for (const auto& entry : python.search_path) out.add("path", entry);
  return out.text();
}

bool decode_python(const std::string& text, Python& python) {
  Python decoded;
  Fields in(text);
  decoded.status = in.status("status");
  decoded.reason = in.text("reason");
  decoded.executable = in.text("executable");
  decoded.version = in.text("version");
  if (!decode_package(in, "torch", decoded.torch) || !decode_package(in, "torchvision", decoded.torchvision) ||
      !decode_package(in, "torchaudio", decoded.torchaudio)) {
    return false;
  }
  decoded.search_path = repeated(text, "path");
  if (!in.ok()) return false;
  python = std::move(decoded);
  return true;
}

}  // namespace torchcompat
