#include <gtest/gtest.h>

#include "fake_file_system.hpp"
#include "detectors/overrides.hpp"

namespace torchcompat {
namespace {

using testing::FakeFileSystem;

TEST(Overrides, NoneSetChangesNothing) {
  FakeFileSystem fs;
  Overrides overrides = read_overrides(fs);
  EXPECT_TRUE(overrides.listed.empty());
  Report report;
  report.driver.release = "550.54.14";
  apply_overrides(overrides, report);
  EXPECT_EQ(report.driver.release, "550.54.14");
  EXPECT_TRUE(report.overrides.empty());
}

TEST(Overrides, ReplaceDetectedValuesAndAreListed) {
  FakeFileSystem fs;
  fs.env("TORCHCOMPAT_OVERRIDE_DRIVER", "470.82.01")
      .env("TORCHCOMPAT_OVERRIDE_CUDA", "11.4")
      .env("TORCHCOMPAT_OVERRIDE_GPU_ARCHS", "8.6; 9.0")
      .env("TORCHCOMPAT_OVERRIDE_CUDNN", "8.9.7")
      .env("TORCHCOMPAT_OVERRIDE_TOOLKIT", "11.8");
  Overrides overrides = read_overrides(fs);
  EXPECT_TRUE(overrides.replaces_driver_and_gpus());

  Report report;
  report.driver.status = Status::found;
  report.driver.release = "580.1";
  report.driver.forward_compat = true;
  Toolkit real;
  real.version = "13.0";
  real.selected = true;
  report.toolkits.toolkits.push_back(real);
  apply_overrides(overrides, report);

  EXPECT_EQ(report.driver.status, Status::overridden);
  EXPECT_EQ(report.driver.release, "470.82.01");
  EXPECT_EQ(report.driver.release_source, "override");
  EXPECT_EQ(report.driver.cuda_version, "11.4");
  EXPECT_FALSE(report.driver.forward_compat);
  EXPECT_EQ(report.gpus.status, Status::overridden);
  ASSERT_EQ(report.gpus.gpus.size(), 2u);
  EXPECT_EQ(report.gpus.gpus[1].index, 1);
  EXPECT_EQ(report.gpus.gpus[1].cc_major, 9);
  EXPECT_EQ(report.gpus.gpus[1].cc_minor, 0);
  EXPECT_EQ(report.cudnn.status, Status::overridden);
  EXPECT_EQ(report.cudnn.version, "8.9.7");
  ASSERT_EQ(report.toolkits.toolkits.size(), 2u);
  EXPECT_EQ(report.toolkits.toolkits[0].version, "11.8");
  EXPECT_TRUE(report.toolkits.toolkits[0].selected);
  EXPECT_FALSE(report.toolkits.toolkits[1].selected);
  ASSERT_EQ(report.overrides.size(), 5u);
  EXPECT_EQ(report.overrides[0].name, "TORCHCOMPAT_OVERRIDE_DRIVER");
  EXPECT_EQ(report.overrides[2].value, "8.6;9.0");
}

TEST(Overrides, EmptyGpuArchsMeansNoGpu) {
  FakeFileSystem fs;
  fs.env("TORCHCOMPAT_OVERRIDE_GPU_ARCHS", "");
  Overrides overrides = read_overrides(fs);
  ASSERT_TRUE(overrides.gpu_archs);
  EXPECT_TRUE(overrides.gpu_archs->empty());
  EXPECT_FALSE(overrides.replaces_driver_and_gpus());
  Report report;
  report.gpus.status = Status::found;
  report.gpus.gpus.push_back(Gpu{});
  apply_overrides(overrides, report);
  EXPECT_EQ(report.gpus.status, Status::overridden);
  EXPECT_TRUE(report.gpus.gpus.empty());
  ASSERT_EQ(report.overrides.size(), 1u);
  EXPECT_EQ(report.overrides[0].value, "");
}

TEST(Overrides, MalformedValuesNameTheVariableAndTheForm) {
  struct Case {
    const char* variable;
    const char* value;
    const char* expected;
  };
  for (const Case& c : {Case{"TORCHCOMPAT_OVERRIDE_DRIVER", "abc", "470.82.01"},
                        Case{"TORCHCOMPAT_OVERRIDE_DRIVER", "470", "470.82.01"},
                        Case{"TORCHCOMPAT_OVERRIDE_CUDA", "11.4.1", "11.4"},
                        Case{"TORCHCOMPAT_OVERRIDE_CUDA", "", "11.4"},
                        Case{"TORCHCOMPAT_OVERRIDE_GPU_ARCHS", "sm_86", "8.6;9.0"},
                        Case{"TORCHCOMPAT_OVERRIDE_GPU_ARCHS", "8.10", "8.6;9.0"},
                        Case{"TORCHCOMPAT_OVERRIDE_CUDNN", "v9", "9.1.0"},
                        Case{"TORCHCOMPAT_OVERRIDE_TOOLKIT", "12", "12.4"}}) {
    FakeFileSystem fs;
    fs.env(c.variable, c.value);
    try {
      read_overrides(fs);
      ADD_FAILURE() << c.variable << "=" << c.value << " was accepted";
    } catch (const OverrideError& error) {
      std::string message = error.what();
      EXPECT_NE(message.find(c.variable), std::string::npos) << message;
      EXPECT_NE(message.find(c.expected), std::string::npos) << message;
    }
  }
}

TEST(Overrides, GpuArchListForms) {
  auto archs = parse_gpu_archs("7.5,8.0;;9.0 ");
  ASSERT_TRUE(archs);
  ASSERT_EQ(archs->size(), 3u);
  EXPECT_EQ((*archs)[0].major, 7);
  EXPECT_EQ((*archs)[0].minor, 5);
  EXPECT_FALSE(parse_gpu_archs("8"));
  EXPECT_FALSE(parse_gpu_archs("8.6.1"));
  EXPECT_FALSE(parse_gpu_archs("0.5"));
}

}  // namespace
}  // namespace torchcompat
