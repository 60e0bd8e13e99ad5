#include "driver_values.hpp"
#include "vendor/vendor_names.hpp"

#include <cctype>
#include <cerrno>
#include <climits>
#include <cstdint>
#include <cstdlib>

namespace torchcompat {

bool is_release_token(const std::string& token) {
  if (token.empty() || token.size() > 32 || !std::isdigit(static_cast<unsigned char>(token.front()))) return false;
  bool has_dot = false;
  for (char c : token) {
    if (c == '.') {
      has_dot = true;
    } else if (!std::isdigit(static_cast<unsigned char>(c))) {
      return false;
    }
  }
  return has_dot && token.back() != '.';
}

bool is_valid_compute_capability(int major, int minor) {
  return major >= 1 && major <= 99 && minor >= 0 && minor <= 9;
}

bool is_valid_memory(std::uint64_t bytes) { return bytes > 0 && bytes < (std::uint64_t{1} << 56); }

std::string safe_gpu_name(const std::string& name) {
  std::string safe;
  for (char c : name) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) continue;
    if (safe.size() == 255) break;
    safe += c;
  }
  return safe;
}

std::optional<int> to_int(const std::string& text) {
  if (text.empty()) return std::nullopt;
  char* end = nullptr;
  errno = 0;
  const long long value = std::strtoll(text.c_str(), &end, 10);
  if (*end != '\0' || errno != 0 || value < INT_MIN || value > INT_MAX) return std::nullopt;
  return static_cast<int>(value);
}

std::optional<std::uint64_t> to_uint64(const std::string& text) {
  if (text.empty() || !std::isdigit(static_cast<unsigned char>(text.front()))) return std::nullopt;
  char* end = nullptr;
  errno = 0;
  const unsigned long long value = std::strtoull(text.c_str(), &end, 10);
  if (*end != '\0' || errno != 0) return std::nullopt;
  return static_cast<std::uint64_t>(value);
}

void append_reason(std::string& reason, const std::string& part) {
  if (part.empty()) return;
  if (!reason.empty()) reason += "; ";
  reason += part;
}

bool only_missing_files(const std::string& load_error) {
  for (const auto& part : split(load_error, ';', SIZE_MAX)) {
    if (part.find(library_missing_marker) == std::string::npos) return false;
  }
  return !load_error.empty();
}

std::string visible_devices_suffix(const FileSystem& fs) {
  const auto visible = fs.getenv("CUDA_VISIBLE_DEVICES");
  return visible ? " with CUDA_VISIBLE_DEVICES=\"" + *visible + "\"" : std::string();
}

std::vector<std::string> split(const std::string& text, char separator, std::size_t max_parts) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (parts.size() + 1 < max_parts) {
    const auto at = text.find(separator, start);
    if (at == std::string::npos) break;
    parts.push_back(text.substr(start, at - start));
    start = at + 1;
  }
  parts.push_back(text.substr(start));
  return parts;
}

}  // namespace torchcompat
