#include "render_json.hpp"

#include "rendering/json_writer.hpp"

namespace torchcompat {

namespace {

void write_status(JsonWriter& json, Status status, const std::string& reason) {
  json.key("status");
  json.string(to_string(status));
  json.key("reason");
  json.string_or_null(reason);
}

void write_toolkits(JsonWriter& json, const ToolkitFindings& findings) {
  json.key("toolkits");
  json.begin_array();
  for (const auto& toolkit : findings.toolkits) {
    json.begin_object();
    json.key("version"); json.string_or_null(toolkit.version);
    json.key("root"); json.string_or_null(toolkit.root);
    json.key("source"); json.string_or_null(toolkit.source);
    json.key("found_via"); json.string_or_null(toolkit.found_via);
    json.key("selected"); json.boolean(toolkit.selected);
    json.key("reason"); json.string_or_null(toolkit.reason);
    json.end_object();
  }
  json.end_array();
  json.key("toolkits_status");
  json.begin_object();
  write_status(json, findings.status, findings.reason);
  json.end_object();
}

void write_driver(JsonWriter& json, const Driver& driver) {
  json.key("driver");
  json.begin_object();
  write_status(json, driver.status, driver.reason);
  json.key("release"); json.string_or_null(driver.release);
  json.key("release_source"); json.string_or_null(driver.release_source);
  json.key("cuda_version"); json.string_or_null(driver.cuda_version);
  json.key("library"); json.string_or_null(driver.library);
  json.key("cu_init_error");
  if (driver.cu_init_error) json.integer(*driver.cu_init_error);
  else json.null();
  json.key("forward_compat"); json.boolean(driver.forward_compat);
  json.key("cuda_version_source"); json.string_or_null(driver.cuda_version_source);
  json.key("cu_init_called"); json.boolean(driver.cu_init_called);
  json.end_object();
}

void write_gpus(JsonWriter& json, const GpuFindings& findings) {
  json.key("gpus");
  json.begin_array();
  for (const auto& gpu : findings.gpus) {
    json.begin_object();
    json.key("index"); json.integer(gpu.index);
    json.key("name"); json.string_or_null(gpu.name);
    // Major 0 marks a value the driver reported out of range: unknown, not "0.0".
    json.key("compute_capability");
    if (gpu.cc_major != 0) json.string(std::to_string(gpu.cc_major) + "." + std::to_string(gpu.cc_minor));
    else json.null();
    // No real GPU has zero bytes: zero means the memory is unknown (an override).
    json.key("memory_bytes");
    if (gpu.memory_bytes != 0) json.integer(static_cast<std::int64_t>(gpu.memory_bytes));
    else json.null();
    json.key("uuid"); json.string_or_null(gpu.uuid);
    json.end_object();
  }
  json.end_array();
  json.key("gpus_status");
  json.begin_object();
  write_status(json, findings.status, findings.reason);
  json.key("source"); json.string_or_null(findings.source);
  json.end_object();
}

void write_cudnn(JsonWriter& json, const Cudnn& cudnn) {
  json.key("cudnn");
  json.begin_object();
  write_status(json, cudnn.status, cudnn.reason);
  json.key("version"); json.string_or_null(cudnn.version);
  json.key("header"); json.string_or_null(cudnn.header);
  json.key("header_version"); json.string_or_null(cudnn.header_version);
  json.key("library"); json.string_or_null(cudnn.library);
  json.key("library_version"); json.string_or_null(cudnn.library_version);
  json.key("mismatch"); json.boolean(cudnn.mismatch);
  json.end_object();
}

void write_python(JsonWriter& json, const Python& python) {
  const std::pair<const char*, const std::optional<PythonPackage>*> packages[] = {
      {"torch", &python.torch}, {"torchvision", &python.torchvision}, {"torchaudio", &python.torchaudio}};
  json.key("python");
  json.begin_object();
  write_status(json, python.status, python.reason);
  json.key("executable"); json.string_or_null(python.executable);
  json.key("version"); json.string_or_null(python.version);
  for (const auto& [name, package] : packages) {
    json.key(name);
    if (*package) json.string_or_null((*package)->version);
    else json.null();
  }
  json.key("locations");
  json.begin_object();
  for (const auto& [name, package] : packages) {
    json.key(name);
    if (*package) json.string_or_null((*package)->location);
    else json.null();
  }
  json.end_object();
  json.end_object();
}

void integer_or_null(JsonWriter& json, const std::optional<std::int64_t>& value) {
  if (value) json.integer(*value);
  else json.null();
}

void write_amd(JsonWriter& json, const AmdFindings& amd) {
  json.key("amd");
  json.begin_object();
  write_status(json, amd.status, amd.reason);
  json.key("source"); json.string_or_null(amd.source);
  json.key("visible_devices"); json.string_or_null(amd.visible_devices);
  json.key("runtime");
  json.begin_object();
  json.key("version"); json.string_or_null(amd.runtime_version);
  json.key("source"); json.string_or_null(amd.runtime_source);
  json.end_object();
  json.key("gpus");
  json.begin_array();
  for (const auto& gpu : amd.gpus) {
    json.begin_object();
    json.key("index"); json.integer(gpu.index);
    json.key("node");
    if (gpu.node) json.integer(*gpu.node);
    else json.null();
    json.key("gfx"); json.string_or_null(gpu.gfx);
    json.key("gfx_target_version"); json.integer(gpu.gfx_target_version);
    json.key("vendor_id"); integer_or_null(json, gpu.vendor_id);
    json.key("device_id"); integer_or_null(json, gpu.device_id);
    json.key("simd_count"); integer_or_null(json, gpu.simd_count);
    json.key("name"); json.string_or_null(gpu.name);
    json.end_object();
  }
  json.end_array();
  json.end_object();
}

void write_intel(JsonWriter& json, const IntelFindings& intel) {
  json.key("intel");
  json.begin_object();
  write_status(json, intel.status, intel.reason);
  json.key("source"); json.string_or_null(intel.source);
  json.key("affinity_mask"); json.string_or_null(intel.affinity_mask);
  json.key("gpus");
  json.begin_array();
  for (const auto& gpu : intel.gpus) {
    json.begin_object();
    json.key("index"); json.integer(gpu.index);
    json.key("card"); json.string_or_null(gpu.card);
    json.key("device_id"); json.string(gpu.device_id);
    json.key("name"); json.string_or_null(gpu.name);
    json.key("generation"); json.string_or_null(gpu.generation);
    json.key("driver"); json.string_or_null(gpu.driver);
    json.key("level_zero"); json.boolean(gpu.level_zero);
    json.end_object();
  }
  json.end_array();
  json.end_object();
}

void write_overrides(JsonWriter& json, const std::vector<Override>& overrides) {
  json.key("overrides");
  json.begin_object();
  // An empty GPU_ARCHS means "no GPU" and must stay visible as "", unlike absent values.
  for (const auto& item : overrides) {
    json.key(item.name);
    json.string(item.value);
  }
  json.end_object();
}

}  // namespace

std::string render_json(const Report& report, const std::string& probe_version) {
  JsonWriter json;
  json.begin_object();
  json.key("schema_version");
  json.integer(Report::schema_version);
  json.key("probe");
  json.begin_object();
  json.key("version");
  json.string(probe_version);
  // Where and when the machine was asked: a saved answer (a target profile) names its origin.
  json.key("host"); json.string_or_null(report.run.host);
  json.key("time"); json.string_or_null(report.run.time);
  json.key("cache");
  json.begin_object();
  json.key("machine"); json.string_or_null(report.run.machine_cache);
  json.key("python"); json.string_or_null(report.run.python_cache);
  json.end_object();
  json.end_object();
  write_toolkits(json, report.toolkits);
  write_driver(json, report.driver);
  write_gpus(json, report.gpus);
  write_cudnn(json, report.cudnn);
  write_python(json, report.python);
  write_overrides(json, report.overrides);
  // Added after the members schema_version 1 began with, so older readers are unaffected.
  write_amd(json, report.amd);
  write_intel(json, report.intel);
  json.key("glibc");
  json.string_or_null(report.glibc);
  json.end_object();
  return json.text() + "\n";
}

}  // namespace torchcompat
