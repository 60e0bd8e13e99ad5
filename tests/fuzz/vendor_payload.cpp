// libFuzzer target: the isolated driver child's line protocol and its decoding.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "../vendor/fake_file_system.hpp"
#include "isolation/child_payload.hpp"
#include "detectors/detect_driver.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  torchcompat::decode_driver_payload(text, torchcompat::testing::FakeFileSystem());
  // Whatever a vendor string holds, it must come back unchanged.
  torchcompat::PayloadWriter out;
  out.add("value", text);
  const auto entries = torchcompat::parse_payload(out.text());
  if (entries.size() != 1 || entries[0].second != text) std::abort();
  return 0;
}
