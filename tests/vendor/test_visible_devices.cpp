// CUDA_VISIBLE_DEVICES applied to NVML's list as CUDA's documentation says.
#include "vendor/visible_devices.hpp"

#include <gtest/gtest.h>

namespace torchcompat {
namespace {

std::vector<VisibleCandidate> alike(std::size_t count) {
  std::vector<VisibleCandidate> gpus;
  for (std::size_t i = 0; i < count; ++i) {
    gpus.push_back({"GPU-" + std::to_string(i) + "aaa-1111", "NVIDIA H100 9.0", false});
  }
  return gpus;
}

using Order = std::vector<std::size_t>;

TEST(VisibleDevices, UnsetShowsEveryGpuInNvmlOrder) {
  const auto visible = resolve_visible_devices(std::nullopt, alike(3), false);
  ASSERT_TRUE(visible.resolved);
  EXPECT_EQ(visible.order, (Order{0, 1, 2}));
  EXPECT_TRUE(visible.note.empty());
}

TEST(VisibleDevices, IndicesInTheOrderGiven) {
  const auto visible = resolve_visible_devices("2,0", alike(3), false);
  ASSERT_TRUE(visible.resolved);
  EXPECT_EQ(visible.order, (Order{2, 0}));
}

TEST(VisibleDevices, TheFirstInvalidEntryHidesItAndEverythingAfter) {
  // CUDA's own example: "0,2,-1,1" shows devices 0 and 2.
  const auto visible = resolve_visible_devices("0,2,-1,1", alike(3), false);
  ASSERT_TRUE(visible.resolved);
  EXPECT_EQ(visible.order, (Order{0, 2}));
  EXPECT_NE(visible.note.find("entry \"-1\""), std::string::npos) << visible.note;
  EXPECT_EQ(resolve_visible_devices("1,7,0", alike(3), false).order, (Order{1}));
  EXPECT_EQ(resolve_visible_devices("0,", alike(3), false).order, (Order{0}));
  EXPECT_EQ(resolve_visible_devices("abc,0", alike(3), false).order, Order{});
}

TEST(VisibleDevices, EmptyHidesEverything) {
  const auto visible = resolve_visible_devices("", alike(2), false);
  ASSERT_TRUE(visible.resolved);
  EXPECT_TRUE(visible.order.empty());
  EXPECT_TRUE(resolve_visible_devices("  ", alike(2), false).order.empty());
}

TEST(VisibleDevices, UuidPrefixesThatFitOneGpu) {
  auto gpus = alike(3);
  gpus[1].uuid = "GPU-8932f937-d72c-4106-c12f-20bd9faed9f6";
  const auto visible = resolve_visible_devices("GPU-8932f937, GPU-2aaa", gpus, false);
  ASSERT_TRUE(visible.resolved);
  EXPECT_EQ(visible.order, (Order{1, 2}));
  // "GPU-" fits all three: ambiguous, so invalid.
  const auto ambiguous = resolve_visible_devices("GPU-,0", gpus, false);
  EXPECT_TRUE(ambiguous.order.empty());
  EXPECT_NE(ambiguous.note.find("more than one"), std::string::npos);
  EXPECT_EQ(resolve_visible_devices("0,GPU-ffff", gpus, false).order, (Order{0}));
}

TEST(VisibleDevices, WhatOnlyTheDriverCanSay) {
  auto gpus = alike(2);
  EXPECT_FALSE(resolve_visible_devices("MIG-GPU-0aaa/1/0", gpus, false).resolved);
  EXPECT_FALSE(resolve_visible_devices("0,0", gpus, false).resolved);
  gpus[1].mig_enabled = true;
  EXPECT_FALSE(resolve_visible_devices(std::nullopt, gpus, false).resolved);
}

TEST(VisibleDevices, DifferentGpusByIndexNeedPciBusOrder) {
  auto gpus = alike(2);
  gpus[1].model = "NVIDIA GeForce GTX 1080 6.1";
  const auto fastest_first = resolve_visible_devices("1", gpus, false);
  EXPECT_FALSE(fastest_first.resolved);
  EXPECT_NE(fastest_first.why_unresolved.find("CUDA_DEVICE_ORDER=PCI_BUS_ID"), std::string::npos);
  EXPECT_EQ(resolve_visible_devices("1", gpus, true).order, (Order{1}));
  // By UUID the order is the one given, whatever CUDA's own.
  EXPECT_TRUE(resolve_visible_devices("GPU-1aaa", gpus, false).resolved);
  // Unset: every GPU, in NVML's order.
  EXPECT_TRUE(resolve_visible_devices(std::nullopt, gpus, false).resolved);
}

TEST(VisibleDevices, AHugeIndexIsJustInvalid) {
  EXPECT_TRUE(resolve_visible_devices("99999999999999999999", alike(2), false).order.empty());
  EXPECT_TRUE(resolve_visible_devices("4294967296", alike(2), false).order.empty());
}

}  // namespace
}  // namespace torchcompat
