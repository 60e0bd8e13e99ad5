#include "gfx_names.hpp"

#include <algorithm>

namespace torchcompat {

namespace {

bool all_digits(const std::string& text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::string gfx_name(std::int64_t version) {
  if (version <= 0) return {};
  const std::int64_t major = version / 10000;
  const std::int64_t minor = (version / 100) % 100;
  const std::int64_t stepping = version % 100;
  if (major < 1 || major > 99 || minor > 15 || stepping > 15) return {};
  const char* hex = "0123456789abcdef";
  return "gfx" + std::to_string(major) + hex[minor] + hex[stepping];
}

std::optional<std::int64_t> gfx_target_version_of(const std::string& gfx) {
  if (gfx.size() < 6 || gfx.size() > 7 || gfx.compare(0, 3, "gfx") != 0) return std::nullopt;
  const std::string major = gfx.substr(3, gfx.size() - 5);
  auto hex_digit = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
  };
  const int minor = hex_digit(gfx[gfx.size() - 2]);
  const int stepping = hex_digit(gfx[gfx.size() - 1]);
  if (!all_digits(major) || major[0] == '0' || minor < 0 || stepping < 0) return std::nullopt;
  return std::stoll(major) * 10000 + minor * 100 + stepping;
}

}  // namespace torchcompat
