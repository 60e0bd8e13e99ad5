#include <gtest/gtest.h>

#include "fake_file_system.hpp"
#include "primitives/path_utils.hpp"

namespace torchcompat {
namespace {

using testing::FakeFileSystem;

TEST(PathUtils, ParentDirectory) {
  EXPECT_EQ(parent_directory("/usr/local/cuda/bin/nvcc"), "/usr/local/cuda/bin");
  EXPECT_EQ(parent_directory("/usr/local/cuda/bin/"), "/usr/local/cuda");
  EXPECT_EQ(parent_directory("/nvcc"), "/");
  EXPECT_EQ(parent_directory("nvcc"), "");
  EXPECT_EQ(join_path("/a/", "b"), "/a/b");
  EXPECT_EQ(join_path("/a", "b"), "/a/b");
}

TEST(PathUtils, FindOnPathTakesTheFirstExecutable) {
  FakeFileSystem fs;
  fs.file("/first/nvcc", "not executable")
      .file("/second/nvcc", "", true)
      .file("/third/nvcc", "", true)
      .env("PATH", "/missing:/first:/second:/third");
  EXPECT_EQ(find_on_path(fs, "nvcc").value_or(""), "/second/nvcc");
  EXPECT_FALSE(find_on_path(fs, "python3"));
}

TEST(PathUtils, EmptyPathEntryIsTheCurrentDirectory) {
  FakeFileSystem fs;
  fs.file("./python3", "", true).env("PATH", "/bin::/usr/bin");
  EXPECT_EQ(find_on_path(fs, "python3").value_or(""), "./python3");
  FakeFileSystem no_path;
  EXPECT_FALSE(find_on_path(no_path, "python3"));
}

}  // namespace
}  // namespace torchcompat
