#include "detect_toolkit.hpp"

#include <algorithm>
#include <set>

#include "primitives/path_utils.hpp"
#include "detectors/toolkit_version_files.hpp"
#include "primitives/version.hpp"

namespace torchcompat {

namespace {

#ifdef _WIN32
constexpr const char* nvcc_name = "nvcc.exe";
// Where the NVIDIA installer puts toolkits, as FindCUDAToolkit searches.
constexpr const char* windows_base = "C:/Program Files/NVIDIA GPU Computing Toolkit/CUDA";
constexpr const char* default_locations = " or C:/Program Files/NVIDIA GPU Computing Toolkit/CUDA/v*";
#else
constexpr const char* nvcc_name = "nvcc";
constexpr const char* default_locations = ", /usr/local/cuda, /usr/local/cuda-X.Y, /opt/cuda or /usr/lib/cuda";
#endif

// "/usr/local/cuda-12.4" and its siblings, newest first, as FindCUDAToolkit does.
std::vector<std::string> versioned_directories(const FileSystem& fs, const std::string& parent,
                                               const std::string& prefix) {
  std::vector<std::pair<Version, std::string>> found;
  for (const auto& name : fs.list_directory(parent)) {
    if (name.compare(0, prefix.size(), prefix) != 0) continue;
    auto version = parse_version(std::string_view(name).substr(prefix.size()), 3, false);
    if (!version) continue;
    found.emplace_back(*version, join_path(parent, name));
  }
  std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
    return compare_versions(a.first, b.first) > 0;
  });
  std::vector<std::string> paths;
  for (auto& entry : found) paths.push_back(std::move(entry.second));
  return paths;
}

void add_from_env(std::vector<ToolkitCandidate>& out, const FileSystem& fs, const char* name) {
  auto value = fs.getenv(name);
  if (value && !value->empty()) out.push_back({*value, name, true});
}

bool looks_like_toolkit(const FileSystem& fs, const std::string& root) {
  return fs.is_file(join_path(root, std::string("bin/") + nvcc_name)) ||
         fs.is_file(join_path(root, "version.json")) || fs.is_file(join_path(root, "version.txt")) ||
         fs.is_file(join_path(root, "include/cuda.h"));
}

void append_reason(std::string& reasons, const std::string& reason) {
  if (!reasons.empty()) reasons += "; ";
  reasons += reason;
}

using FileParser = VersionParse (*)(std::string_view);

struct VersionFile {
  const char* relative_path;
  FileParser parse;
  std::size_t max_bytes;
};

// cuda.h is over a megabyte but defines CUDA_VERSION in its first few KiB;
// reading all of it would double the probe's memory.
constexpr VersionFile version_files[] = {
    {"version.json", parse_toolkit_version_json, 1 << 20},
    {"version.txt", parse_toolkit_version_txt, 64 << 10},
    {"include/cuda.h", parse_cuda_h_version, 256 << 10},
};

ProcessResult run_nvcc_for_real(const std::string& nvcc, std::chrono::milliseconds timeout) {
  return run_process({nvcc, "--version"}, timeout);
}

}  // namespace

std::vector<ToolkitCandidate> toolkit_candidates(const Options& options, const FileSystem& fs) {
  std::vector<ToolkitCandidate> out;
  if (options.cuda_root) {
    out.push_back({*options.cuda_root, "--cuda-root", true});
    return out;
  }
  add_from_env(out, fs, "CUDAToolkit_ROOT");
  add_from_env(out, fs, "CUDA_PATH");
  add_from_env(out, fs, "CUDA_HOME");
  if (auto nvcc = find_on_path(fs, "nvcc")) {
    // A symlinked nvcc (/usr/bin/nvcc -> /usr/local/cuda-12.4/bin/nvcc) belongs
    // to the toolkit it points into.
    std::string real = fs.canonical_path(*nvcc).value_or(*nvcc);
    out.push_back({parent_directory(parent_directory(real)), "PATH (nvcc)", false});
  }
#ifdef _WIN32
  for (const auto& path : versioned_directories(fs, windows_base, "v"))
    out.push_back({path, std::string(windows_base) + "/v*", false});
#else
  out.push_back({"/usr/local/cuda", "/usr/local/cuda", false});
  for (const auto& path : versioned_directories(fs, "/usr/local", "cuda-"))
    out.push_back({path, "/usr/local/cuda-X.Y", false});
  out.push_back({"/opt/cuda", "/opt/cuda", false});
  out.push_back({"/usr/lib/cuda", "/usr/lib/cuda", false});
#endif
  return out;
}

