// Intel GPUs from saved DRM/PCI sysfs trees: which cards are Intel GPUs, their
// names and generations from the probe's table (unknown ids stay unknown), the
// bound driver, ZE_AFFINITY_MASK, and attributes that are malformed or huge.
#include <gtest/gtest.h>

#include <chrono>

#include "detectors/detect_intel.hpp"
#include "detectors/intel_gpu_ids.hpp"
#include "isolation/child_payload.hpp"
#include "fake_file_system.hpp"
#include "sysfs_fixtures.hpp"

namespace torchcompat {
namespace {

using testing::drm_card;
using testing::FakeFileSystem;

// An older iGPU (Coffee Lake UHD 630), an Arc A770 on i915, an Arc B580 on xe,
// and an NVIDIA card; plus the entries of /sys/class/drm that are no cards.
FakeFileSystem three_intel_gpus(const std::string& root = "") {
  FakeFileSystem fs;
  drm_card(fs, root, "card0", "0000:00:02.0", "0x8086", "0x3e92", "0x030000", "i915");
  drm_card(fs, root, "card1", "0000:03:00.0", "0x8086", "0x56a0", "0x030000", "i915");
  drm_card(fs, root, "card2", "0000:04:00.0", "0x10de", "0x2684", "0x030000", "nvidia");
  drm_card(fs, root, "card3", "0000:05:00.0", "0x8086", "0xe20b", "0x030000", "xe");
  fs.directory(root + "/sys/class/drm/card0-DP-1");
  fs.directory(root + "/sys/class/drm/renderD128");
  fs.file(root + "/sys/class/drm/version", "drm 1.1.0 20060810\n");
  return fs;
}

std::vector<std::string> names_of(const IntelFindings& findings) {
  std::vector<std::string> names;
  for (const auto& gpu : findings.gpus) names.push_back(gpu.name);
  return names;
}

TEST(DetectIntel, EachIntelDisplayDeviceNamedWithItsGenerationAndDriver) {
  const auto findings = detect_intel_gpus(three_intel_gpus());
  EXPECT_EQ(findings.status, Status::found) << findings.reason;
  EXPECT_EQ(findings.reason, "");
  EXPECT_EQ(findings.source, "/sys/class/drm");
  ASSERT_EQ(findings.gpus.size(), 3u);
  const IntelGpu& igpu = findings.gpus[0];
  EXPECT_EQ(igpu.index, 0);
  EXPECT_EQ(igpu.card, "card0");
  EXPECT_EQ(igpu.device_id, "0x3e92");
  EXPECT_EQ(igpu.name, "UHD Graphics 630");
  EXPECT_EQ(igpu.generation, "Gen9");
  EXPECT_EQ(igpu.driver, "i915");
  const IntelGpu& alchemist = findings.gpus[1];
  EXPECT_EQ(alchemist.card, "card1");
  EXPECT_EQ(alchemist.name, "Arc A770");
  EXPECT_EQ(alchemist.generation, "Xe-HPG");
  const IntelGpu& battlemage = findings.gpus[2];
  EXPECT_EQ(battlemage.index, 2);
  EXPECT_EQ(battlemage.card, "card3");
  EXPECT_EQ(battlemage.device_id, "0xe20b");
  EXPECT_EQ(battlemage.name, "Arc B580");
  EXPECT_EQ(battlemage.generation, "Xe2-HPG");
  EXPECT_EQ(battlemage.driver, "xe");
  EXPECT_FALSE(battlemage.level_zero);
}

TEST(DetectIntel, TheTableKnowsFamiliesAndNeverGuessesANeighbour) {
  EXPECT_STREQ(find_intel_gpu(0x0bd5)->generation, "Xe-HPC");
  EXPECT_STREQ(find_intel_gpu(0x0bd5)->name, "Data Center GPU Max 1550");
  EXPECT_STREQ(find_intel_gpu(0x9a49)->generation, "Xe-LP");
  EXPECT_STREQ(find_intel_gpu(0x8a52)->generation, "Gen11");
  EXPECT_STREQ(find_intel_gpu(0x7d55)->generation, "Xe-LPG");
  EXPECT_STREQ(find_intel_gpu(0x64a0)->generation, "Xe2-LPG");
  EXPECT_EQ(find_intel_gpu(0x56a7), std::nullopt);  // between DG2 ids, in no list
  EXPECT_EQ(find_intel_gpu(0x7d51), std::nullopt);  // Arrow Lake: left out of the table on purpose
  FakeFileSystem fs;
  drm_card(fs, "", "card0", "0000:03:00.0", "0x8086", "0x56a7", "0x030000", "");
  const auto findings = detect_intel_gpus(fs);
  EXPECT_EQ(findings.status, Status::found);
  ASSERT_EQ(findings.gpus.size(), 1u);
  EXPECT_EQ(findings.gpus[0].name, "");
  EXPECT_EQ(findings.gpus[0].generation, "");
  EXPECT_EQ(findings.gpus[0].driver, "");  // no driver bound
}

TEST(DetectIntel, OnlyDisplayControllersCount) {
  FakeFileSystem fs;
  drm_card(fs, "", "card0", "0000:00:0b.0", "0x8086", "0x7d1d", "0x120000", "intel_vpu");  // an NPU
  drm_card(fs, "", "card1", "0000:00:02.0", "0x8086", "0x46a6", "0x038000", "i915");
  const auto findings = detect_intel_gpus(fs);
  ASSERT_EQ(findings.gpus.size(), 1u);
  EXPECT_EQ(findings.gpus[0].card, "card1");
  EXPECT_EQ(findings.gpus[0].generation, "Xe-LP");
}

TEST(DetectIntel, NoDrmOrNoIntelCardIsNoIntelGpu) {
  FakeFileSystem none;
  none.directory("/sys/class/net");
  auto findings = detect_intel_gpus(none);
  EXPECT_EQ(findings.status, Status::not_found);
  EXPECT_NE(findings.reason.find("no /sys/class/drm"), std::string::npos);

  FakeFileSystem nvidia;
  drm_card(nvidia, "", "card0", "0000:01:00.0", "0x10de", "0x2684", "0x030000", "nvidia");
  nvidia.directory("/sys/class/drm/card9");  // a virtual card: no PCI device behind it
  findings = detect_intel_gpus(nvidia);
  EXPECT_EQ(findings.status, Status::not_found);
  EXPECT_EQ(findings.reason, "no Intel display device in /sys/class/drm");
}

// Under WSL2 Intel GPUs are reached through /dev/dxg and sysfs shows none:
// no Intel card there is not known, not "no Intel GPU" (issue 18).
TEST(DetectIntel, NoIntelCardBesideDevDxgIsNotKnown) {
  FakeFileSystem fs;
  fs.file("/dev/dxg", "");
  auto findings = detect_intel_gpus(fs);
  EXPECT_EQ(findings.status, Status::error);
  EXPECT_NE(findings.reason.find("but /dev/dxg: under WSL2 Intel GPUs are reached through it"), std::string::npos)
      << findings.reason;

  fs.file("/sys/class/drm/version", "drm 1.1.0 20060810\n");
  findings = detect_intel_gpus(fs);
  EXPECT_EQ(findings.status, Status::error) << findings.reason;
  EXPECT_TRUE(findings.gpus.empty());
}

TEST(DetectIntel, ASysfsRootThatIsNoDirectoryIsAnError) {
  auto fs = three_intel_gpus("/fixture");
  fs.env("TORCHCOMPAT_SYSFS_ROOT", "/fixtrue");
  const auto findings = detect_intel_gpus(fs);
  EXPECT_EQ(findings.status, Status::error);
  EXPECT_NE(findings.reason.find("TORCHCOMPAT_SYSFS_ROOT=/fixtrue is no directory"), std::string::npos)
      << findings.reason;
}

TEST(DetectIntel, MoreCardsThanAnyMachineHasIsAnError) {
  FakeFileSystem fs;
  for (int card = 0; card < 100; ++card) fs.directory("/sys/class/drm/card" + std::to_string(card));
  const auto findings = detect_intel_gpus(fs);
  EXPECT_EQ(findings.status, Status::error);
  EXPECT_EQ(findings.reason, "100 DRM cards is more than any machine has");
}

TEST(DetectIntel, MalformedOrHugeAttributesAreAnErrorNamingTheFile) {
  auto fs = three_intel_gpus();
  fs.file("/sys/devices/pci0000:00/0000:03:00.0/device", "0x56a0 and more\n");
  auto findings = detect_intel_gpus(fs);
  EXPECT_EQ(findings.status, Status::error);
  EXPECT_NE(findings.reason.find("/sys/class/drm/card1/device/device is not 0x and 4 hex digits"),
            std::string::npos)
      << findings.reason;
  EXPECT_EQ(names_of(findings), (std::vector<std::string>{"UHD Graphics 630", "Arc B580"}));

  fs = three_intel_gpus();
  fs.file("/sys/devices/pci0000:00/0000:00:02.0/vendor", std::string(100000, '8'));
  findings = detect_intel_gpus(fs);
  EXPECT_EQ(findings.status, Status::error);
  EXPECT_NE(findings.reason.find("card0/device/vendor is longer than 64 bytes"), std::string::npos)
      << findings.reason;
}

TEST(DetectIntel, AffinityMaskKeepsTheListedDevicesInOrder) {
  auto fs = three_intel_gpus();
  fs.env("ZE_AFFINITY_MASK", "2,0.1");
  auto findings = detect_intel_gpus(fs);
  EXPECT_EQ(names_of(findings), (std::vector<std::string>{"UHD Graphics 630", "Arc B580"}));
  EXPECT_EQ(findings.gpus[1].index, 1);
  EXPECT_EQ(findings.affinity_mask, "ZE_AFFINITY_MASK=2,0.1");

  fs.env("ZE_AFFINITY_MASK", "1,5");
  findings = detect_intel_gpus(fs);
  EXPECT_EQ(names_of(findings), (std::vector<std::string>{"Arc A770"}));
  EXPECT_NE(findings.reason.find("entry 5 is past the last GPU and is ignored"), std::string::npos);

  fs.env("ZE_AFFINITY_MASK", "");
  EXPECT_EQ(detect_intel_gpus(fs).gpus.size(), 3u);

  fs.env("ZE_AFFINITY_MASK", "0,gpu1");
  findings = detect_intel_gpus(fs);
  EXPECT_EQ(findings.status, Status::error);
  EXPECT_TRUE(findings.gpus.empty());
  EXPECT_NE(findings.reason.find("entry \"gpu1\" is not a device index"), std::string::npos) << findings.reason;
}

TEST(DetectIntel, TheSysfsRootStandsInForSlashAndBoundsTheLinks) {
  auto fs = three_intel_gpus("/fixture");
  fs.env("TORCHCOMPAT_SYSFS_ROOT", "/fixture");
  // A driver link that leads out of the tree is not followed.
  fs.directory("/sys/bus/pci/drivers/i915");
  fs.link("/fixture/sys/devices/pci0000:00/0000:00:02.0/driver", "/sys/bus/pci/drivers/i915");
  const auto findings = detect_intel_gpus(fs);
  EXPECT_EQ(findings.status, Status::found) << findings.reason;
  ASSERT_EQ(findings.gpus.size(), 3u);
  EXPECT_EQ(findings.gpus[0].driver, "");
  EXPECT_EQ(findings.gpus[1].driver, "i915");
}

TEST(DetectIntel, LevelZeroConfirmsEachGpuItListsOnce) {
  auto findings = detect_intel_gpus(three_intel_gpus());
  LevelZeroAnswer answer;
  answer.status = Status::found;
  answer.gpus = {{0x8086, 0xe20b}, {0x8086, 0x56a0}, {0x8086, 0x56a0}, {0x10de, 0x3e92}};
  confirm_with_level_zero(answer, findings);
  EXPECT_FALSE(findings.gpus[0].level_zero);  // the iGPU: Level Zero did not list it
  EXPECT_TRUE(findings.gpus[1].level_zero);
  EXPECT_TRUE(findings.gpus[2].level_zero);
  EXPECT_EQ(findings.reason, "Level Zero lists 1 Intel GPU(s) that sysfs does not (or ZE_AFFINITY_MASK hides)");

  findings = detect_intel_gpus(three_intel_gpus());
  answer = {};
  answer.status = Status::crashed;
  answer.reason = "Level Zero crashed (signal 11) in zeInit";
  confirm_with_level_zero(answer, findings);
  EXPECT_EQ(findings.status, Status::found);
  EXPECT_FALSE(findings.gpus[1].level_zero);
  EXPECT_EQ(findings.reason, "Level Zero crashed (signal 11) in zeInit");
}

// The compute runtime opens every render node (other vendors' and hidden
// ones too), so a suspended card anywhere keeps Level Zero from being asked:
// opening it would wake that GPU (issue 18 item 5).
TEST(DetectIntel, ASuspendedCardOfAnyVendorKeepsLevelZeroUnasked) {
  auto fs = three_intel_gpus();
  fs.file("/sys/devices/pci0000:00/0000:04:00.0/power/runtime_status", "suspended\n");  // the NVIDIA card
  auto findings = detect_intel_gpus(fs);
  ASSERT_EQ(findings.status, Status::found) << findings.reason;
  Options options;
  options.detector_timeout = std::chrono::milliseconds(2000);
  ask_level_zero_about(options, fs, findings);
  EXPECT_EQ(findings.reason, "Level Zero not asked: card2 is runtime-suspended and asking would wake it");

  // One that ZE_AFFINITY_MASK hides counts as well.
  fs = three_intel_gpus();
  fs.file("/sys/devices/pci0000:00/0000:05:00.0/power/runtime_status", "suspended\n");  // the B580
  fs.env("ZE_AFFINITY_MASK", "0,1");
  findings = detect_intel_gpus(fs);
  ASSERT_EQ(findings.gpus.size(), 2u);
  ask_level_zero_about(options, fs, findings);
  EXPECT_EQ(findings.reason, "Level Zero not asked: card3 is runtime-suspended and asking would wake it");
}

TEST(DetectIntel, TheChildsAnswerIsReadWithWhereItStopped) {
  IsolatedOutcome outcome;
  outcome.status = Status::found;
  outcome.payload = PayloadWriter()
                        .add("calling", "loading libze_loader.so.1")
                        .add("library", "/usr/lib/x86_64-linux-gnu/libze_loader.so.1")
                        .add("calling", "zeInit")
                        .add("gpu", "32902 22176")
                        .add("gpu", "32902 999999")  // no PCI id: not believed
                        .add("gpu", "garbage")
                        .text();
  auto answer = read_level_zero_outcome(outcome);
  EXPECT_EQ(answer.status, Status::found);
  EXPECT_EQ(answer.library, "/usr/lib/x86_64-linux-gnu/libze_loader.so.1");
  ASSERT_EQ(answer.gpus.size(), 1u);
  EXPECT_EQ(answer.gpus[0].device_id, 0x56a0u);

  outcome.status = Status::timed_out;
  outcome.reason = "timed out after 5 s";
  outcome.payload = PayloadWriter().add("calling", "zeInit").text();
  answer = read_level_zero_outcome(outcome);
  EXPECT_EQ(answer.status, Status::timed_out);
  EXPECT_EQ(answer.reason, "Level Zero timed out after 5 s in zeInit");

  outcome.status = Status::found;
  outcome.payload = PayloadWriter().add("load_error", "libze_loader.so.1: cannot open shared object file").text();
  answer = read_level_zero_outcome(outcome);
  EXPECT_EQ(answer.status, Status::not_found);
  EXPECT_EQ(answer.reason, "Level Zero is not installed (libze_loader.so.1: cannot open shared object file)");
}

TEST(DetectIntel, TheCacheInputsChangeWhenAGpuAppears) {
  auto fs = three_intel_gpus();
  const std::string before = intel_cache_inputs(fs);
  drm_card(fs, "", "card4", "0000:06:00.0", "0x8086", "0x56a5", "0x030000", "i915");
  EXPECT_NE(intel_cache_inputs(fs), before);
}

}  // namespace
}  // namespace torchcompat
