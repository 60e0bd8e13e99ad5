// version.json: any bytes must give a dotted version or a reason, never a crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_check.hpp"
#include "detectors/toolkit_version_files.hpp"
#include "primitives/version.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto parsed = torchcompat::parse_toolkit_version_json(text);
  if (parsed.version) TORCHCOMPAT_FUZZ_CHECK(torchcompat::is_dotted_version(*parsed.version, 2, 4));
  else TORCHCOMPAT_FUZZ_CHECK(!parsed.reason.empty());
  return 0;
}
