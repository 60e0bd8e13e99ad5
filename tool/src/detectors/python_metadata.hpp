// Pure parsers for what the Python detector reads: the interpreter's answer to
// the probe's inline script, and installed packages' core metadata
// (*.dist-info/METADATA, *.egg-info/PKG-INFO), so both can be fuzzed.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace torchcompat {

struct PackageMetadata {
  std::string name;     // "torch", as written
  std::string version;  // "2.4.0+cu121", as written
};

// The Name and Version header fields (RFC 822 style, before the first blank
// line); nullopt when either is missing or the version is not a version.
std::optional<PackageMetadata> parse_package_metadata(std::string_view text);

// PEP 503 normalisation: lower case, runs of "-", "_", "." become "-".
std::string normalize_package_name(std::string_view name);

// For "torch-2.4.0+cu121.dist-info" -> {"torch", "2.4.0+cu121"}; nullopt for
// names without a .dist-info / .egg-info suffix.
std::optional<PackageMetadata> parse_metadata_directory_name(std::string_view name);

// What the inline script prints: a marker line, the interpreter's version,
// its executable, then one sys.path entry per line.
struct InterpreterAnswer {
  std::string version;
  std::string executable;
  std::vector<std::string> path;
};
std::optional<InterpreterAnswer> parse_interpreter_answer(std::string_view text);

// The marker the script prints first, so stray output from a sitecustomize
// can't be mistaken for the answer.
inline constexpr std::string_view interpreter_answer_marker = "torchcompat-python-answer-v1";

}  // namespace torchcompat
