#include "detect_cudnn.hpp"

#include <cctype>
#include <cstdlib>
#include <sstream>
#include <vector>

#include "isolation/child_payload.hpp"
#include "isolation/isolate.hpp"
#include "vendor/vendor_cudnn.hpp"

namespace torchcompat {

namespace {

// cudnn_version.h since 8; NVIDIA's Debian packages install the
// per-major names and point cudnn_version.h at one of them through
// alternatives; before 8 the version lived in cudnn.h itself.
const char* const header_names[] = {"cudnn_version.h", "cudnn_version_v9.h", "cudnn_version_v8.h",
                                    "cudnn.h"};

const char* multiarch_triplet() {
#if defined(__x86_64__)
  return "x86_64-linux-gnu";
#elif defined(__aarch64__)
  return "aarch64-linux-gnu";
#elif defined(__powerpc64__) && defined(__LITTLE_ENDIAN__)
  return "powerpc64le-linux-gnu";
#else
  return nullptr;
#endif
}

const Toolkit* selected_toolkit(const ToolkitFindings& toolkits) {
  for (const auto& toolkit : toolkits.toolkits) {
    if (toolkit.selected) return &toolkit;
  }
  return nullptr;
}

// Where the user said cuDNN is comes first, then the toolkit cuDNN is
// usually unpacked into, then the system's own directories.
std::vector<std::string> cudnn_roots(const FileSystem& fs, const ToolkitFindings& toolkits) {
  std::vector<std::string> roots;
  for (const char* variable : {"CUDNN_ROOT", "CUDNN_HOME"}) {
    if (const auto value = fs.getenv(variable)) {
      if (!value->empty()) roots.push_back(*value);
    }
  }
  if (const Toolkit* toolkit = selected_toolkit(toolkits)) roots.push_back(toolkit->root);
  return roots;
}

std::vector<std::string> header_directories(const FileSystem& fs, const ToolkitFindings& toolkits) {
  std::vector<std::string> directories;
  for (const auto& root : cudnn_roots(fs, toolkits)) {
    directories.push_back(root + "/include");
    for (const auto& target : fs.list_directory(root + "/targets")) {
      directories.push_back(root + "/targets/" + target + "/include");
    }
  }
  directories.push_back("/usr/include");
  if (const char* triplet = multiarch_triplet()) directories.push_back(std::string("/usr/include/") + triplet);
  return directories;
}

std::vector<std::string> library_candidates(const FileSystem& fs, const ToolkitFindings& toolkits) {
  std::vector<std::string> directories;
  for (const auto& root : cudnn_roots(fs, toolkits)) {
#if defined(_WIN32)
    // NVIDIA's Windows archives keep the DLLs in bin\, and their install
    // guide copies them into the toolkit's bin\.
    directories.push_back(root + "/bin");
#endif
    directories.push_back(root + "/lib64");
    directories.push_back(root + "/lib");
    for (const auto& target : fs.list_directory(root + "/targets")) {
      directories.push_back(root + "/targets/" + target + "/lib");
    }
  }
  std::vector<std::string> candidates;
  for (const auto& directory : directories) {
    for (const auto& name : cudnn_library_names()) {
      if (fs.is_file(directory + "/" + name)) candidates.push_back(directory + "/" + name);
    }
  }
  // Bare names last: the loader's own path (LD_LIBRARY_PATH, ld.so.cache).
  for (const auto& name : cudnn_library_names()) candidates.push_back(name);
  return candidates;
}

struct HeaderFinding {
  std::string path;
  std::string version;
};

std::optional<HeaderFinding> find_header(const FileSystem& fs, const ToolkitFindings& toolkits,
                                         std::string& unreadable) {
  for (const auto& directory : header_directories(fs, toolkits)) {
    for (const char* name : header_names) {
      const std::string path = directory + "/" + name;
      if (!fs.is_file(path)) continue;
      const auto text = fs.read_file(path);
      const auto version = text ? parse_cudnn_header_version(*text) : std::nullopt;
      if (version) return HeaderFinding{path, *version};
      // cudnn.h from 8 on just includes cudnn_version.h; only note real trouble.
      if (std::string(name) != "cudnn.h" && unreadable.empty()) unreadable = path;
    }
  }
  return std::nullopt;
}

// Child's line protocol keys.
const char* const key_library = "library";
const char* const key_version = "version";
const char* const key_load_error = "load_error";

const char* const key_calling = "calling";  // announced before each vendor call


void add_library_findings(const IsolatedOutcome& outcome, Cudnn& cudnn) {
  const PayloadEntries entries = parse_payload(outcome.payload);
  const std::string* library = find_entry(entries, key_library);
  if (outcome.status != Status::found) {
    const std::string* call = last_entry(entries, key_calling);
    cudnn.status = outcome.status;
    cudnn.reason = "the cuDNN library " + outcome.reason + (call != nullptr ? " in " + *call : std::string());
    if (library != nullptr) cudnn.library = *library;
    return;
  }
  const std::string* version = find_entry(entries, key_version);
  if (library == nullptr || version == nullptr) return;
  cudnn.library = *library;
  cudnn.library_version = decode_cudnn_version(std::strtol(version->c_str(), nullptr, 10));
}

std::string names_tried() {
  std::string names;
  for (const auto& name : cudnn_library_names()) names += (names.empty() ? "" : ", ") + name;
  return names;
}

void conclude(Cudnn& cudnn, const std::string& unreadable_header) {
  if (cudnn.status == Status::crashed || cudnn.status == Status::timed_out ||
      cudnn.status == Status::error) {
    cudnn.version = cudnn.header_version;
    return;
  }
  cudnn.version = !cudnn.library_version.empty() ? cudnn.library_version : cudnn.header_version;
  cudnn.status = cudnn.version.empty() ? Status::not_found : Status::found;
  if (cudnn.library.empty()) {
    cudnn.reason = "no cuDNN library (" + names_tried() + ") could be loaded";
  } else if (cudnn.library_version.empty()) {
    cudnn.reason = "cudnnGetVersion of " + cudnn.library + " gave no usable version";
  }
  if (cudnn.header.empty()) {
    if (!cudnn.reason.empty()) cudnn.reason += "; ";
    cudnn.reason += unreadable_header.empty()
                        ? "no cuDNN header (cudnn_version.h or cudnn.h) found"
                        : "no version in " + unreadable_header;
  }
  if (!cudnn.header_version.empty() && !cudnn.library_version.empty() &&
      cudnn.header_version != cudnn.library_version) {
    cudnn.mismatch = true;
    cudnn.reason = "header " + cudnn.header + " says " + cudnn.header_version + " but library " +
                   cudnn.library + " reports " + cudnn.library_version;
  }
}

bool parse_define(const std::string& line, const std::string& name, long& value) {
  std::istringstream words(line);
  std::string hash;
  std::string directive;
  std::string macro;
  if (!(words >> hash)) return false;
  if (hash == "#") {
    if (!(words >> directive)) return false;
  } else if (hash == "#define") {
    directive = "define";
  } else {
    return false;
  }
  if (directive != "define" || !(words >> macro) || macro != name) return false;
  std::string number;
  if (!(words >> number) || number.empty() || number.size() > 9) return false;
  for (char c : number) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  value = std::stol(number);
  return true;
}

}  // namespace

void load_cudnn_library_here(const std::vector<std::string>& candidates, const Emit& emit) {
  PayloadWriter out(emit);
  for (const auto& candidate : candidates) {
    std::string error;
    out.add(key_calling, "loading " + candidate);
    const LoadedCudnn cudnn = load_cudnn(candidate, error);
    if (!cudnn.library) {
      out.add(key_load_error, error);
      continue;
    }
    out.add(key_library, cudnn.path);
    out.add(key_calling, "cudnnGetVersion");
    out.add(key_version, static_cast<long long>(cudnn.api.cudnnGetVersion()));
    return;
  }
}

namespace {

void cudnn_work(const Emit& emit, const std::vector<std::string>& arguments) {
  load_cudnn_library_here(arguments, emit);
}

}  // namespace

ChildTask cudnn_task(const std::vector<std::string>& candidates) { return {"cudnn", candidates, cudnn_work}; }

std::optional<std::string> parse_cudnn_header_version(const std::string& text) {
  long major = -1;
  long minor = -1;
  long patch = -1;
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    long value = 0;
    if (parse_define(line, "CUDNN_MAJOR", value)) major = value;
    if (parse_define(line, "CUDNN_MINOR", value)) minor = value;
    if (parse_define(line, "CUDNN_PATCHLEVEL", value)) patch = value;
  }
  if (major < 0 || minor < 0 || patch < 0) return std::nullopt;
  return std::to_string(major) + "." + std::to_string(minor) + "." + std::to_string(patch);
}

std::string decode_cudnn_version(long encoded) {
  if (encoded <= 0) return {};
  // 9.0 changed the encoding from major*1000 to major*10000 so a minor can pass 9.
  const long per_major = encoded >= 90000 ? 10000 : 1000;
  return std::to_string(encoded / per_major) + "." + std::to_string(encoded % per_major / 100) + "." +
         std::to_string(encoded % 100);
}

Cudnn detect_cudnn(const Options& options, const FileSystem& fs, const ToolkitFindings& toolkits) {
  Cudnn cudnn;
  std::string unreadable_header;
  if (const auto header = find_header(fs, toolkits, unreadable_header)) {
    cudnn.header = header->path;
    cudnn.header_version = header->version;
  }
  const auto candidates = library_candidates(fs, toolkits);
  add_library_findings(run_isolated_task(cudnn_task(candidates), options.detector_timeout), cudnn);
  conclude(cudnn, unreadable_header);
  return cudnn;
}

}  // namespace torchcompat
