#include "detect_glibc.hpp"

#include <cctype>
#include <cstddef>

#if defined(__GLIBC__)
#include <gnu/libc-version.h>
#endif

namespace torchcompat {

namespace {

// Digits from `at`; false when there are none or too many for a version part.
bool read_number(const std::string& text, std::size_t& at) {
  const std::size_t start = at;
  while (at < text.size() && std::isdigit(static_cast<unsigned char>(text[at])) != 0) ++at;
  return at > start && at - start <= 4;
}

}  // namespace

std::string glibc_major_minor(const std::string& reported) {
  std::size_t at = 0;
  if (!read_number(reported, at) || at >= reported.size() || reported[at] != '.') return {};
  ++at;
  if (!read_number(reported, at)) return {};
  const std::size_t major_minor_end = at;
  while (at < reported.size()) {
    if (reported[at] != '.') return {};
    ++at;
    if (!read_number(reported, at)) return {};
  }
  return reported.substr(0, major_minor_end);
}

std::string detect_glibc() {
#if defined(__GLIBC__)
  const char* reported = gnu_get_libc_version();
  return reported == nullptr ? std::string() : glibc_major_minor(reported);
#else
  return {};
#endif
}

}  // namespace torchcompat
