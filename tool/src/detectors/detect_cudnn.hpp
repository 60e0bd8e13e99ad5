// Detects cuDNN: the version its header states and the version its library
// reports, and whether they disagree.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "primitives/file_system.hpp"
#include "isolation/isolate.hpp"
#include "primitives/options.hpp"
#include "primitives/report.hpp"

namespace torchcompat {

Cudnn detect_cudnn(const Options& options, const FileSystem& fs, const ToolkitFindings& toolkits);

// The isolated child's half: loads the first candidate that opens and sends
// its path and cudnnGetVersion's number.
void load_cudnn_library_here(const std::vector<std::string>& candidates, const Emit& emit);

// The same as a task for an isolated child.
ChildTask cudnn_task(const std::vector<std::string>& candidates);

// Exposed for unit tests.
// Reads CUDNN_MAJOR / CUDNN_MINOR / CUDNN_PATCHLEVEL from a header's text
// ("9.19.0"); nullopt when any is missing or not a number.
std::optional<std::string> parse_cudnn_header_version(const std::string& text);
// cudnnGetVersion's number to "major.minor.patch": 90300 -> "9.3.0" (9 and
// later: major*10000 + minor*100 + patch), 8906 -> "8.9.6" (before 9:
// major*1000 + minor*100 + patch).
std::string decode_cudnn_version(long encoded);

}  // namespace torchcompat
