#include "detectors/detect_cudnn.hpp"

#include <gtest/gtest.h>

#include "fake_file_system.hpp"

namespace torchcompat {
namespace {

using testing::FakeFileSystem;

std::string header(int major, int minor, int patch) {
  return "#ifndef CUDNN_VERSION_H_\n#define CUDNN_VERSION_H_\n\n#define CUDNN_MAJOR " + std::to_string(major) +
         "\n#define CUDNN_MINOR " + std::to_string(minor) + "\n#define CUDNN_PATCHLEVEL " +
         std::to_string(patch) +
         "\n\n#define CUDNN_VERSION (CUDNN_MAJOR * 10000 + CUDNN_MINOR * 100 + CUDNN_PATCHLEVEL)\n#endif\n";
}

TEST(CudnnHeader, ReadsTheThreeMacros) {
  EXPECT_EQ(parse_cudnn_header_version(header(9, 19, 0)), "9.19.0");
  EXPECT_EQ(parse_cudnn_header_version(header(8, 9, 6)), "8.9.6");
  EXPECT_EQ(parse_cudnn_header_version("#  define CUDNN_MAJOR 7\n# define CUDNN_MINOR 6\n#define CUDNN_PATCHLEVEL 5\n"),
            "7.6.5");
}

TEST(CudnnHeader, RejectsMissingOrNonNumericMacros) {
  EXPECT_EQ(parse_cudnn_header_version(""), std::nullopt);
  EXPECT_EQ(parse_cudnn_header_version("#define CUDNN_MAJOR 9\n#define CUDNN_MINOR 1\n"), std::nullopt);
  EXPECT_EQ(parse_cudnn_header_version("#define CUDNN_MAJOR X\n#define CUDNN_MINOR 1\n#define CUDNN_PATCHLEVEL 0\n"),
            std::nullopt);
  EXPECT_EQ(parse_cudnn_header_version("#define CUDNN_MAJORITY 9\n#define CUDNN_MINOR 1\n#define CUDNN_PATCHLEVEL 0\n"),
            std::nullopt);
  // v8's cudnn.h only includes cudnn_version.h.
  EXPECT_EQ(parse_cudnn_header_version("#include \"cudnn_version.h\"\n"), std::nullopt);
}

TEST(CudnnLibraryVersion, DecodesBothEncodings) {
  EXPECT_EQ(decode_cudnn_version(90300), "9.3.0");
  EXPECT_EQ(decode_cudnn_version(91900), "9.19.0");
  EXPECT_EQ(decode_cudnn_version(90101), "9.1.1");
  EXPECT_EQ(decode_cudnn_version(8906), "8.9.6");
  EXPECT_EQ(decode_cudnn_version(8100), "8.1.0");
  EXPECT_EQ(decode_cudnn_version(7605), "7.6.5");
  EXPECT_EQ(decode_cudnn_version(0), "");
}

ToolkitFindings toolkit_at(const std::string& root) {
  ToolkitFindings findings;
  findings.status = Status::found;
  Toolkit toolkit;
  toolkit.root = root;
  toolkit.version = "12.4";
  toolkit.selected = true;
  findings.toolkits.push_back(toolkit);
  return findings;
}

// The library half loads from the real loader path; these tests look only at the header half.
TEST(CudnnSearch, FindsTheHeaderInTheSelectedToolkit) {
  FakeFileSystem fs;
  fs.file("/opt/cuda-12.4/include/cudnn_version.h", header(9, 3, 0));
  const Cudnn cudnn = detect_cudnn(Options{}, fs, toolkit_at("/opt/cuda-12.4"));
  EXPECT_EQ(cudnn.header, "/opt/cuda-12.4/include/cudnn_version.h");
  EXPECT_EQ(cudnn.header_version, "9.3.0");
}

TEST(CudnnSearch, FindsTheHeaderUnderTargets) {
  FakeFileSystem fs;
  fs.file("/opt/cuda/targets/x86_64-linux/include/cudnn_version_v9.h", header(9, 1, 1));
  const Cudnn cudnn = detect_cudnn(Options{}, fs, toolkit_at("/opt/cuda"));
  EXPECT_EQ(cudnn.header, "/opt/cuda/targets/x86_64-linux/include/cudnn_version_v9.h");
  EXPECT_EQ(cudnn.header_version, "9.1.1");
}

TEST(CudnnSearch, CudnnRootComesBeforeTheToolkit) {
  FakeFileSystem fs;
  fs.file("/opt/cuda/include/cudnn_version.h", header(9, 3, 0))
      .file("/opt/cudnn-8/include/cudnn_version.h", header(8, 9, 6))
      .env("CUDNN_ROOT", "/opt/cudnn-8");
  const Cudnn cudnn = detect_cudnn(Options{}, fs, toolkit_at("/opt/cuda"));
  EXPECT_EQ(cudnn.header_version, "8.9.6");
}

TEST(CudnnSearch, OldCudnnKeepsItsVersionInCudnnH) {
  FakeFileSystem fs;
  fs.file("/usr/include/cudnn.h", "#define CUDNN_MAJOR 7\n#define CUDNN_MINOR 6\n#define CUDNN_PATCHLEVEL 5\n");
  const Cudnn cudnn = detect_cudnn(Options{}, fs, ToolkitFindings{});
  EXPECT_EQ(cudnn.header, "/usr/include/cudnn.h");
  EXPECT_EQ(cudnn.header_version, "7.6.5");
}

TEST(CudnnSearch, MultiarchDirectoryIsSearched) {
#if defined(__x86_64__)
  FakeFileSystem fs;
  fs.file("/usr/include/x86_64-linux-gnu/cudnn_version_v8.h", header(8, 9, 7));
  const Cudnn cudnn = detect_cudnn(Options{}, fs, ToolkitFindings{});
  EXPECT_EQ(cudnn.header_version, "8.9.7");
#else
  GTEST_SKIP() << "the saved tree is an x86_64 one";
#endif
}

TEST(CudnnSearch, AGarbageHeaderIsNamedInTheReason) {
  FakeFileSystem fs;
  fs.file("/opt/cuda/include/cudnn_version.h", "#define CUDNN_MAJOR nine\n");
  Options options;
  const Cudnn cudnn = detect_cudnn(options, fs, toolkit_at("/opt/cuda"));
  EXPECT_TRUE(cudnn.header.empty());
  if (cudnn.library.empty()) {
    EXPECT_EQ(cudnn.status, Status::not_found);
  }
  EXPECT_NE(cudnn.reason.find("no version in /opt/cuda/include/cudnn_version.h"), std::string::npos);
}

}  // namespace
}  // namespace torchcompat
