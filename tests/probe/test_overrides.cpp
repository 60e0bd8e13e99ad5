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

TEST(Overrides, AmdAndIntelListsReplaceWhatSysfsSaid) {
  testing::FakeFileSystem fs;
  fs.env("TORCHCOMPAT_OVERRIDE_AMD_GFX", " gfx1100, gfx90a;");
  fs.env("TORCHCOMPAT_OVERRIDE_INTEL_GPUS", "0x56A0;0x1234");
  const Overrides overrides = read_overrides(fs);
  Report report;
  report.amd.status = Status::not_found;
  report.amd.runtime_version = "6.2.0";
  report.intel.status = Status::found;
  report.intel.gpus.push_back(IntelGpu{0, "card0", "0x3e92", "UHD Graphics 630", "Gen9", "i915", false});
  apply_overrides(overrides, report);
  EXPECT_EQ(report.amd.status, Status::overridden);
  EXPECT_EQ(report.amd.source, "override");
  EXPECT_EQ(report.amd.runtime_version, "");  // the target machine's runtime is not known
  ASSERT_EQ(report.amd.gpus.size(), 2u);
  EXPECT_EQ(report.amd.gpus[1].index, 1);
  EXPECT_EQ(report.amd.gpus[1].gfx, "gfx90a");
  EXPECT_EQ(report.amd.gpus[1].gfx_target_version, 90010);
  EXPECT_EQ(report.amd.gpus[1].node, std::nullopt);
  EXPECT_EQ(report.intel.status, Status::overridden);
  ASSERT_EQ(report.intel.gpus.size(), 2u);
  EXPECT_EQ(report.intel.gpus[0].device_id, "0x56a0");
  EXPECT_EQ(report.intel.gpus[0].name, "Arc A770");
  EXPECT_EQ(report.intel.gpus[0].generation, "Xe-HPG");
  EXPECT_EQ(report.intel.gpus[0].card, "");
  EXPECT_EQ(report.intel.gpus[1].name, "");  // an id the table lacks stays unknown
  EXPECT_EQ(report.intel.gpus[1].generation, "");
  ASSERT_EQ(report.overrides.size(), 2u);
  EXPECT_EQ(report.overrides[0].value, "gfx1100;gfx90a");
  EXPECT_EQ(report.overrides[1].value, "0x56a0;0x1234");
}

TEST(Overrides, EmptyAmdAndIntelListsMeanNoSuchGpu) {
  testing::FakeFileSystem fs;
  fs.env("TORCHCOMPAT_OVERRIDE_AMD_GFX", "").env("TORCHCOMPAT_OVERRIDE_INTEL_GPUS", "");
  Report report;
  apply_overrides(read_overrides(fs), report);
  EXPECT_EQ(report.amd.status, Status::overridden);
  EXPECT_TRUE(report.amd.gpus.empty());
  EXPECT_EQ(report.intel.status, Status::overridden);
  EXPECT_TRUE(report.intel.gpus.empty());
}

TEST(Overrides, MalformedAmdAndIntelListsNameTheVariableAndTheForm) {
  const std::pair<const char*, const char*> cases[] = {
      {"TORCHCOMPAT_OVERRIDE_AMD_GFX", "gfx1100;sm_90"}, {"TORCHCOMPAT_OVERRIDE_AMD_GFX", "1100"},
      {"TORCHCOMPAT_OVERRIDE_AMD_GFX", "gfx90a:xnack-"}, {"TORCHCOMPAT_OVERRIDE_INTEL_GPUS", "56a0"},
      {"TORCHCOMPAT_OVERRIDE_INTEL_GPUS", "0x56a0;A770"}, {"TORCHCOMPAT_OVERRIDE_INTEL_GPUS", "0x56a00"}};
  for (const auto& [variable, value] : cases) {
    testing::FakeFileSystem fs;
    fs.env(variable, value);
    try {
      read_overrides(fs);
      ADD_FAILURE() << variable << "=" << value << " was accepted";
    } catch (const OverrideError& error) {
      const std::string message = error.what();
      EXPECT_NE(message.find(std::string(variable) + "=\"" + value + "\" is not valid"), std::string::npos)
          << message;
      EXPECT_NE(message.find("or an empty value for no"), std::string::npos) << message;
    }
  }
  EXPECT_EQ(parse_amd_gfx("gfx942,gfx1151"), (std::vector<std::string>{"gfx942", "gfx1151"}));
  EXPECT_EQ(parse_intel_gpus("0XE20B"), (std::vector<std::string>{"0xe20b"}));
}

}  // namespace
}  // namespace torchcompat
