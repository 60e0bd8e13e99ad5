// The line protocol an isolated detector's child uses to hand its findings to
// the parent: one "key=value" per line, keys may repeat, values escaped so a
// vendor string can't break the framing ('\\' -> "\\\\", newline -> "\\n",
// carriage return -> "\\r"). Lines without '=' and an unterminated last line
// are ignored, so a truncated payload decodes to what arrived intact.
#pragma once

#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace torchcompat {

class PayloadWriter {
 public:
  using Sink = std::function<void(const std::string& line)>;
  PayloadWriter() = default;
  // Each line also goes to `sink` as soon as it is added, so the parent has
  // it even if the next vendor call kills the child.
  explicit PayloadWriter(Sink sink) : sink_(std::move(sink)) {}

  PayloadWriter& add(const std::string& key, const std::string& value);
  PayloadWriter& add(const std::string& key, long long value);
  const std::string& text() const { return text_; }

 private:
  Sink sink_;
  std::string text_;
};

using PayloadEntries = std::vector<std::pair<std::string, std::string>>;

PayloadEntries parse_payload(const std::string& text);

// The first value of `key`, or nullptr.
const std::string* find_entry(const PayloadEntries& entries, const std::string& key);
// The last value of `key`, or nullptr.
const std::string* last_entry(const PayloadEntries& entries, const std::string& key);

}  // namespace torchcompat
