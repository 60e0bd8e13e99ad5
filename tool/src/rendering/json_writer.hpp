// Writes JSON in the order the caller emits it (the schema's order is part of
// the contract), pretty-printed, with strings always valid UTF-8.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace torchcompat {

class JsonWriter {
 public:
  void begin_object();
  void end_object();
  void begin_array();
  void end_array();
  void key(std::string_view name);

  void string(std::string_view text);
  // Absent values are null, never "": an empty text writes null.
  void string_or_null(std::string_view text);
  void integer(std::int64_t value);
  void boolean(bool value);
  void null();

  const std::string& text() const { return out_; }

 private:
  void before_value();
  void newline();
  void close(char bracket);

  std::string out_;
  // One entry per open container: whether it has members yet.
  std::vector<bool> has_members_;
  bool after_key_ = false;
};

// The JSON string literal for text, quotes included. Control characters are
// escaped; bytes that are not valid UTF-8 become U+FFFD.
std::string json_quote(std::string_view text);

}  // namespace torchcompat
