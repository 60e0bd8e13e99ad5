// AMD GPUs from saved KFD topologies: architecture decoding, CPU nodes left
// out, ROCm's visible-devices variables, ROCm's version file, and files that
// are malformed, huge or lead outside the sysfs root.
#include <gtest/gtest.h>

#include "detectors/detect_amd.hpp"
#include "fake_file_system.hpp"
#include "sysfs_fixtures.hpp"

namespace torchcompat {
namespace {

using testing::FakeFileSystem;
using testing::kfd_cpu_properties;
using testing::kfd_gpu_properties;
using testing::kfd_node;

// A CPU node and one GPU node per architecture the issue names.
FakeFileSystem five_gpus(const std::string& root = "") {
  FakeFileSystem fs;
  fs.file(kfd_node(root, 0), kfd_cpu_properties());
  fs.file(kfd_node(root, 1), kfd_gpu_properties(90010, 0x7408, 440, 0xa1b2c3d4e5f60001));   // MI250X
  fs.file(kfd_node(root, 2), kfd_gpu_properties(90402, 0x74a1, 1216, 0xa1b2c3d4e5f60002));  // MI300X
  fs.file(kfd_node(root, 3), kfd_gpu_properties(110000, 0x744c, 192, 0x00000000000000ff));  // RX 7900 XTX
  fs.file(kfd_node(root, 4), kfd_gpu_properties(110003, 0x15bf, 24, 0));                    // Radeon 780M
  fs.file(kfd_node(root, 5), kfd_gpu_properties(110501, 0x1586, 80, 0x7777000000000005));   // Radeon 8060S
  return fs;
}

std::vector<std::string> gfx_of(const AmdFindings& findings) {
  std::vector<std::string> names;
  for (const auto& gpu : findings.gpus) names.push_back(gpu.gfx);
  return names;
}

std::vector<int> nodes_of(const AmdFindings& findings) {
  std::vector<int> nodes;
  for (const auto& gpu : findings.gpus) nodes.push_back(gpu.node.value_or(-1));
  return nodes;
}

TEST(DetectAmd, EachGpuNodeWithItsArchitectureAndNoCpuNode) {
  const auto findings = detect_amd_gpus(five_gpus());
  EXPECT_EQ(findings.status, Status::found) << findings.reason;
  EXPECT_EQ(findings.reason, "");
  EXPECT_EQ(findings.source, "/sys/class/kfd/kfd/topology");
  EXPECT_EQ(gfx_of(findings), (std::vector<std::string>{"gfx90a", "gfx942", "gfx1100", "gfx1103", "gfx1151"}));
  EXPECT_EQ(nodes_of(findings), (std::vector<int>{1, 2, 3, 4, 5}));
  const AmdGpu& gpu = findings.gpus.at(2);
  EXPECT_EQ(gpu.index, 2);
  EXPECT_EQ(gpu.gfx_target_version, 110000);
  EXPECT_EQ(gpu.vendor_id, 4098);
  EXPECT_EQ(gpu.device_id, 0x744c);
  EXPECT_EQ(gpu.simd_count, 192);
  EXPECT_EQ(gpu.name, "");
  EXPECT_EQ(findings.visible_devices, "");
  EXPECT_EQ(findings.runtime_version, "");
}

TEST(DetectAmd, NodesInNumericOrder) {
  FakeFileSystem fs;
  fs.file(kfd_node("", 10), kfd_gpu_properties(110000, 1, 96));
  fs.file(kfd_node("", 2), kfd_gpu_properties(90402, 2, 1216));
  fs.directory("/sys/class/kfd/kfd/topology/nodes/stray");
  const auto findings = detect_amd_gpus(fs);
  EXPECT_EQ(nodes_of(findings), (std::vector<int>{2, 10}));
  EXPECT_NE(findings.reason.find("nodes/stray (not a node number)"), std::string::npos) << findings.reason;
}

TEST(DetectAmd, GfxNamesDecodeMajorThenHexMinorAndStepping) {
  EXPECT_EQ(gfx_name(110000), "gfx1100");
  EXPECT_EQ(gfx_name(90402), "gfx942");
  EXPECT_EQ(gfx_name(90010), "gfx90a");
  EXPECT_EQ(gfx_name(90012), "gfx90c");
  EXPECT_EQ(gfx_name(100302), "gfx1032");
  EXPECT_EQ(gfx_name(120001), "gfx1201");
  EXPECT_EQ(gfx_name(0), "");
  EXPECT_EQ(gfx_name(90016), "");   // a stepping of 16 has no hex digit
  EXPECT_EQ(gfx_name(91600), "");   // nor a minor of 16
  EXPECT_EQ(gfx_name(-110000), "");
  EXPECT_EQ(gfx_name(1000000), "");  // major 100
  EXPECT_EQ(gfx_target_version_of("gfx90a"), 90010);
  EXPECT_EQ(gfx_target_version_of("gfx1151"), 110501);
  EXPECT_EQ(gfx_target_version_of("gfx942"), 90402);
  for (const char* bad : {"", "gfx", "gfx9", "gfx90A", "sm_90", "gfx0900", "gfx90a:xnack-", "gfx12345"})
    EXPECT_EQ(gfx_target_version_of(bad), std::nullopt) << bad;
}

TEST(DetectAmd, NoKfdTopologyIsNoAmdGpu) {
  FakeFileSystem fs;
  fs.directory("/sys/class/net");
  const auto findings = detect_amd_gpus(fs);
  EXPECT_EQ(findings.status, Status::not_found);
  EXPECT_NE(findings.reason.find("no /sys/class/kfd/kfd/topology/nodes"), std::string::npos) << findings.reason;
}

// Under WSL2 ROCm reaches AMD GPUs through /dev/dxg, and there is no KFD
// topology: its absence there says nothing (issue 18: it said "no AMD GPU").
TEST(DetectAmd, NoKfdTopologyBesideDevDxgIsNotKnown) {
  FakeFileSystem fs;
  fs.directory("/sys/class/net");
  fs.file("/dev/dxg", "");
  const auto findings = detect_amd_gpus(fs);
  EXPECT_EQ(findings.status, Status::error);
  EXPECT_NE(findings.reason.find("/dev/dxg: under WSL2 ROCm reaches AMD GPUs through it"), std::string::npos)
      << findings.reason;
}

// A mistyped TORCHCOMPAT_SYSFS_ROOT would read as a machine without GPUs.
TEST(DetectAmd, ASysfsRootThatIsNoDirectoryIsAnError) {
  auto fs = five_gpus("/fixture");
  fs.env("TORCHCOMPAT_SYSFS_ROOT", "/fixtrue");
  const auto findings = detect_amd_gpus(fs);
  EXPECT_EQ(findings.status, Status::error);
  EXPECT_EQ(findings.reason,
            "TORCHCOMPAT_SYSFS_ROOT=/fixtrue is no directory, so the GPUs are not known; name a saved tree's "
            "root, or unset it");
}

TEST(DetectAmd, OnlyACpuNodeIsNoAmdGpu) {
  FakeFileSystem fs;
  fs.file(kfd_node("", 0), kfd_cpu_properties());
  const auto findings = detect_amd_gpus(fs);
  EXPECT_EQ(findings.status, Status::not_found);
  EXPECT_EQ(findings.reason, "the KFD topology lists no GPU node");
}

// The KFD topology always lists the CPU's node: a nodes directory that lists
// nothing could not be read (a sandbox may deny it while stat still works), so
// the GPUs are not known, which is no "no AMD GPU" (issue 18).
TEST(DetectAmd, ANodesDirectoryThatListsNothingIsAnError) {
  FakeFileSystem fs;
  fs.directory("/sys/class/kfd/kfd/topology/nodes");
  auto findings = detect_amd_gpus(fs);
  EXPECT_EQ(findings.status, Status::error) << findings.reason;
  EXPECT_NE(findings.reason.find("/sys/class/kfd/kfd/topology/nodes lists no node"), std::string::npos)
      << findings.reason;

  fs.directory("/sys/class/kfd/kfd/topology/nodes/cpu");  // no node number either
  EXPECT_EQ(detect_amd_gpus(fs).status, Status::error);
}

TEST(DetectAmd, AMalformedNodeIsAnErrorNamingItAndTheOthersStayListed) {
  auto fs = five_gpus();
  fs.file(kfd_node("", 4), "simd_count lots\n");
  const auto findings = detect_amd_gpus(fs);
  EXPECT_EQ(findings.status, Status::error);
  EXPECT_NE(findings.reason.find("nodes/4/properties: line \"simd_count lots\" is not \"name number\""),
            std::string::npos)
      << findings.reason;
  EXPECT_EQ(gfx_of(findings), (std::vector<std::string>{"gfx90a", "gfx942", "gfx1100", "gfx1151"}));
}

TEST(DetectAmd, AHugeOrSilentNodeIsAnError) {
  auto huge = five_gpus();
  huge.file(kfd_node("", 3), kfd_gpu_properties(110000, 1, 96) + std::string(20000, '\n'));
  auto findings = detect_amd_gpus(huge);
  EXPECT_EQ(findings.status, Status::error);
  EXPECT_NE(findings.reason.find("nodes/3/properties is longer than 16384 bytes"), std::string::npos)
      << findings.reason;

  auto silent = five_gpus();
  silent.file(kfd_node("", 3), "gfx_target_version 110000\n");
  findings = detect_amd_gpus(silent);
  EXPECT_EQ(findings.status, Status::error);
  EXPECT_NE(findings.reason.find("nodes/3/properties states no simd_count"), std::string::npos) << findings.reason;

  auto missing = five_gpus();
  missing.directory("/sys/class/kfd/kfd/topology/nodes/7");
  findings = detect_amd_gpus(missing);
  EXPECT_EQ(findings.status, Status::error);
  EXPECT_NE(findings.reason.find("nodes/7/properties is missing"), std::string::npos) << findings.reason;
}

TEST(DetectAmd, MoreNodesThanAnyMachineHasIsAnError) {
  FakeFileSystem fs;
  for (int node = 0; node < 300; ++node) fs.file(kfd_node("", node), kfd_gpu_properties(110000, 1, 96));
  const auto findings = detect_amd_gpus(fs);
  EXPECT_EQ(findings.status, Status::error);
  EXPECT_TRUE(findings.gpus.empty());
  EXPECT_EQ(findings.reason, "300 KFD nodes is more than any machine has");
}

TEST(DetectAmd, AnUndecodableArchitectureIsListedWithoutAName) {
  FakeFileSystem fs;
  fs.file(kfd_node("", 1), kfd_gpu_properties(90016, 1, 64));
  const auto findings = detect_amd_gpus(fs);
  EXPECT_EQ(findings.status, Status::found);
  ASSERT_EQ(findings.gpus.size(), 1u);
  EXPECT_EQ(findings.gpus[0].gfx, "");
  EXPECT_EQ(findings.gpus[0].gfx_target_version, 90016);
  EXPECT_NE(findings.reason.find("node 1: gfx_target_version 90016 does not decode"), std::string::npos);
}

TEST(DetectAmd, RocrSelectsThenHipSelectsFromWhatRocrLeft) {
  auto fs = five_gpus();
  fs.env("ROCR_VISIBLE_DEVICES", "4, 2,0");
  auto findings = detect_amd_gpus(fs);
  EXPECT_EQ(gfx_of(findings), (std::vector<std::string>{"gfx1151", "gfx1100", "gfx90a"}));
  EXPECT_EQ(findings.gpus.at(0).index, 0);
  EXPECT_EQ(findings.gpus.at(0).node, 5);
  EXPECT_EQ(findings.visible_devices, "ROCR_VISIBLE_DEVICES=4, 2,0");

  fs.env("HIP_VISIBLE_DEVICES", "1");
  findings = detect_amd_gpus(fs);
  EXPECT_EQ(gfx_of(findings), (std::vector<std::string>{"gfx1100"}));
  EXPECT_EQ(findings.gpus.at(0).index, 0);
  EXPECT_EQ(findings.visible_devices, "ROCR_VISIBLE_DEVICES=4, 2,0; HIP_VISIBLE_DEVICES=1");
}

TEST(DetectAmd, CudaVisibleDevicesCountsOnlyWithoutHipVisibleDevices) {
  auto fs = five_gpus();
  fs.env("CUDA_VISIBLE_DEVICES", "3");
  EXPECT_EQ(gfx_of(detect_amd_gpus(fs)), (std::vector<std::string>{"gfx1103"}));
  fs.env("HIP_VISIBLE_DEVICES", "1,0");
  const auto findings = detect_amd_gpus(fs);
  EXPECT_EQ(gfx_of(findings), (std::vector<std::string>{"gfx942", "gfx90a"}));
  EXPECT_EQ(findings.visible_devices, "HIP_VISIBLE_DEVICES=1,0");
}

TEST(DetectAmd, AnIndexPastTheEndEndsTheListARepeatedOneCountsOnce) {
  auto fs = five_gpus();
  fs.env("HIP_VISIBLE_DEVICES", "1,7,0");
  auto findings = detect_amd_gpus(fs);
  EXPECT_EQ(findings.status, Status::found);
  EXPECT_EQ(gfx_of(findings), (std::vector<std::string>{"gfx942"}));
  EXPECT_NE(findings.reason.find("HIP_VISIBLE_DEVICES: entry \"7\" is past the last GPU"), std::string::npos);

  // HIP counts a repeated index once and reads on (clr's Device::init keeps a set of the indices seen).
  fs.env("HIP_VISIBLE_DEVICES", "2,2,0");
  findings = detect_amd_gpus(fs);
  EXPECT_EQ(gfx_of(findings), (std::vector<std::string>{"gfx1100", "gfx90a"}));
  EXPECT_NE(findings.reason.find("entry 2 is repeated and counts once"), std::string::npos) << findings.reason;
}

// HIP takes CUDA_VISIBLE_DEVICES when HIP_VISIBLE_DEVICES is empty, and no list
// at all when both are: an empty value hides nothing (issue 18: it made the
// probe say "no AMD GPU", so "runs on the CPU only", where HIP sees them all).
TEST(DetectAmd, AnEmptyHipListIsNoListAtAll) {
  auto fs = five_gpus();
  fs.env("HIP_VISIBLE_DEVICES", "");
  auto findings = detect_amd_gpus(fs);
  EXPECT_EQ(findings.status, Status::found) << findings.reason;
  EXPECT_EQ(findings.gpus.size(), 5u);
  EXPECT_EQ(findings.visible_devices, "");
  EXPECT_NE(findings.reason.find("HIP_VISIBLE_DEVICES is empty, which HIP reads as unset"), std::string::npos);

  fs.env("CUDA_VISIBLE_DEVICES", "3");
  findings = detect_amd_gpus(fs);
  EXPECT_EQ(gfx_of(findings), (std::vector<std::string>{"gfx1103"}));
  EXPECT_EQ(findings.visible_devices, "CUDA_VISIBLE_DEVICES=3");

  fs = five_gpus();
  fs.env("CUDA_VISIBLE_DEVICES", "");  // how NVIDIA GPUs are often hidden: not AMD ones
  findings = detect_amd_gpus(fs);
  EXPECT_EQ(findings.status, Status::found) << findings.reason;
  EXPECT_EQ(findings.gpus.size(), 5u);
}

// HIP compares each entry with the index printed back: "01" or " 1" is no
// index to it and ends the list, so the GPU it seems to name is not visible.
TEST(DetectAmd, HipEntriesAreReadUntrimmedAndExact) {
  auto fs = five_gpus();
  fs.env("HIP_VISIBLE_DEVICES", "0, 1");
  auto findings = detect_amd_gpus(fs);
  EXPECT_EQ(gfx_of(findings), (std::vector<std::string>{"gfx90a"}));
  EXPECT_NE(findings.reason.find("entry \" 1\" is not written as HIP reads an index"), std::string::npos)
      << findings.reason;

  for (const char* value : {"01", " 1", "+1", "-1", ",1", "  "}) {
    fs.env("HIP_VISIBLE_DEVICES", value);
    findings = detect_amd_gpus(fs);
    EXPECT_EQ(findings.status, Status::not_found) << value << ": " << findings.reason;
    EXPECT_TRUE(findings.gpus.empty()) << value;
  }
}

TEST(DetectAmd, AnEmptyListHidesEveryGpu) {
  auto fs = five_gpus();
  fs.env("ROCR_VISIBLE_DEVICES", "");
  const auto findings = detect_amd_gpus(fs);
  EXPECT_EQ(findings.status, Status::not_found);
  EXPECT_TRUE(findings.gpus.empty());
  EXPECT_NE(findings.reason.find("every GPU is hidden by ROCR_VISIBLE_DEVICES="), std::string::npos);
}

TEST(DetectAmd, RocrTakesUuidPrefixesAndIndicesAsRocrReadsThem) {
  auto fs = five_gpus();
  // The full UUID (upper-case hex of unique_id), a lower-case unique prefix, a hex index.
  fs.env("ROCR_VISIBLE_DEVICES", "GPU-00000000000000FF, gpu-7777,0x1");
  auto findings = detect_amd_gpus(fs);
  EXPECT_EQ(findings.status, Status::found) << findings.reason;
  EXPECT_EQ(gfx_of(findings), (std::vector<std::string>{"gfx1100", "gfx1151", "gfx942"}));
  EXPECT_EQ(findings.reason, "");

  // A prefix that fits two GPUs ends the list, as does a garbage entry or one past the end
  // ("010" is octal 8, as strtol with base 0 reads it).
  const std::pair<const char*, const char*> endings[] = {
      {"4,GPU-A1B2,0", "entry \"GPU-A1B2\" fits more than one GPU"},
      {"4,one,0", "entry \"one\" names no GPU"},
      {"4,010,0", "entry \"010\" names no GPU"},
      {"4,4,0", "entry \"4\" is repeated"},
      {"4,GPU-XX,0", "entry \"GPU-XX\" names no GPU"}};  // the 780M has no unique_id: no UUID
  for (const auto& [value, note] : endings) {
    fs.env("ROCR_VISIBLE_DEVICES", value);
    findings = detect_amd_gpus(fs);
    EXPECT_EQ(findings.status, Status::found) << value;
    EXPECT_EQ(gfx_of(findings), (std::vector<std::string>{"gfx1151"})) << value;
    EXPECT_NE(findings.reason.find(std::string("ROCR_VISIBLE_DEVICES: ") + note), std::string::npos)
        << value << ": " << findings.reason;
  }
  // Entries past the number of GPUs are never read.
  fs.env("ROCR_VISIBLE_DEVICES", "0,1,2,3,4,garbage");
  findings = detect_amd_gpus(fs);
  EXPECT_EQ(findings.gpus.size(), 5u);
  EXPECT_EQ(findings.reason, "");
}

// ROCr reads each entry's first character with std::string::at: an empty
// entry it reaches throws, so no GPU is visible to it. That is not known to be
// a GPU either way: status error, never the GPU before it (issue 18).
TEST(DetectAmd, AnEmptyRocrEntryIsAnErrorAndAFinalCommaNoEntry) {
  auto fs = five_gpus();
  for (const char* value : {"4,,0", " ", ",4", "4, ,0"}) {
    fs.env("ROCR_VISIBLE_DEVICES", value);
    const auto findings = detect_amd_gpus(fs);
    EXPECT_EQ(findings.status, Status::error) << value << ": " << findings.reason;
    EXPECT_TRUE(findings.gpus.empty()) << value;
    EXPECT_NE(findings.reason.find("is empty, which ROCr fails on"), std::string::npos) << findings.reason;
  }
  fs.env("ROCR_VISIBLE_DEVICES", "4,");  // getline yields no entry after the final comma
  const auto findings = detect_amd_gpus(fs);
  EXPECT_EQ(findings.status, Status::found) << findings.reason;
  EXPECT_EQ(gfx_of(findings), (std::vector<std::string>{"gfx1151"}));
  EXPECT_EQ(findings.reason, "");
}

TEST(DetectAmd, HipTakesOnlyIndicesAndRefusesTheRest) {
  auto fs = five_gpus();
  fs.env("HIP_VISIBLE_DEVICES", "0,GPU-7777000000000005");
  auto findings = detect_amd_gpus(fs);
  EXPECT_EQ(findings.status, Status::error);
  EXPECT_TRUE(findings.gpus.empty());
  EXPECT_NE(findings.reason.find("UUID entries are applied only in ROCR_VISIBLE_DEVICES"), std::string::npos)
      << findings.reason;

  fs = five_gpus();
  fs.env("HIP_VISIBLE_DEVICES", "0,one");
  findings = detect_amd_gpus(fs);
  EXPECT_EQ(findings.status, Status::error);
  EXPECT_NE(findings.reason.find("HIP_VISIBLE_DEVICES=\"0,one\": entry \"one\" is not a device index"),
            std::string::npos)
      << findings.reason;
}

TEST(DetectAmd, RocmRuntimeFromItsVersionFile) {
  auto fs = five_gpus();
  fs.file("/opt/rocm/.info/version", "6.2.0-66\n");
  auto findings = detect_amd_gpus(fs);
  EXPECT_EQ(findings.runtime_version, "6.2.0");
  EXPECT_EQ(findings.runtime_source, "/opt/rocm/.info/version");

  // Without /opt/rocm, the newest versioned directory.
  FakeFileSystem versioned;
  versioned.file("/opt/rocm-6.1.0/.info/version", "6.1.0-82\n");
  versioned.file("/opt/rocm-6.10.1/.info/version", "6.10.1\n");
  versioned.file("/opt/rocm-6.3.1/.info/version", "6.3.1-48\n");
  findings = detect_amd_gpus(versioned);
  EXPECT_EQ(findings.status, Status::not_found);  // the runtime alone is no GPU
  EXPECT_EQ(findings.runtime_version, "6.10.1");
  EXPECT_EQ(findings.runtime_source, "/opt/rocm-6.10.1/.info/version");

  // ROCM_PATH first.
  versioned.file("/apps/rocm/.info/version", "7.0.2\n").env("ROCM_PATH", "/apps/rocm");
  EXPECT_EQ(detect_amd_gpus(versioned).runtime_version, "7.0.2");
}

TEST(DetectAmd, AGarbageVersionFileIsNamedAndTheNextOneRead) {
  FakeFileSystem fs;
  fs.file("/opt/rocm/.info/version", "not a version\n");
  fs.file("/opt/rocm-6.0.2/.info/version", std::string(1000, '6'));
  fs.file("/opt/rocm-5.7.1/.info/version", "5.7.1-98\n");
  const auto findings = detect_amd_gpus(fs);
  EXPECT_EQ(findings.runtime_version, "5.7.1");
  EXPECT_NE(findings.reason.find("ROCm version file /opt/rocm/.info/version does not start with a version"),
            std::string::npos)
      << findings.reason;
  EXPECT_NE(findings.reason.find("/opt/rocm-6.0.2/.info/version is longer than 256 bytes"), std::string::npos)
      << findings.reason;
}

TEST(DetectAmd, TheSysfsRootStandsInForSlash) {
  auto fs = five_gpus("/fixture");
  fs.file("/fixture/opt/rocm/.info/version", "6.4.1\n");
  EXPECT_EQ(detect_amd_gpus(fs).status, Status::not_found);
  fs.env("TORCHCOMPAT_SYSFS_ROOT", "/fixture/");
  const auto findings = detect_amd_gpus(fs);
  EXPECT_EQ(findings.status, Status::found) << findings.reason;
  EXPECT_EQ(findings.gpus.size(), 5u);
  EXPECT_EQ(findings.runtime_version, "6.4.1");
  EXPECT_EQ(findings.runtime_source, "/opt/rocm/.info/version");  // as on the machine the tree stands for
}

TEST(DetectAmd, AFileLeadingOutsideTheRootIsNotRead) {
  auto fs = five_gpus("/fixture");
  fs.file("/elsewhere/properties", kfd_gpu_properties(110000, 1, 96));
  fs.link("/fixture/sys/class/kfd/kfd/topology/nodes/6", "/elsewhere");
  fs.env("TORCHCOMPAT_SYSFS_ROOT", "/fixture");
  const auto findings = detect_amd_gpus(fs);
  EXPECT_EQ(findings.status, Status::error);
  EXPECT_EQ(findings.gpus.size(), 5u);
  EXPECT_NE(findings.reason.find("nodes/6/properties leads outside /fixture"), std::string::npos)
      << findings.reason;
}

TEST(DetectAmd, TheCacheInputsChangeWhenAGpuAppears) {
  auto fs = five_gpus();
  const std::string before = amd_cache_inputs(fs);
  EXPECT_EQ(amd_cache_inputs(fs), before);
  fs.file(kfd_node("", 6), kfd_gpu_properties(120001, 1, 64));
  EXPECT_NE(amd_cache_inputs(fs), before);
}

// /dev/dxg decides between "no GPU" and "not known" (WSL2), under a fixture root too.
TEST(DetectAmd, TheCacheInputsChangeWhenDevDxgAppears) {
  FakeFileSystem fs;
  fs.env("TORCHCOMPAT_SYSFS_ROOT", "/fixture").directory("/fixture/sys/class");
  const std::string before = amd_cache_inputs(fs);
  fs.file("/fixture/dev/dxg", "");
  EXPECT_NE(amd_cache_inputs(fs), before);
}

}  // namespace
}  // namespace torchcompat
