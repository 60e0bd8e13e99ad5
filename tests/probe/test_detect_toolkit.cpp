#include <gtest/gtest.h>

#include "detectors/detect_toolkit.hpp"
#include "fake_file_system.hpp"

namespace torchcompat {
namespace {

using testing::FakeFileSystem;

// nvcc must not run unless every file source failed; tests that expect no run use this.
ProcessResult nvcc_must_not_run(const std::string& path) {
  ADD_FAILURE() << "nvcc was run: " << path;
  return {};
}

NvccRunner nvcc_printing(std::string banner, std::vector<std::string>* calls = nullptr) {
  return [banner, calls](const std::string& path) {
    if (calls) calls->push_back(path);
    ProcessResult result;
    result.status = Status::found;
    result.exit_code = 0;
    result.out = banner;
    return result;
  };
}

FakeFileSystem& add_json_toolkit(FakeFileSystem& fs, const std::string& root, const std::string& version) {
  return fs.file(root + "/version.json", R"({"cuda": {"name": "CUDA SDK", "version": ")" + version + "\"}}")
      .file(root + "/bin/nvcc", "", true);
}

TEST(DetectToolkit, VersionJsonOnly) {
  FakeFileSystem fs;
  fs.file("/usr/local/cuda/version.json", R"({"cuda": {"version": "12.4.131"}})");
  auto found = detect_toolkits(Options{}, fs, nvcc_must_not_run);
  ASSERT_EQ(found.status, Status::found);
  ASSERT_EQ(found.toolkits.size(), 1u);
  EXPECT_EQ(found.toolkits[0].version, "12.4.131");
  EXPECT_EQ(found.toolkits[0].source, "version.json");
  EXPECT_EQ(found.toolkits[0].found_via, "/usr/local/cuda");
  EXPECT_TRUE(found.toolkits[0].selected);
}

TEST(DetectToolkit, VersionTxtOnly) {
  FakeFileSystem fs;
  fs.file("/usr/local/cuda/version.txt", "CUDA Version 10.2.89\n");
  auto found = detect_toolkits(Options{}, fs, nvcc_must_not_run);
  ASSERT_EQ(found.toolkits.size(), 1u);
  EXPECT_EQ(found.toolkits[0].version, "10.2.89");
  EXPECT_EQ(found.toolkits[0].source, "version.txt");
}

TEST(DetectToolkit, CudaHeaderOnly) {
  FakeFileSystem fs;
  fs.file("/opt/cuda/include/cuda.h", "#define CUDA_VERSION 11080\n");
  auto found = detect_toolkits(Options{}, fs, nvcc_must_not_run);
  ASSERT_EQ(found.toolkits.size(), 1u);
  EXPECT_EQ(found.toolkits[0].version, "11.8");
  EXPECT_EQ(found.toolkits[0].source, "include/cuda.h");
  EXPECT_EQ(found.toolkits[0].found_via, "/opt/cuda");
}

TEST(DetectToolkit, NvccAsLastResort) {
  FakeFileSystem fs;
  fs.file("/usr/lib/cuda/bin/nvcc", "", true);
  std::vector<std::string> calls;
  auto found = detect_toolkits(Options{}, fs, nvcc_printing("Cuda compilation tools, release 12.2, V12.2.140", &calls));
  ASSERT_EQ(found.toolkits.size(), 1u);
  EXPECT_EQ(found.toolkits[0].version, "12.2.140");
  EXPECT_EQ(found.toolkits[0].source, "nvcc --version");
  EXPECT_EQ(calls, std::vector<std::string>{"/usr/lib/cuda/bin/nvcc"});
}

TEST(DetectToolkit, GarbageFilesFallThroughWithReasons) {
  FakeFileSystem fs;
  fs.file("/usr/local/cuda/version.json", "{\"cuda\": {\"vers")  // truncated
      .file("/usr/local/cuda/version.txt", "\x7f" "ELF\x01\x02 binary junk")
      .file("/usr/local/cuda/include/cuda.h", "#define CUDA_VERSION 12060\n");
  auto found = detect_toolkits(Options{}, fs, nvcc_must_not_run);
  ASSERT_EQ(found.toolkits.size(), 1u);
  const Toolkit& toolkit = found.toolkits[0];
  EXPECT_EQ(toolkit.version, "12.6");
  EXPECT_EQ(toolkit.source, "include/cuda.h");
  EXPECT_NE(toolkit.reason.find("version.json: not valid JSON"), std::string::npos) << toolkit.reason;
  EXPECT_NE(toolkit.reason.find("version.txt: no \"CUDA Version\" line"), std::string::npos) << toolkit.reason;
}

TEST(DetectToolkit, NothingReadableIsAnErrorWithTheReason) {
  FakeFileSystem fs;
  fs.file("/usr/local/cuda/version.json", "garbage").file("/usr/local/cuda/bin/nvcc", "", true);
  ProcessResult crashed;
  crashed.status = Status::crashed;
  crashed.reason = "crashed (signal 11)";
  auto found = detect_toolkits(Options{}, fs, [&](const std::string&) { return crashed; });
  EXPECT_EQ(found.status, Status::error);
  ASSERT_EQ(found.toolkits.size(), 1u);
  EXPECT_TRUE(found.toolkits[0].version.empty());
  EXPECT_TRUE(found.toolkits[0].selected);
  EXPECT_NE(found.toolkits[0].reason.find("nvcc --version crashed (signal 11)"), std::string::npos)
      << found.toolkits[0].reason;
}

TEST(DetectToolkit, TwoToolkitsSideBySideNewestVersionedFirst) {
  FakeFileSystem fs;
  add_json_toolkit(fs, "/usr/local/cuda-11.8", "11.8.89");
  add_json_toolkit(fs, "/usr/local/cuda-12.10", "12.10.0");
  add_json_toolkit(fs, "/usr/local/cuda-12.4", "12.4.131");
  fs.directory("/usr/local/cuda-notes");
  auto found = detect_toolkits(Options{}, fs, nvcc_must_not_run);
  ASSERT_EQ(found.toolkits.size(), 3u);
  EXPECT_EQ(found.toolkits[0].root, "/usr/local/cuda-12.10");  // numeric, not lexical, order
  EXPECT_EQ(found.toolkits[1].root, "/usr/local/cuda-12.4");
  EXPECT_EQ(found.toolkits[2].root, "/usr/local/cuda-11.8");
  EXPECT_TRUE(found.toolkits[0].selected);
  EXPECT_FALSE(found.toolkits[1].selected);
  EXPECT_FALSE(found.toolkits[2].selected);
}

TEST(DetectToolkit, SymlinkedDefaultIsListedOnce) {
  FakeFileSystem fs;
  add_json_toolkit(fs, "/usr/local/cuda-12.4", "12.4.131");
  add_json_toolkit(fs, "/usr/local/cuda-11.8", "11.8.89");
  fs.link("/usr/local/cuda", "/usr/local/cuda-11.8");
  auto found = detect_toolkits(Options{}, fs, nvcc_must_not_run);
  ASSERT_EQ(found.toolkits.size(), 2u);
  // /usr/local/cuda outranks the versioned directories, even an older one.
  EXPECT_EQ(found.toolkits[0].root, "/usr/local/cuda");
  EXPECT_EQ(found.toolkits[0].version, "11.8.89");
  EXPECT_TRUE(found.toolkits[0].selected);
  EXPECT_EQ(found.toolkits[1].root, "/usr/local/cuda-12.4");
}

TEST(DetectToolkit, PrecedenceRootThenPathVarsThenNvccOnPath) {
  FakeFileSystem fs;
  add_json_toolkit(fs, "/t/root", "12.1.0");
  add_json_toolkit(fs, "/t/cudapath", "12.2.0");
  add_json_toolkit(fs, "/t/cudahome", "12.3.0");
  add_json_toolkit(fs, "/t/onpath", "12.5.0");
  add_json_toolkit(fs, "/usr/local/cuda", "12.6.0");
  fs.link("/usr/bin/nvcc", "/t/onpath/bin/nvcc");
  fs.env("PATH", "/nowhere:/usr/bin");

  fs.env("CUDAToolkit_ROOT", "/t/root").env("CUDA_PATH", "/t/cudapath").env("CUDA_HOME", "/t/cudahome");
  auto all = detect_toolkits(Options{}, fs, nvcc_must_not_run);
  ASSERT_EQ(all.toolkits.size(), 5u);
  const char* expected_via[] = {"CUDAToolkit_ROOT", "CUDA_PATH", "CUDA_HOME", "PATH (nvcc)", "/usr/local/cuda"};
  const char* expected_root[] = {"/t/root", "/t/cudapath", "/t/cudahome", "/t/onpath", "/usr/local/cuda"};
  for (std::size_t i = 0; i < 5; ++i) {
    EXPECT_EQ(all.toolkits[i].found_via, expected_via[i]);
    EXPECT_EQ(all.toolkits[i].root, expected_root[i]);
    EXPECT_EQ(all.toolkits[i].selected, i == 0);
  }

  fs.env("CUDAToolkit_ROOT", "");  // set but empty: ignored, as by CMake
  auto without_root = detect_toolkits(Options{}, fs, nvcc_must_not_run);
  EXPECT_EQ(without_root.toolkits[0].found_via, "CUDA_PATH");
  EXPECT_TRUE(without_root.toolkits[0].selected);
}

TEST(DetectToolkit, ExplicitRootThatIsNoToolkitIsReported) {
  FakeFileSystem fs;
  add_json_toolkit(fs, "/usr/local/cuda", "12.6.0");
  fs.directory("/empty");
  fs.env("CUDAToolkit_ROOT", "/empty");
  auto found = detect_toolkits(Options{}, fs, nvcc_must_not_run);
  ASSERT_EQ(found.toolkits.size(), 2u);
  EXPECT_FALSE(found.toolkits[0].selected);
  EXPECT_NE(found.toolkits[0].reason.find("not a CUDA toolkit"), std::string::npos);
  EXPECT_TRUE(found.toolkits[1].selected);
  EXPECT_EQ(found.status, Status::found);
}

TEST(DetectToolkit, CudaRootOptionIsTheOnlyOne) {
  FakeFileSystem fs;
  add_json_toolkit(fs, "/usr/local/cuda", "12.6.0");
  add_json_toolkit(fs, "/mine", "11.8.0");
  fs.env("CUDAToolkit_ROOT", "/usr/local/cuda");
  Options options;
  options.cuda_root = "/mine";
  auto found = detect_toolkits(options, fs, nvcc_must_not_run);
  ASSERT_EQ(found.toolkits.size(), 1u);
  EXPECT_EQ(found.toolkits[0].found_via, "--cuda-root");
  EXPECT_EQ(found.toolkits[0].version, "11.8.0");
  EXPECT_TRUE(found.toolkits[0].selected);

  options.cuda_root = "/does/not/exist";
  auto missing = detect_toolkits(options, fs, nvcc_must_not_run);
  EXPECT_EQ(missing.status, Status::not_found);
  EXPECT_NE(missing.reason.find("/does/not/exist: directory does not exist"), std::string::npos) << missing.reason;
}

TEST(DetectToolkit, NoToolkitAnywhere) {
  FakeFileSystem fs;
  fs.directory("/usr/local/cuda-backup");
  auto found = detect_toolkits(Options{}, fs, nvcc_must_not_run);
  EXPECT_EQ(found.status, Status::not_found);
  EXPECT_TRUE(found.toolkits.empty());
  EXPECT_NE(found.reason.find("no CUDA toolkit"), std::string::npos);
}

}  // namespace
}  // namespace torchcompat
