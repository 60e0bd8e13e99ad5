#include "file_system.hpp"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <system_error>

#include <filesystem>

#ifndef _WIN32
#include <unistd.h>
#endif

namespace torchcompat {

namespace {

namespace fs = std::filesystem;

class HostFileSystem final : public FileSystem {
 public:
  std::optional<std::string> read_file(const std::string& path, std::size_t max_bytes) const override {
    std::error_code ec;
    // Opening a directory "succeeds" with some standard libraries; refuse it up front.
    if (fs::is_directory(path, ec)) return std::nullopt;
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::string data;
    char buffer[8192];
    while (data.size() < max_bytes) {
      in.read(buffer, sizeof buffer);
      if (in.gcount() <= 0) break;
      data.append(buffer, static_cast<std::size_t>(in.gcount()));
    }
    if (in.bad()) return std::nullopt;
    if (data.size() > max_bytes) data.resize(max_bytes);
    return data;
  }

  bool is_directory(const std::string& path) const override {
    std::error_code ec;
    return fs::is_directory(path, ec);
  }

  bool is_file(const std::string& path) const override {
    std::error_code ec;
    return fs::is_regular_file(path, ec);
  }

  std::vector<std::string> list_directory(const std::string& path) const override {
    std::vector<std::string> names;
    std::error_code ec;
    for (fs::directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec))
      names.push_back(it->path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
  }

  std::optional<std::string> getenv(const std::string& name) const override {
    const char* value = std::getenv(name.c_str());
    if (value == nullptr) return std::nullopt;
    return std::string(value);
  }

  std::optional<std::string> canonical_path(const std::string& path) const override {
    std::error_code ec;
    fs::path resolved = fs::canonical(path, ec);
    if (ec) return std::nullopt;
    return resolved.string();
  }

  bool is_executable(const std::string& path) const override {
    if (!is_file(path)) return false;
#ifdef _WIN32
    return true;
#else
    return ::access(path.c_str(), X_OK) == 0;
#endif
  }
};

}  // namespace

const FileSystem& host_file_system() {
  static const HostFileSystem instance;
  return instance;
}

}  // namespace torchcompat
