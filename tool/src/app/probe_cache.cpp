#include "probe_cache.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "isolation/child_payload.hpp"
#include "primitives/file_system.hpp"

#ifndef _WIN32
#include <cerrno>
#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace torchcompat {

namespace {

const char* const entry_format = "torchcompat-probe-cache-1";
// Entries are small; one this large is not ours.
constexpr std::size_t max_entry_bytes = 32u << 20;
// Old keys' entries are pruned beyond this many, oldest first.
constexpr std::size_t max_entries = 64;

std::string hex_hash(const std::string& text) {
  std::uint64_t hash = 14695981039346656037ull;  // FNV-1a: a file name, not a security boundary
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  char buffer[17];
  std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(hash));
  return buffer;
}

#ifndef _WIN32

#if defined(__APPLE__)
const struct timespec& modified(const struct stat& info) { return info.st_mtimespec; }
const struct timespec& changed(const struct stat& info) { return info.st_ctimespec; }
#else
const struct timespec& modified(const struct stat& info) { return info.st_mtim; }
const struct timespec& changed(const struct stat& info) { return info.st_ctim; }
#endif

std::string signature_of(const std::string& path, const struct stat& info) {
  return path + "|" + std::to_string(info.st_dev) + ":" + std::to_string(info.st_ino) + ":" +
         std::to_string(info.st_size) + ":" + std::to_string(modified(info).tv_sec) + "." +
         std::to_string(modified(info).tv_nsec) + ":" + std::to_string(changed(info).tv_sec) + "." +
         std::to_string(changed(info).tv_nsec) + ":" + std::to_string(info.st_mode);
}

// Creates each missing directory of `path` 0700.
bool make_directories(const std::string& path) {
  for (std::size_t slash = path.find('/', 1);; slash = path.find('/', slash + 1)) {
    const std::string part = path.substr(0, slash);
    if (::mkdir(part.c_str(), 0700) != 0 && errno != EEXIST) return false;
    if (slash == std::string::npos) return true;
  }
}

// The same per-user folder as the CMake package's other caches.
std::optional<std::string> cache_root(std::string& why_not) {
  const char* chosen = std::getenv("TORCHCOMPAT_PROBE_CACHE_DIR");
  if (chosen != nullptr && *chosen == '/') return std::string(chosen);
  const char* shared = std::getenv("TORCHCOMPAT_CACHE_DIR");
  if (shared != nullptr && *shared == '/') return std::string(shared) + "/probe-answers";
  const char* xdg = std::getenv("XDG_CACHE_HOME");
  if (xdg != nullptr && *xdg == '/') return std::string(xdg) + "/torchcompat/probe-answers";
  const char* home = std::getenv("HOME");
  if (home != nullptr && *home == '/') return std::string(home) + "/.cache/torchcompat/probe-answers";
  why_not = "no HOME for a cache directory";
  return std::nullopt;
}

// The names entry_path gives: "<kind>-<16 hex digits>.txt", the kind in lower-case letters. The
// folder may be one the user chose (TORCHCOMPAT_PROBE_CACHE_DIR) and hold files of their own.
bool is_entry_name(const std::string& name) {
  const std::size_t dash = name.find('-');
  if (dash == 0 || dash == std::string::npos || name.size() != dash + 1 + 16 + 4) return false;
  for (std::size_t i = 0; i < dash; ++i) {
    if (name[i] < 'a' || name[i] > 'z') return false;
  }
  for (std::size_t i = dash + 1; i < dash + 17; ++i) {
    const char c = name[i];
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return name.compare(dash + 17, 4, ".txt") == 0;
}

// Removes the oldest entries beyond max_entries: only regular files of this user's with an
// entry's name, never anything else in the folder.
void prune(const std::string& directory) {
  DIR* listing = ::opendir(directory.c_str());
  if (listing == nullptr) return;
  std::vector<std::pair<long long, std::string>> entries;
  while (const dirent* entry = ::readdir(listing)) {
    const std::string name = entry->d_name;
    if (!is_entry_name(name)) continue;
    struct stat info {};
    const std::string path = directory + "/" + name;
    if (::lstat(path.c_str(), &info) == 0 && S_ISREG(info.st_mode) && info.st_uid == ::geteuid()) {
      entries.emplace_back(modified(info).tv_sec, path);
    }
  }
  ::closedir(listing);
  if (entries.size() <= max_entries) return;
  std::sort(entries.begin(), entries.end());
  for (std::size_t i = 0; i + max_entries < entries.size(); ++i) ::unlink(entries[i].second.c_str());
}

#endif

}  // namespace

