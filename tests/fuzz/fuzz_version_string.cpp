// Dotted versions and the override values built on them.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.hpp"
#include "detectors/overrides.hpp"
#include "primitives/version.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  if (auto version = torchcompat::parse_version(text, 4, true)) {
    TORCHCOMPAT_FUZZ_CHECK(!version->parts.empty() && version->parts.size() <= 4);
    // The numeric part re-parses to itself and compares equal to the original.
    auto again = torchcompat::parse_version(version->numbers());
    TORCHCOMPAT_FUZZ_CHECK(again && torchcompat::compare_versions(*again, *version) == 0);
    TORCHCOMPAT_FUZZ_CHECK(version->numbers() + version->suffix == text ||
                           again->parts == version->parts);
  }
  if (auto archs = torchcompat::parse_gpu_archs(std::string(text))) {
    for (const auto& arch : *archs) TORCHCOMPAT_FUZZ_CHECK(arch.major >= 1 && arch.minor >= 0 && arch.minor <= 9);
  }
  return 0;
}
