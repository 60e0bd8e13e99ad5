// METADATA / PKG-INFO, metadata directory names and the interpreter's answer.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_check.hpp"
#include "detectors/python_metadata.hpp"
#include "primitives/version.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  if (auto metadata = torchcompat::parse_package_metadata(text)) {
    TORCHCOMPAT_FUZZ_CHECK(!metadata->name.empty());
    TORCHCOMPAT_FUZZ_CHECK(torchcompat::parse_version(metadata->version, 6, true).has_value());
  }
  if (auto from_name = torchcompat::parse_metadata_directory_name(text))
    TORCHCOMPAT_FUZZ_CHECK(!from_name->name.empty() && !from_name->version.empty());
  if (auto answer = torchcompat::parse_interpreter_answer(text))
    TORCHCOMPAT_FUZZ_CHECK(torchcompat::is_dotted_version(answer->version, 2, 3));
  std::string normalized = torchcompat::normalize_package_name(text);
  TORCHCOMPAT_FUZZ_CHECK(torchcompat::normalize_package_name(normalized) == normalized);
  return 0;
}
