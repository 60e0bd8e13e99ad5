// AMD GPU architecture names and the KFD's gfx_target_version numbers, both ways.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace torchcompat {

// gfx_target_version 110000 -> "gfx1100", 90402 -> "gfx942", 90010 -> "gfx90a":
// major = v / 10000, minor = (v / 100) % 100, stepping = v % 100, the last two
// one hex digit each. "" when v does not decode to such a name.
std::string gfx_name(std::int64_t gfx_target_version);

// The inverse, for overrides: "gfx90a" -> 90010; nullopt for a malformed name.
std::optional<std::int64_t> gfx_target_version_of(const std::string& gfx);

}  // namespace torchcompat
