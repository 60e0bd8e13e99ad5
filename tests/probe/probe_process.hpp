// Helpers for end-to-end tests: scratch directories holding saved toolkit and
// Python trees, and the built probe run under an environment the test chooses.
#pragma once

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "primitives/json_reader.hpp"
#include "isolation/run_process.hpp"

namespace torchcompat::testing {

class ScratchDirectory {
 public:
  ScratchDirectory() {
    std::string pattern = (std::filesystem::temp_directory_path() / "torchcompat-probe-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
  }
  ~ScratchDirectory() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  ScratchDirectory(const ScratchDirectory&) = delete;
  ScratchDirectory& operator=(const ScratchDirectory&) = delete;

  const std::string& path() const { return path_; }

  std::string write(const std::string& relative, const std::string& content, bool executable = false) const {
    std::filesystem::path full = std::filesystem::path(path_) / relative;
    std::filesystem::create_directories(full.parent_path());
    std::ofstream(full, std::ios::binary) << content;
    if (executable) ::chmod(full.c_str(), 0755);
    return full.string();
  }

 private:
  std::string path_;
};

inline std::string read_text_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Runs the probe with exactly env (nothing inherited), so the machine's own
// CUDA_HOME or pyenv can't leak into a test.
inline ProcessResult run_probe(const std::vector<std::string>& env, const std::vector<std::string>& args) {
  std::vector<std::string> argv = {"/usr/bin/env", "-i"};
  argv.insert(argv.end(), env.begin(), env.end());
  argv.push_back(TORCHCOMPAT_PROBE_EXE);
  argv.insert(argv.end(), args.begin(), args.end());
  // Each test asks afresh; the cache has its own tests (check_probe_cache.py).
  if (std::find(args.begin(), args.end(), "--help") == args.end() &&
      std::find(args.begin(), args.end(), "--version") == args.end()) {
    argv.push_back("--no-cache");
  }
  return run_process(argv, std::chrono::seconds(60));
}

// The JSON report, or a test failure that shows what the probe printed.
inline JsonValue probe_json(const std::vector<std::string>& env, std::vector<std::string> args) {
  args.insert(args.begin(), {"--format", "json"});
  ProcessResult ran = run_probe(env, args);
  EXPECT_EQ(ran.exit_code, 0) << ran.reason << "\n" << ran.err;
  JsonParseResult parsed = parse_json(ran.out);
  EXPECT_TRUE(parsed.value) << parsed.error << "\n" << ran.out;
  return parsed.value.value_or(JsonValue{});
}

inline std::string text_at(const JsonValue& object, const char* key) {
  const JsonValue* value = object.member(key);
  return value ? value->text : std::string("<missing ") + key + ">";
}

}  // namespace torchcompat::testing
