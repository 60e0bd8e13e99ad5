// Dotted version numbers ("12.4", "550.54.14", "2.4.0+cu121"): parsing and
// ordering, shared by every detector and by the override checks.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace torchcompat {

struct Version {
  std::vector<long> parts;  // numeric components, most significant first
  std::string suffix;       // whatever followed them ("a0+gitunknown", "+cu121"), kept verbatim

  std::string numbers() const;  // "12.4.131": the numeric components only
};

// A version that starts with 1..max_parts dot-separated decimal numbers; the
// rest of the text is kept as the suffix only when allow_suffix is set.
// nullopt for anything else ("abc", "", "1..2", "12.", numbers too long to be real).
std::optional<Version> parse_version(std::string_view text, std::size_t max_parts = 4,
                                     bool allow_suffix = false);

// Numeric comparison, component by component; missing components count as 0
// ("12.4" == "12.4.0"). The suffix is not ordered.
int compare_versions(const Version& a, const Version& b);

// True when text is exactly N dot-separated numbers with min_parts <= N <= max_parts.
bool is_dotted_version(std::string_view text, std::size_t min_parts, std::size_t max_parts);

}  // namespace torchcompat
