// A small, strict JSON reader for the few JSON files the probe reads (the CUDA
// toolkit's version.json). Bounded nesting so hostile input can't exhaust the stack.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace torchcompat {

struct JsonValue {
  enum class Kind { null, boolean, number, string, array, object };
  Kind kind = Kind::null;
  bool boolean = false;
  std::string text;  // string contents (unescaped), or a number's literal text
  std::vector<JsonValue> items;
  std::vector<std::pair<std::string, JsonValue>> members;  // in document order

  // The first member with this key, or nullptr (also when this is not an object).
  const JsonValue* member(std::string_view key) const;
};

struct JsonParseResult {
  std::optional<JsonValue> value;
  std::string error;  // "expected ':' at offset 17" when value is empty
};

JsonParseResult parse_json(std::string_view text);

}  // namespace torchcompat
