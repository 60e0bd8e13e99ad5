#include "child_payload.hpp"

namespace torchcompat {

namespace {

std::string escape(const std::string& value) {
  std::string escaped;
  escaped.reserve(value.size());
  for (char c : value) {
    if (c == '\\') {
      escaped += "\\\\";
    } else if (c == '\n') {
      escaped += "\\n";
    } else if (c == '\r') {
      escaped += "\\r";
    } else {
      escaped += c;
    }
  }
  return escaped;
}

std::string unescape(const std::string& value) {
  std::string plain;
  plain.reserve(value.size());
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (value[i] != '\\' || i + 1 == value.size()) {
      plain += value[i];
      continue;
    }
    const char next = value[++i];
    plain += next == 'n' ? '\n' : next == 'r' ? '\r' : next;
  }
  return plain;
}

}  // namespace

PayloadWriter& PayloadWriter::add(const std::string& key, const std::string& value) {
  const std::string line = key + '=' + escape(value) + '\n';
  text_ += line;
  if (sink_) sink_(line);
  return *this;
}

PayloadWriter& PayloadWriter::add(const std::string& key, long long value) {
  return add(key, std::to_string(value));
}

PayloadEntries parse_payload(const std::string& text) {
  PayloadEntries entries;
  std::size_t start = 0;
  // A last line without its newline was cut short; it is dropped, not guessed at.
  for (std::size_t end = text.find('\n'); end != std::string::npos;
       start = end + 1, end = text.find('\n', start)) {
    const std::string line = text.substr(start, end - start);
    const auto equals = line.find('=');
    if (equals == std::string::npos || equals == 0) continue;
    entries.emplace_back(line.substr(0, equals), unescape(line.substr(equals + 1)));
  }
  return entries;
}

const std::string* find_entry(const PayloadEntries& entries, const std::string& key) {
  for (const auto& entry : entries) {
    if (entry.first == key) return &entry.second;
  }
  return nullptr;
}

const std::string* last_entry(const PayloadEntries& entries, const std::string& key) {
  for (auto entry = entries.rbegin(); entry != entries.rend(); ++entry) {
    if (entry->first == key) return &entry->second;
  }
  return nullptr;
}

}  // namespace torchcompat
