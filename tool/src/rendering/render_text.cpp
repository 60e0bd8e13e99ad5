#include "render_text.hpp"

#include <cstdio>
#include <sstream>

#include "detectors/detect_driver.hpp"

namespace torchcompat {

namespace {

constexpr std::size_t label_width = 20;

const char* status_label(Status status) {
  switch (status) {
    case Status::found: return "found";
    case Status::not_found: return "not found";
    case Status::error: return "error";
    case Status::crashed: return "crashed";
    case Status::timed_out: return "timed out";
    case Status::overridden: return "overridden (target machine)";
  }
  return "error";
}

class TextReport {
 public:
  void heading(const std::string& name, const std::string& summary) {
    if (!out_.str().empty()) out_ << '\n';
    line(name, summary, 0);
  }
  void item(const std::string& label, const std::string& value) { line(label, value, 2); }
  void note(const std::string& text) { out_ << "  " << text << '\n'; }
  std::string str() const { return out_.str(); }

 private:
  void line(const std::string& label, const std::string& value, std::size_t indent) {
    std::string left(indent, ' ');
    left += label;
    out_ << left;
    if (!value.empty()) {
      out_ << std::string(left.size() < label_width ? label_width - left.size() : 1, ' ') << value;
    }
    out_ << '\n';
  }
  std::ostringstream out_;
};

std::string or_unknown(const std::string& value) { return value.empty() ? "unknown" : value; }

std::string gibibytes(std::uint64_t bytes) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f GiB", static_cast<double>(bytes) / (1024.0 * 1024 * 1024));
  return buffer;
}

void render_toolkits(TextReport& text, const ToolkitFindings& findings) {
  std::string summary = describe_status(findings.status, findings.reason);
  if (findings.status == Status::found)
    summary = std::to_string(findings.toolkits.size()) + " found";
  text.heading("CUDA toolkits", summary);
  for (const auto& toolkit : findings.toolkits) {
    std::string label = std::string(toolkit.selected ? "* " : "  ") + or_unknown(toolkit.version);
    std::string where = toolkit.root.empty() ? "(no directory)" : toolkit.root;
    std::string detail = where + "  [";
    if (!toolkit.source.empty()) detail += "version from " + toolkit.source + ", ";
    detail += "found via " + toolkit.found_via + "]";
    text.item(label, detail);
    if (!toolkit.reason.empty()) text.item("", "note: " + toolkit.reason);
  }
  if (!findings.toolkits.empty())
    text.note("(* = selected: the toolkit CMake's FindCUDAToolkit would use)");
}

void render_driver(TextReport& text, const Driver& driver) {
  std::string summary;
  if (!driver.release.empty() || !driver.cuda_version.empty()) {
    summary = "Driver " + or_unknown(driver.release);
    if (!driver.cuda_version.empty()) summary += " (supports CUDA up to " + driver.cuda_version + ")";
    if (driver.status == Status::overridden) summary += ", overridden (target machine)";
  } else {
    summary = describe_status(driver.status, driver.reason);
  }
  text.heading("NVIDIA driver", summary);
  if (!driver.release.empty())
    text.item("Release", driver.release + "  [from " + or_unknown(driver.release_source) + "]");
  if (!driver.cuda_version.empty())
    text.item("CUDA supported", "up to " + driver.cuda_version +
                                    (driver.cuda_version_source.empty() || driver.status == Status::overridden
                                         ? ""
                                         : "  [" + driver.cuda_version_source + "]"));
  if (!driver.library.empty()) text.item("Library", driver.library);
  if (driver.cu_init_error) {
    std::string name = cu_result_name(*driver.cu_init_error);
    text.item("cuInit failed", std::to_string(*driver.cu_init_error) + (name.empty() ? "" : " (" + name + ")"));
  }
  if (driver.forward_compat)
    text.item("Forward compat", "yes: this libcuda supports a newer CUDA than the kernel driver's release");
  if ((!driver.release.empty() || !driver.cuda_version.empty()) && !driver.reason.empty())
    text.item("Note", driver.reason);
}

void render_gpus(TextReport& text, const GpuFindings& findings) {
  std::string summary;
  if (findings.status == Status::found || findings.status == Status::overridden) {
    summary = std::to_string(findings.gpus.size()) + (findings.gpus.size() == 1 ? " GPU" : " GPUs");
    if (findings.status == Status::overridden) summary += ", overridden (target machine)";
    else if (!findings.source.empty()) summary += "  [from " + findings.source + "]";
  } else {
    summary = describe_status(findings.status, findings.reason);
  }
  text.heading("GPUs", summary);
  for (const auto& gpu : findings.gpus) {
    std::string detail = gpu.cc_major == 0 ? std::string("compute capability unknown")
                                           : "compute capability " + std::to_string(gpu.cc_major) + "." +
                                                 std::to_string(gpu.cc_minor);
    if (gpu.memory_bytes != 0) detail += ", " + gibibytes(gpu.memory_bytes);
    text.item("#" + std::to_string(gpu.index), (gpu.name.empty() ? "" : gpu.name + ", ") + detail);
  }
}

void render_cudnn(TextReport& text, const Cudnn& cudnn) {
  std::string summary = describe_status(cudnn.status, cudnn.reason);
  if (cudnn.status == Status::found) summary = "cuDNN " + cudnn.version;
  if (cudnn.status == Status::overridden) summary = "cuDNN " + cudnn.version + ", overridden (target machine)";
  text.heading("cuDNN", summary);
  if (!cudnn.header.empty())
    text.item("Header", cudnn.header + " states " + or_unknown(cudnn.header_version));
  if (!cudnn.library.empty())
    text.item("Library", cudnn.library + " reports " + or_unknown(cudnn.library_version));
  if (cudnn.mismatch)
    text.item("Mismatch", "header and library disagree; the library's version is the one that runs");
  if (cudnn.status == Status::found && !cudnn.reason.empty()) text.item("Note", cudnn.reason);
}

void render_python(TextReport& text, const Python& python) {
  std::string summary = describe_status(python.status, python.reason);
  if (python.status == Status::found) summary = "Python " + python.version + "  [" + python.executable + "]";
  else if (python.reason.rfind("not checked", 0) == 0) summary = python.reason;
  else if (!python.executable.empty()) summary += "  [" + python.executable + "]";
  text.heading("Python", summary);
  if (python.status != Status::found) return;
  const std::pair<const char*, const std::optional<PythonPackage>*> packages[] = {
      {"torch", &python.torch}, {"torchvision", &python.torchvision}, {"torchaudio", &python.torchaudio}};
  for (const auto& [name, package] : packages) {
    if (*package) text.item(name, (*package)->version + "  [" + (*package)->location + "]");
    else text.item(name, "not installed for this interpreter");
  }
}

std::string gpu_count(std::size_t count) { return std::to_string(count) + (count == 1 ? " GPU" : " GPUs"); }

std::string hex_id(std::int64_t value) {
  char buffer[24];
  std::snprintf(buffer, sizeof buffer, "0x%04llx", static_cast<unsigned long long>(value));
  return buffer;
}

void render_amd(TextReport& text, const AmdFindings& amd) {
  std::string summary = describe_status(amd.status, amd.reason);
  if (amd.status == Status::found) summary = gpu_count(amd.gpus.size()) + "  [from " + amd.source + "]";
  if (amd.status == Status::overridden) summary = gpu_count(amd.gpus.size()) + ", overridden (target machine)";
  text.heading("AMD GPUs", summary);
  for (const auto& gpu : amd.gpus) {
    std::string detail = gpu.gfx.empty() ? "gfx_target_version " + std::to_string(gpu.gfx_target_version) +
                                               " (architecture unknown)"
                                         : gpu.gfx;
    if (!gpu.name.empty()) detail = gpu.name + ", " + detail;
    std::string where;
    if (gpu.node) where = "KFD node " + std::to_string(*gpu.node);
    if (gpu.device_id) where += (where.empty() ? "" : ", ") + std::string("device ") + hex_id(*gpu.device_id);
    text.item("#" + std::to_string(gpu.index), detail + (where.empty() ? "" : "  [" + where + "]"));
  }
  if (!amd.visible_devices.empty()) text.item("Visible", amd.visible_devices);
  if (!amd.runtime_version.empty())
    text.item("ROCm runtime", amd.runtime_version + "  [from " + amd.runtime_source + "]");
  if ((amd.status == Status::found || amd.status == Status::overridden) && !amd.reason.empty())
    text.item("Note", amd.reason);
}

void render_intel(TextReport& text, const IntelFindings& intel) {
  std::string summary = describe_status(intel.status, intel.reason);
  if (intel.status == Status::found) summary = gpu_count(intel.gpus.size()) + "  [from " + intel.source + "]";
  if (intel.status == Status::overridden) summary = gpu_count(intel.gpus.size()) + ", overridden (target machine)";
  text.heading("Intel GPUs", summary);
  for (const auto& gpu : intel.gpus) {
    std::string detail = (gpu.name.empty() ? "unknown model" : gpu.name) + ", " +
                         (gpu.generation.empty() ? "generation unknown" : gpu.generation);
    std::string where = gpu.device_id;
    if (!gpu.card.empty()) where = gpu.card + ", " + where;
    if (!gpu.driver.empty()) where += ", driver " + gpu.driver;
    if (gpu.level_zero) where += ", Level Zero";
    text.item("#" + std::to_string(gpu.index), detail + "  [" + where + "]");
  }
  if (!intel.affinity_mask.empty()) text.item("Visible", intel.affinity_mask);
  if ((intel.status == Status::found || intel.status == Status::overridden) && !intel.reason.empty())
    text.item("Note", intel.reason);
}

void render_overrides(TextReport& text, const std::vector<Override>& overrides) {
  if (overrides.empty()) return;
  text.heading("Overrides", "values describing the target machine, not this one");
  for (const auto& item : overrides)
    text.note(item.name + "=" + (item.value.empty() ? "\"\" (no GPU)" : item.value));
}

}  // namespace

std::string describe_status(Status status, const std::string& reason) {
  std::string label = status_label(status);
  if (reason.empty()) return label;
  // Isolation reasons already read "crashed (signal 11)" / "timed out after 5 s".
  if (reason.rfind(label, 0) == 0) return reason;
  return label + ": " + reason;
}

std::string render_text(const Report& report, const std::string& probe_version) {
  TextReport text;
  text.heading("TorchCompat probe", probe_version);
  if (!report.run.time.empty()) {
    std::string probed = (report.run.host.empty() ? "this machine" : report.run.host) + " at " + report.run.time;
    if (report.run.machine_cache == "hit") probed += "  [from the cache; --no-cache asks afresh]";
    text.item("Probed", probed);
  }
  render_toolkits(text, report.toolkits);
  render_driver(text, report.driver);
  render_gpus(text, report.gpus);
  render_cudnn(text, report.cudnn);
  render_amd(text, report.amd);
  render_intel(text, report.intel);
  render_python(text, report.python);
  render_overrides(text, report.overrides);
  return text.str();
}

}  // namespace torchcompat
