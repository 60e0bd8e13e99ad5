#include "python_metadata.hpp"

#include <cctype>

#include "primitives/version.hpp"

namespace torchcompat {

namespace {

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r'))
    text.remove_suffix(1);
  return text;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  return true;
}

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// Splits into lines, dropping a trailing "\r" so CRLF files read the same.
std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    start = end + 1;
  }
  return lines;
}

bool is_package_version(std::string_view version) {
  return !version.empty() && parse_version(version, 6, true).has_value();
}

}  // namespace

std::optional<PackageMetadata> parse_package_metadata(std::string_view text) {
  PackageMetadata metadata;
  for (std::string_view line : split_lines(text)) {
    if (line.empty()) break;  // the body (long description) starts here
    std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    std::string_view key = line.substr(0, colon);
    std::string_view value = trim(line.substr(colon + 1));
    if (iequals(key, "Name") && metadata.name.empty()) metadata.name = std::string(value);
    if (iequals(key, "Version") && metadata.version.empty()) metadata.version = std::string(value);
  }
  if (metadata.name.empty() || !is_package_version(metadata.version)) return std::nullopt;
  return metadata;
}

std::string normalize_package_name(std::string_view name) {
  std::string out;
  bool in_separator = false;
  for (char c : name) {
    if (c == '-' || c == '_' || c == '.') {
      in_separator = true;
      continue;
    }
    if (in_separator && !out.empty()) out += '-';
    in_separator = false;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

std::optional<PackageMetadata> parse_metadata_directory_name(std::string_view name) {
  std::string_view stem;
  if (ends_with(name, ".dist-info")) stem = name.substr(0, name.size() - 10);
  else if (ends_with(name, ".egg-info")) stem = name.substr(0, name.size() - 9);
  else return std::nullopt;
  // Project names in these directory names have "-" escaped to "_", so the first
  // "-" separates name and version; egg-info may add "-py3.11" after the version.
  std::size_t dash = stem.find('-');
  if (dash == std::string_view::npos || dash == 0) return std::nullopt;
  std::string_view version = stem.substr(dash + 1);
  std::size_t python_tag = version.find("-py");
  if (python_tag != std::string_view::npos) version = version.substr(0, python_tag);
  if (!is_package_version(version)) return std::nullopt;
  return PackageMetadata{std::string(stem.substr(0, dash)), std::string(version)};
}

std::optional<InterpreterAnswer> parse_interpreter_answer(std::string_view text) {
  std::vector<std::string_view> lines = split_lines(text);
  std::size_t at = 0;
  while (at < lines.size() && lines[at] != interpreter_answer_marker) ++at;
  if (lines.size() - at < 3) return std::nullopt;
  InterpreterAnswer answer;
  answer.version = std::string(lines[at + 1]);
  answer.executable = std::string(lines[at + 2]);
  if (!is_dotted_version(answer.version, 2, 3)) return std::nullopt;
  for (std::size_t i = at + 3; i < lines.size(); ++i)
    if (!lines[i].empty()) answer.path.emplace_back(lines[i]);
  return answer;
}

}  // namespace torchcompat