#ifndef _WIN32

std::string file_signature(const std::string& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) return path + "|absent";
  return signature_of(path, info);
}

std::string link_signature(const std::string& path) {
  struct stat info {};
  if (::lstat(path.c_str(), &info) != 0) return path + "|absent";
  std::string signature = signature_of(path, info);
  if (S_ISLNK(info.st_mode)) {
    char target[4096];
    const ssize_t n = ::readlink(path.c_str(), target, sizeof target);
    if (n > 0) signature += "->" + std::string(target, static_cast<std::size_t>(n));
  }
  return signature;
}

std::optional<ProbeCache> ProbeCache::open(std::string& why_not) {
  const auto root = cache_root(why_not);
  if (!root) return std::nullopt;
  if (!make_directories(*root)) {
    why_not = "cannot create " + *root;
    return std::nullopt;
  }
  // Another user's directory, or one others may write to, could hold planted answers.
  struct stat info {};
  if (::lstat(root->c_str(), &info) != 0 || !S_ISDIR(info.st_mode) || info.st_uid != ::geteuid() ||
      (info.st_mode & 0022) != 0) {
    why_not = *root + " is not a directory this user alone may write to";
    return std::nullopt;
  }
  return ProbeCache(*root);
}

std::string ProbeCache::entry_path(const std::string& kind, const std::string& key) const {
  return directory_ + "/" + kind + "-" + hex_hash(key) + ".txt";
}

std::optional<std::string> ProbeCache::load(const std::string& kind, const std::string& key) const {
  const auto text = host_file_system().read_file(entry_path(kind, key), max_entry_bytes);
  if (!text) return std::nullopt;
  const PayloadEntries entries = parse_payload(*text);
  const std::string* format = find_entry(entries, "format");
  const std::string* stored_key = find_entry(entries, "key");
  const std::string* body = find_entry(entries, "body");
  if (format == nullptr || *format != entry_format || stored_key == nullptr || *stored_key != key ||
      body == nullptr) {
    return std::nullopt;
  }
  for (const auto& [name, value] : entries) {
    if (name != "depends") continue;
    const auto bar = value.find('|');
    if (bar == std::string::npos || file_signature(value.substr(0, bar)) != value) return std::nullopt;
  }
  return *body;
}

void ProbeCache::store(const std::string& kind, const std::string& key, const std::vector<std::string>& dependencies,
                       const std::string& body) const {
  PayloadWriter out;
  out.add("format", entry_format).add("key", key);
  for (const auto& path : dependencies) out.add("depends", file_signature(path));
  out.add("body", body);
  std::string temporary = directory_ + "/.entry-XXXXXX";
  const int fd = ::mkstemp(temporary.data());
  if (fd < 0) return;
  const std::string& text = out.text();
  std::size_t written = 0;
  while (written < text.size()) {
    const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    written += static_cast<std::size_t>(n);
  }
  const bool complete = ::close(fd) == 0 && written == text.size();
  // rename replaces atomically: a concurrent reader sees the old entry or the new one, never half.
  if (!complete || ::rename(temporary.c_str(), entry_path(kind, key).c_str()) != 0) {
    ::unlink(temporary.c_str());
    return;
  }
  prune(directory_);
}

#else

std::string file_signature(const std::string& path) { return path + "|unknown"; }
std::string link_signature(const std::string& path) { return path + "|unknown"; }

std::optional<ProbeCache> ProbeCache::open(std::string& why_not) {
  why_not = "no cache on this platform yet";
  return std::nullopt;
}

std::string ProbeCache::entry_path(const std::string& kind, const std::string& key) const {
  return directory_ + "/" + kind + "-" + hex_hash(key) + ".txt";
}

std::optional<std::string> ProbeCache::load(const std::string&, const std::string&) const { return std::nullopt; }

void ProbeCache::store(const std::string&, const std::string&, const std::vector<std::string>&,
                       const std::string&) const {}

#endif

}  // namespace torchcompat
