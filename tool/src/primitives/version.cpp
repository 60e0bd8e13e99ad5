#include "version.hpp"

#include <cctype>

namespace torchcompat {

namespace {

// Nine digits is far past any real component and keeps the value inside a long.
constexpr std::size_t max_component_digits = 9;

bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

}  // namespace

std::string Version::numbers() const {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i != 0) out += '.';
    out += std::to_string(parts[i]);
  }
  return out;
}

std::optional<Version> parse_version(std::string_view text, std::size_t max_parts,
                                     bool allow_suffix) {
  Version version;
  std::size_t pos = 0;
  while (true) {
    std::size_t start = pos;
    long value = 0;
    while (pos < text.size() && is_digit(text[pos])) {
      if (pos - start >= max_component_digits) return std::nullopt;
      value = value * 10 + (text[pos] - '0');
      ++pos;
    }
    if (pos == start) return std::nullopt;  // empty component: "", ".4", "1..2", "12."
    version.parts.push_back(value);
    if (pos < text.size() && text[pos] == '.' && version.parts.size() < max_parts &&
        pos + 1 < text.size() && is_digit(text[pos + 1])) {
      ++pos;
      continue;
    }
    break;
  }
  if (pos < text.size()) {
    if (!allow_suffix) return std::nullopt;
    version.suffix = std::string(text.substr(pos));
  }
  return version;
}

int compare_versions(const Version& a, const Version& b) {
  std::size_t n = a.parts.size() > b.parts.size() ? a.parts.size() : b.parts.size();
  for (std::size_t i = 0; i < n; ++i) {
    long x = i < a.parts.size() ? a.parts[i] : 0;
    long y = i < b.parts.size() ? b.parts[i] : 0;
    if (x != y) return x < y ? -1 : 1;
  }
  return 0;
}

bool is_dotted_version(std::string_view text, std::size_t min_parts, std::size_t max_parts) {
  auto version = parse_version(text, max_parts, false);
  return version && version->parts.size() >= min_parts;
}

}  // namespace torchcompat
