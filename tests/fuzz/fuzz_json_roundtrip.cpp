// The JSON reader on any bytes, and the writer's escaping: whatever a string
// holds, json_quote gives valid JSON that the reader accepts.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_check.hpp"
#include "primitives/json_reader.hpp"
#include "rendering/json_writer.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto parsed = torchcompat::parse_json(text);
  TORCHCOMPAT_FUZZ_CHECK(parsed.value.has_value() != !parsed.error.empty());
  auto quoted = torchcompat::parse_json(torchcompat::json_quote(text));
  TORCHCOMPAT_FUZZ_CHECK(quoted.value && quoted.value->kind == torchcompat::JsonValue::Kind::string);
  return 0;
}
