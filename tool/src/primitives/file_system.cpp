#include "file_system.hpp"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <system_error>

#ifndef _WIN32
#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace torchcompat {

namespace {

namespace fs = std::filesystem;

// A read that takes longer than this is no local text file (a stalled network
// mount, a file the kernel fills slowly); what came by then is not trusted.
constexpr std::chrono::seconds read_time_limit{2};

#ifndef _WIN32

// Only regular files are read: a FIFO, a device or a socket (a version.json
// linked to /dev/zero, /proc/kmsg, a named pipe) could block forever or never
// end. O_NONBLOCK makes opening a FIFO return at once, so it can be refused,
// and makes a read that would wait fail instead.
std::optional<std::string> read_regular_file(const std::string& path, std::size_t max_bytes) {
  int fd = -1;
  do {
    fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  } while (fd < 0 && errno == EINTR);
  if (fd < 0) return std::nullopt;
  struct stat info {};
  if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
    ::close(fd);
    return std::nullopt;
  }
  const auto deadline = std::chrono::steady_clock::now() + read_time_limit;
  std::string data;
  char buffer[8192];
  bool failed = false;
  while (data.size() < max_bytes) {
    if (std::chrono::steady_clock::now() > deadline) {
      failed = true;
      break;
    }
    const std::size_t want = std::min(sizeof buffer, max_bytes - data.size());
    const ssize_t n = ::read(fd, buffer, want);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      failed = true;  // EAGAIN included: a regular file that would block is not one to wait for
      break;
    }
    if (n == 0) break;
    data.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(fd);
  if (failed) return std::nullopt;
  return data;
}

#else

std::optional<std::string> read_regular_file(const std::string& path, std::size_t max_bytes) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  const auto deadline = std::chrono::steady_clock::now() + read_time_limit;
  std::string data;
  char buffer[8192];
  while (data.size() < max_bytes && std::chrono::steady_clock::now() <= deadline) {
    in.read(buffer, sizeof buffer);
    if (in.gcount() <= 0) break;
    data.append(buffer, static_cast<std::size_t>(in.gcount()));
  }
  if (in.bad()) return std::nullopt;
  if (data.size() > max_bytes) data.resize(max_bytes);
  return data;
}

#endif

class HostFileSystem final : public FileSystem {
 public:
  std::optional<std::string> read_file(const std::string& path, std::size_t max_bytes) const override {
    return read_regular_file(path, max_bytes);
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
