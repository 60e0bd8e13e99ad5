#include "detect_amd.hpp"

#include <algorithm>
#include <cstdint>
#include <map>

#include "detectors/gpu_selection.hpp"
#include "detectors/sysfs_tree.hpp"
#include "primitives/path_utils.hpp"
#include "primitives/version.hpp"

namespace torchcompat {

namespace {

// A KFD properties file is about 1.5 KiB; more is no properties file.
constexpr std::size_t properties_limit = 16 * 1024;
// More nodes than this is no real machine's topology (each GPU partition is one node).
constexpr std::size_t node_limit = 256;
constexpr std::size_t version_file_limit = 256;

bool all_digits(const std::string& text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "name value" lines; values are unsigned decimals. nullopt (why says what) for anything else.
std::optional<std::map<std::string, std::uint64_t>> parse_properties(const std::string& text, std::string& why) {
  std::map<std::string, std::uint64_t> values;
  std::size_t start = 0;
  while (start < text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const std::string line = text.substr(start, end - start);
    start = end + 1;
    if (attribute_text(line).empty()) continue;
    const auto space = line.find(' ');
    const std::string key = line.substr(0, space);
    const std::string value = space == std::string::npos ? "" : attribute_text(line.substr(space + 1));
    const bool key_ok = !key.empty() && std::all_of(key.begin(), key.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    });
    std::uint64_t number = 0;
    bool fits = all_digits(value) && value.size() <= 20;
    for (char c : value) {
      const std::uint64_t next = number * 10 + static_cast<std::uint64_t>(c - '0');
      fits = fits && (number <= UINT64_MAX / 10) && next >= number * 10;
      number = next;
    }
    // unique_id uses all 64 bits; a value past them is no property.
    if (!key_ok || !fits) {
      why = "line \"" + line.substr(0, 60) + "\" is not \"name number\"";
      return std::nullopt;
    }
    values[key] = number;
  }
  return values;
}

struct Node {
  int id = 0;
  std::map<std::string, std::uint64_t> properties;
};

// Properties other than unique_id are small; one past int64 is clamped, not wrapped.
std::optional<std::int64_t> property(const Node& node, const char* name) {
  const auto found = node.properties.find(name);
  if (found == node.properties.end()) return std::nullopt;
  return static_cast<std::int64_t>(std::min<std::uint64_t>(found->second, INT64_MAX));
}

AmdGpu gpu_of(const Node& node) {
  AmdGpu gpu;
  gpu.node = node.id;
  gpu.gfx_target_version = property(node, "gfx_target_version").value_or(0);
  gpu.gfx = gfx_name(gpu.gfx_target_version);
  gpu.vendor_id = property(node, "vendor_id");
  gpu.device_id = property(node, "device_id");
  gpu.simd_count = property(node, "simd_count");
  return gpu;
}

void add_reason(std::string& reason, const std::string& text) { reason += (reason.empty() ? "" : "; ") + text; }

// The node directories, numerically ordered (as ROCr enumerates its agents).
std::vector<int> node_ids(const SysfsTree& tree, std::string& problem) {
  std::vector<int> ids;
  for (const auto& name : tree.list(std::string(kfd_topology) + "/nodes")) {
    if (!all_digits(name) || name.size() > 4) {
      add_reason(problem, "skipped " + std::string(kfd_topology) + "/nodes/" + name + " (not a node number)");
      continue;
    }
    ids.push_back(std::stoi(name));
  }
  std::sort(ids.begin(), ids.end());
  return ids;
}

// ROCm's version file: ROCM_PATH, /opt/rocm, then the newest /opt/rocm-X.Y.Z.
std::vector<std::string> rocm_version_files(const SysfsTree& tree) {
  std::vector<std::string> files;
  if (const auto rocm_path = tree.file_system().getenv("ROCM_PATH")) {
    if (!rocm_path->empty() && rocm_path->front() == '/') files.push_back(join_path(*rocm_path, ".info/version"));
  }
  files.push_back("/opt/rocm/.info/version");
  std::vector<std::pair<Version, std::string>> versioned;
  for (const auto& name : tree.list("/opt")) {
    if (name.rfind("rocm-", 0) != 0) continue;
    if (auto version = parse_version(name.substr(5), 4, false)) versioned.emplace_back(*version, name);
  }
  std::sort(versioned.begin(), versioned.end(),
            [](const auto& a, const auto& b) { return compare_versions(b.first, a.first) < 0; });
  for (const auto& [version, name] : versioned) files.push_back("/opt/" + name + "/.info/version");
  return files;
}

void read_runtime(const SysfsTree& tree, AmdFindings& findings) {
  for (const auto& file : rocm_version_files(tree)) {
    if (!tree.resolve(file)) continue;
    std::string why;
    const auto text = tree.read_small(file, version_file_limit, &why);
    // "6.2.0-66": the release, then the build number.
    const std::string line = text ? attribute_text(text->substr(0, text->find('\n'))) : "";
    const std::string release = line.substr(0, line.find('-'));
    if (!text || !is_dotted_version(release, 2, 4)) {
      add_reason(findings.reason,
                 "ROCm version file " + file + (text ? " does not start with a version" : ": " + why));
      continue;
    }
    findings.runtime_version = release;
    findings.runtime_source = file;
    return;
  }
}

}  // namespace

AmdFindings detect_amd_gpus(const FileSystem& fs) {
  const SysfsTree tree = SysfsTree::from_environment(fs);
  AmdFindings findings;
  findings.source = kfd_topology;
  if (const auto problem = tree.unreadable_for("AMD")) {
    findings.status = Status::error;
    findings.reason = *problem;
    return findings;
  }
  read_runtime(tree, findings);
  if (!tree.is_directory(std::string(kfd_topology) + "/nodes")) {
    if (gpus_behind_dxg(tree)) {
      findings.status = Status::error;
      add_reason(findings.reason, "no " + std::string(kfd_topology) + ", but /dev/dxg: under WSL2 ROCm reaches " +
                                      "AMD GPUs through it, which sysfs does not show, so they are not known");
      return findings;
    }
    findings.status = Status::not_found;
    add_reason(findings.reason, "no " + std::string(kfd_topology) + "/nodes (the amdgpu driver is not loaded)");
    return findings;
  }
  std::string problems;
  const auto ids = node_ids(tree, problems);
  // Every topology has the CPU's node: none at all means the list could not be read.
  if (ids.empty()) {
    findings.status = Status::error;
    add_reason(findings.reason, std::string(kfd_topology) + "/nodes lists no node (not even the CPU's): " +
                                    "it could not be read, so the AMD GPUs are not known");
    add_reason(findings.reason, problems);
    return findings;
  }
  if (ids.size() > node_limit) {
    findings.status = Status::error;
    add_reason(findings.reason, std::to_string(ids.size()) + " KFD nodes is more than any machine has");
    return findings;
  }
  std::vector<AmdGpu> gpus;
  std::vector<std::uint64_t> unique_ids;  // what ROCR_VISIBLE_DEVICES's UUIDs are made of
  bool unreadable = false;
  for (int id : ids) {
    const std::string file = std::string(kfd_topology) + "/nodes/" + std::to_string(id) + "/properties";
    std::string why;
    const auto text = tree.read_small(file, properties_limit, &why);
    std::optional<std::map<std::string, std::uint64_t>> properties;
    if (text) properties = parse_properties(*text, why);
    if (!properties) {
      unreadable = true;
      add_reason(problems, text ? file + ": " + why : why);
      continue;
    }
    Node node{id, std::move(*properties)};
    const auto simd = property(node, "simd_count");
    if (!simd) {
      unreadable = true;
      add_reason(problems, file + " states no simd_count");
      continue;
    }
    if (*simd == 0) continue;  // a CPU node: no SIMDs
    gpus.push_back(gpu_of(node));
    const auto unique_id = node.properties.find("unique_id");
    unique_ids.push_back(unique_id == node.properties.end() ? 0 : unique_id->second);
    if (gpus.back().gfx.empty())
      add_reason(problems, "node " + std::to_string(id) + ": gfx_target_version " +
                               std::to_string(gpus.back().gfx_target_version) + " does not decode to a gfx name");
  }
  const GpuSelection selection = select_rocm_gpus(fs, unique_ids);
  findings.visible_devices = selection.applied;
  if (!selection.ok) {
    findings.status = Status::error;
    add_reason(findings.reason, selection.problem);
    return findings;
  }
  int index = 0;
  for (auto position : selection.order) {
    findings.gpus.push_back(gpus[position]);
    findings.gpus.back().index = index++;
  }
  add_reason(findings.reason, selection.note);
  add_reason(findings.reason, problems);
  if (unreadable) {
    findings.status = Status::error;  // a node that could not be read may be a GPU
  } else if (!findings.gpus.empty()) {
    findings.status = Status::found;
  } else {
    findings.status = Status::not_found;
    add_reason(findings.reason, gpus.empty() ? "the KFD topology lists no GPU node"
                                             : "every GPU is hidden by " + selection.applied);
  }
  return findings;
}

std::string amd_cache_inputs(const FileSystem& fs) {
  const SysfsTree tree = SysfsTree::from_environment(fs);
  std::string text;
  std::string ignored;
  const auto ids = node_ids(tree, ignored);
  // Past the limit the answer is an error whatever the nodes say: their text needn't be read.
  for (std::size_t i = 0; i < ids.size() && i <= node_limit; ++i) {
    const int id = ids[i];
    const std::string file = std::string(kfd_topology) + "/nodes/" + std::to_string(id) + "/properties";
    text += file + "=" + tree.read_small(file, properties_limit).value_or("<unreadable>") + "\n";
  }
  for (const auto& file : rocm_version_files(tree)) {
    text += file + "=" + tree.read_small(file, version_file_limit).value_or("<unreadable>") + "\n";
  }
  // Whether a missing GPU is "none" or "not known" (WSL2), for the Intel answer too.
  text += std::string("/dev/dxg ") + (gpus_behind_dxg(tree) ? "present" : "absent") + "\n";
  return text;
}

}  // namespace torchcompat
