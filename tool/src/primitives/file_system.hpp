// The one place the probe touches files and the environment, so unit tests can
// hand detectors a saved tree and a chosen environment instead of this machine.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace torchcompat {

class FileSystem {
 public:
  virtual ~FileSystem() = default;
  // Whole file, or nullopt when it can't be read. Reads stop at max_bytes so a
  // runaway file (or a device node) can't exhaust memory.
  virtual std::optional<std::string> read_file(const std::string& path,
                                               std::size_t max_bytes = 1 << 20) const = 0;
  virtual bool is_directory(const std::string& path) const = 0;
  virtual bool is_file(const std::string& path) const = 0;
  // Entry names (not paths), sorted, without "." and "..".
  virtual std::vector<std::string> list_directory(const std::string& path) const = 0;
  virtual std::optional<std::string> getenv(const std::string& name) const = 0;
  // The path with symlinks resolved, or nullopt when it doesn't exist. Saved
  // test trees without symlinks can keep the default: the path itself.
  virtual std::optional<std::string> canonical_path(const std::string& path) const {
    if (is_directory(path) || is_file(path)) return path;
    return std::nullopt;
  }
  // A regular file this process may execute (nvcc, python3 on PATH).
  virtual bool is_executable(const std::string& path) const { return is_file(path); }
};

// The real machine.
const FileSystem& host_file_system();

}  // namespace torchcompat
