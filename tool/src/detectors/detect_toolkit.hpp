// Finds every CUDA toolkit on the machine in CMake FindCUDAToolkit's order of
// precedence, marks the one CMake would select, and reads each one's version.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "primitives/file_system.hpp"
#include "primitives/options.hpp"
#include "primitives/report.hpp"
#include "isolation/run_process.hpp"

namespace torchcompat {

// Runs `<nvcc> --version`; replaceable so tests need no real nvcc.
using NvccRunner = std::function<ProcessResult(const std::string& nvcc_path)>;

ToolkitFindings detect_toolkits(const Options& options, const FileSystem& fs);
ToolkitFindings detect_toolkits(const Options& options, const FileSystem& fs, const NvccRunner& run_nvcc);

// A directory to look at and the rule that named it.
struct ToolkitCandidate {
  std::string root;
  std::string found_via;
  bool explicitly_named = false;  // the user pointed at it: report it even when it is no toolkit
};

// Every place to look, in precedence order, before any checks.
std::vector<ToolkitCandidate> toolkit_candidates(const Options& options, const FileSystem& fs);

// The version of the toolkit at root, from the first source that states one.
struct ToolkitVersion {
  std::string version;
  std::string source;
  std::string reason;  // sources that were present but unreadable, or why there is no version
};
ToolkitVersion read_toolkit_version(const FileSystem& fs, const std::string& root,
                                    const NvccRunner& run_nvcc);

}  // namespace torchcompat
