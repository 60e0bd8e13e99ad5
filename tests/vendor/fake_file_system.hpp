// A saved tree and a chosen environment for the detectors, instead of this machine.
#pragma once

#include <map>
#include <set>
#include <string>

#include "primitives/file_system.hpp"

namespace torchcompat::testing {

class FakeFileSystem final : public FileSystem {
 public:
  FakeFileSystem& file(const std::string& path, const std::string& contents) {
    files_[path] = contents;
    for (auto slash = path.rfind('/'); slash != std::string::npos && slash > 0;
         slash = path.rfind('/', slash - 1)) {
      directories_.insert(path.substr(0, slash));
    }
    return *this;
  }
  FakeFileSystem& env(const std::string& name, const std::string& value) {
    environment_[name] = value;
    return *this;
  }

  std::optional<std::string> read_file(const std::string& path, std::size_t max_bytes) const override {
    const auto found = files_.find(path);
    if (found == files_.end()) return std::nullopt;
    return found->second.substr(0, max_bytes);
  }
  bool is_directory(const std::string& path) const override { return directories_.count(path) != 0; }
  bool is_file(const std::string& path) const override { return files_.count(path) != 0; }
  std::vector<std::string> list_directory(const std::string& path) const override {
    std::set<std::string> names;
    const std::string prefix = path + "/";
    for (const auto& [file, contents] : files_) {
      if (file.compare(0, prefix.size(), prefix) != 0) continue;
      names.insert(file.substr(prefix.size(), file.find('/', prefix.size()) - prefix.size()));
    }
    return {names.begin(), names.end()};
  }
  std::optional<std::string> getenv(const std::string& name) const override {
    const auto found = environment_.find(name);
    if (found == environment_.end()) return std::nullopt;
    return found->second;
  }

 private:
  std::map<std::string, std::string> files_;
  std::set<std::string> directories_;
  std::map<std::string, std::string> environment_;
};

}  // namespace torchcompat::testing
