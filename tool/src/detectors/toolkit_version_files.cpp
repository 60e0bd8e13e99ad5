#include "toolkit_version_files.hpp"

#include <cctype>

#include "primitives/json_reader.hpp"
#include "primitives/version.hpp"

namespace torchcompat {

namespace {

VersionParse found(std::string version) { return VersionParse{std::move(version), {}}; }
VersionParse missing(std::string reason) { return VersionParse{std::nullopt, std::move(reason)}; }

bool is_space(char c) { return c == ' ' || c == '\t'; }
bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

// The dotted version that starts at pos, stopping at the first character that
// can't belong to it; empty when there is none.
std::string dotted_version_at(std::string_view text, std::size_t pos) {
  std::size_t end = pos;
  while (end < text.size() && (is_digit(text[end]) || text[end] == '.')) ++end;
  while (end > pos && text[end - 1] == '.') --end;
  std::string_view candidate = text.substr(pos, end - pos);
  return is_dotted_version(candidate, 2, 4) ? std::string(candidate) : std::string();
}

std::size_t skip_spaces(std::string_view text, std::size_t pos) {
  while (pos < text.size() && is_space(text[pos])) ++pos;
  return pos;
}

}  // namespace

VersionParse parse_toolkit_version_json(std::string_view text) {
  JsonParseResult parsed = parse_json(text);
  if (!parsed.value) return missing("not valid JSON (" + parsed.error + ")");
  const JsonValue* cuda = parsed.value->member("cuda");
  if (cuda == nullptr || cuda->kind != JsonValue::Kind::object)
    return missing("no \"cuda\" object");
  const JsonValue* version = cuda->member("version");
  if (version == nullptr || version->kind != JsonValue::Kind::string)
    return missing("no \"cuda\".\"version\" string");
  if (!is_dotted_version(version->text, 2, 4))
    return missing("\"cuda\".\"version\" is not a version: \"" + version->text.substr(0, 40) + "\"");
  return found(version->text);
}

VersionParse parse_toolkit_version_txt(std::string_view text) {
  constexpr std::string_view marker = "CUDA Version";
  std::size_t at = text.find(marker);
  if (at == std::string_view::npos) return missing("no \"CUDA Version\" line");
  std::string version = dotted_version_at(text, skip_spaces(text, at + marker.size()));
  if (version.empty()) return missing("\"CUDA Version\" is not followed by a version");
  return found(version);
}

VersionParse parse_cuda_h_version(std::string_view text) {
  std::size_t line_start = 0;
  while (line_start < text.size()) {
    std::size_t line_end = text.find('\n', line_start);
    if (line_end == std::string_view::npos) line_end = text.size();
    std::string_view line = text.substr(line_start, line_end - line_start);
    line_start = line_end + 1;

    std::size_t pos = skip_spaces(line, 0);
    if (pos >= line.size() || line[pos] != '#') continue;
    pos = skip_spaces(line, pos + 1);
    constexpr std::string_view define = "define";
    if (line.substr(pos, define.size()) != define) continue;
    pos += define.size();
    if (pos >= line.size() || !is_space(line[pos])) continue;
    pos = skip_spaces(line, pos);
    constexpr std::string_view name = "CUDA_VERSION";
    if (line.substr(pos, name.size()) != name) continue;
    pos += name.size();
    if (pos >= line.size() || !is_space(line[pos])) continue;  // CUDA_VERSION_MAJOR etc.
    pos = skip_spaces(line, pos);

    long value = 0;
    std::size_t digits = 0;
    while (pos < line.size() && is_digit(line[pos]) && digits < 7) {
      value = value * 10 + (line[pos] - '0');
      ++pos;
      ++digits;
    }
    if (digits == 0 || (pos < line.size() && !is_space(line[pos]) && line[pos] != '\r' &&
                        line[pos] != '/'))
      return missing("CUDA_VERSION is not a number");
    // 1000*major + 10*minor; anything below 1.0 or past 999.x is not a real toolkit.
    if (value < 1000 || value >= 1000000) return missing("CUDA_VERSION out of range");
    return found(std::to_string(value / 1000) + "." + std::to_string((value % 1000) / 10));
  }
  return missing("no \"#define CUDA_VERSION\" line");
}

VersionParse parse_nvcc_version_output(std::string_view text) {
  std::size_t release_at = text.find("release ");
  if (release_at == std::string_view::npos) return missing("no \"release\" in nvcc's output");
  std::size_t v_at = text.find(", V", release_at);
  if (v_at != std::string_view::npos) {
    std::string precise = dotted_version_at(text, v_at + 3);
    if (!precise.empty()) return found(precise);
  }
  std::string release = dotted_version_at(text, release_at + 8);
  if (release.empty()) return missing("\"release\" is not followed by a version");
  return found(release);
}

}  // namespace torchcompat
