// The host file-read layer: bounded in size and time, regular files only.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include <sys/stat.h>
#include <unistd.h>

#include "primitives/file_system.hpp"

namespace torchcompat {
namespace {

namespace fs = std::filesystem;

class HostFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    char pattern[] = "/tmp/torchcompat-fs-XXXXXX";
    ASSERT_NE(mkdtemp(pattern), nullptr);
    dir_ = pattern;
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }
  fs::path dir_;
};

TEST_F(HostFiles, ReadsARegularFileUpToTheLimit) {
  std::ofstream(path("a.txt")) << "0123456789";
  EXPECT_EQ(host_file_system().read_file(path("a.txt"), 1 << 20), "0123456789");
  EXPECT_EQ(host_file_system().read_file(path("a.txt"), 4), "0123");
}

TEST_F(HostFiles, AFifoBehindALinkIsRefusedAtOnce) {
  // version.json linked to a named pipe nobody writes: reading it would block forever.
  ASSERT_EQ(mkfifo(path("fifo").c_str(), 0600), 0);
  fs::create_symlink(path("fifo"), path("version.json"));
  const auto started = std::chrono::steady_clock::now();
  EXPECT_EQ(host_file_system().read_file(path("version.json"), 1 << 20), std::nullopt);
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(1));
}

TEST_F(HostFiles, DevicesAndDirectoriesAreRefused) {
  fs::create_symlink("/dev/zero", path("zero"));
  EXPECT_EQ(host_file_system().read_file(path("zero"), 1 << 20), std::nullopt);
  EXPECT_EQ(host_file_system().read_file(dir_.string(), 1 << 20), std::nullopt);
  EXPECT_EQ(host_file_system().read_file(path("missing"), 1 << 20), std::nullopt);
}

}  // namespace
}  // namespace torchcompat