ToolkitVersion read_toolkit_version(const FileSystem& fs, const std::string& root,
                                    const NvccRunner& run_nvcc) {
  ToolkitVersion result;
  for (const auto& file : version_files) {
    std::string path = join_path(root, file.relative_path);
    if (!fs.is_file(path)) continue;
    auto text = fs.read_file(path, file.max_bytes);
    if (!text) {
      append_reason(result.reason, std::string(file.relative_path) + ": could not be read");
      continue;
    }
    VersionParse parsed = file.parse(*text);
    if (parsed.version) {
      result.version = *parsed.version;
      result.source = file.relative_path;
      return result;
    }
    append_reason(result.reason, std::string(file.relative_path) + ": " + parsed.reason);
  }
  std::string nvcc = join_path(root, std::string("bin/") + nvcc_name);
  if (!fs.is_executable(nvcc)) {
    append_reason(result.reason, "no version.json, version.txt, include/cuda.h or bin/nvcc states a version");
    return result;
  }
  ProcessResult ran = run_nvcc(nvcc);
  if (ran.status != Status::found) {
    append_reason(result.reason, "nvcc --version " + ran.reason);
    return result;
  }
  VersionParse parsed = parse_nvcc_version_output(ran.out);
  if (!parsed.version) {
    append_reason(result.reason, "nvcc --version: " + parsed.reason);
    return result;
  }
  result.version = *parsed.version;
  result.source = "nvcc --version";
  return result;
}

ToolkitFindings detect_toolkits(const Options& options, const FileSystem& fs) {
  auto timeout = options.detector_timeout;
  return detect_toolkits(options, fs, [timeout](const std::string& nvcc) {
    return run_nvcc_for_real(nvcc, timeout);
  });
}

ToolkitFindings detect_toolkits(const Options& options, const FileSystem& fs, const NvccRunner& run_nvcc) {
  ToolkitFindings findings;
  std::set<std::string> seen;
  bool have_selected = false;
  for (const auto& candidate : toolkit_candidates(options, fs)) {
    auto canonical = fs.canonical_path(candidate.root);
    if (canonical && !seen.insert(*canonical).second) continue;

    Toolkit toolkit;
    toolkit.root = candidate.root;
    toolkit.found_via = candidate.found_via;
    if (!canonical || !fs.is_directory(*canonical)) {
      if (!candidate.explicitly_named) continue;
      toolkit.reason = "directory does not exist";
    } else if (!looks_like_toolkit(fs, candidate.root)) {
      if (!candidate.explicitly_named) continue;
      toolkit.reason = "not a CUDA toolkit (no bin/nvcc, version.json, version.txt or include/cuda.h)";
    } else {
      ToolkitVersion version = read_toolkit_version(fs, candidate.root, run_nvcc);
      toolkit.version = version.version;
      toolkit.source = version.source;
      toolkit.reason = version.reason;
      if (!have_selected) {
        toolkit.selected = true;
        have_selected = true;
      }
    }
    findings.toolkits.push_back(std::move(toolkit));
  }

  auto selected = std::find_if(findings.toolkits.begin(), findings.toolkits.end(),
                               [](const Toolkit& t) { return t.selected; });
  if (selected == findings.toolkits.end()) {
    findings.status = Status::not_found;
    findings.reason = options.cuda_root
                          ? "--cuda-root " + *options.cuda_root + ": " +
                                (findings.toolkits.empty() ? "not found" : findings.toolkits.front().reason)
                          : std::string("no CUDA toolkit in CUDAToolkit_ROOT, CUDA_PATH, CUDA_HOME, PATH") +
                                default_locations;
  } else if (selected->version.empty()) {
    findings.status = Status::error;
    findings.reason = "the selected toolkit states no readable version: " + selected->reason;
  } else {
    findings.status = Status::found;
  }
  return findings;
}

}  // namespace torchcompat
