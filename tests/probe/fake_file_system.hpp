// An in-memory FileSystem: a saved tree and a chosen environment, so detector
// unit tests don't depend on what this machine has installed.
#pragma once

#include <map>
#include <set>
#include <string>

#include "primitives/file_system.hpp"

namespace torchcompat::testing {

class FakeFileSystem : public FileSystem {
 public:
  // Adds a file and every directory above it.
  FakeFileSystem& file(const std::string& path, const std::string& content = "", bool executable = false) {
    files_[path] = content;
    if (executable) executables_.insert(path);
    add_parents(path);
    return *this;
  }
  FakeFileSystem& directory(const std::string& path) {
    directories_.insert(path);
    add_parents(path);
    return *this;
  }
  FakeFileSystem& env(const std::string& name, const std::string& value) {
    env_[name] = value;
    return *this;
  }
  // path resolves to target, as a symlink would.
  FakeFileSystem& link(const std::string& path, const std::string& target) {
    links_[path] = target;
    return *this;
  }

  std::optional<std::string> read_file(const std::string& path, std::size_t max_bytes) const override {
    auto it = files_.find(resolve(path));
    if (it == files_.end()) return std::nullopt;
    return it->second.substr(0, max_bytes);
  }
  bool is_directory(const std::string& path) const override { return directories_.count(resolve(path)) != 0; }
  bool is_file(const std::string& path) const override { return files_.count(resolve(path)) != 0; }
  std::vector<std::string> list_directory(const std::string& path) const override {
    std::string prefix = resolve(path);
    if (prefix != "/") prefix += "/";
    std::set<std::string> names;
    auto collect = [&](const std::string& entry) {
      if (entry.size() <= prefix.size() || entry.compare(0, prefix.size(), prefix) != 0) return;
      std::string rest = entry.substr(prefix.size());
      names.insert(rest.substr(0, rest.find('/')));
    };
    for (const auto& [name, content] : files_) collect(name);
    for (const auto& name : directories_) collect(name);
    for (const auto& [name, target] : links_) collect(name);
    return {names.begin(), names.end()};
  }
  std::optional<std::string> getenv(const std::string& name) const override {
    auto it = env_.find(name);
    if (it == env_.end()) return std::nullopt;
    return it->second;
  }
  std::optional<std::string> canonical_path(const std::string& path) const override {
    std::string resolved = resolve(path);
    if (is_directory(resolved) || is_file(resolved)) return resolved;
    return std::nullopt;
  }
  bool is_executable(const std::string& path) const override { return executables_.count(resolve(path)) != 0; }

 private:
  void add_parents(std::string path) {
    while (true) {
      std::size_t slash = path.find_last_of('/');
      if (slash == std::string::npos || slash == 0) break;
      path = path.substr(0, slash);
      directories_.insert(path);
    }
    directories_.insert("/");
  }
  // Follows links on any leading part of the path; depth stops link cycles.
  std::string resolve(const std::string& path, int depth = 0) const {
    if (depth > 8) return path;
    for (const auto& [from, to] : links_) {
      if (path == from) return resolve(to, depth + 1);
      if (path.compare(0, from.size() + 1, from + "/") == 0) return resolve(to + path.substr(from.size()), depth + 1);
    }
    return path;
  }

  std::map<std::string, std::string> files_;
  std::set<std::string> directories_;
  std::set<std::string> executables_;
  std::map<std::string, std::string> env_;
  std::map<std::string, std::string> links_;
};

}  // namespace torchcompat::testing
