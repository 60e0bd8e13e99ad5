// The KFD topology reader: any bytes in a node's properties file, and any
// visible-devices value, give GPUs with decodable or empty gfx names and
// consistent indices, or a status with a reason, never a crash.
#include <cstddef>
#include <cstdint>
#include <string>

#include "../probe/fake_file_system.hpp"
#include "detectors/detect_amd.hpp"
#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  // The first line is the visible-devices value; the rest is node 1's properties.
  const auto newline = input.find('\n');
  torchcompat::testing::FakeFileSystem fs;
  fs.file("/sys/class/kfd/kfd/topology/nodes/0/properties", "cpu_cores_count 8\nsimd_count 0\n");
  fs.file("/sys/class/kfd/kfd/topology/nodes/1/properties",
          newline == std::string::npos ? input : input.substr(newline + 1));
  fs.file("/sys/class/kfd/kfd/topology/nodes/2/properties",
          "simd_count 96\ngfx_target_version 110000\nunique_id 18446744073709551615\n");
  // ROCR's reader always; HIP's on top for half the inputs.
  if (newline != std::string::npos) {
    fs.env("ROCR_VISIBLE_DEVICES", input.substr(0, newline));
    if (newline % 2 == 0) fs.env("HIP_VISIBLE_DEVICES", input.substr(0, newline));
  }
  const auto findings = torchcompat::detect_amd_gpus(fs);
  TORCHCOMPAT_FUZZ_CHECK(findings.gpus.size() <= 2);
  for (std::size_t i = 0; i < findings.gpus.size(); ++i) {
    const auto& gpu = findings.gpus[i];
    TORCHCOMPAT_FUZZ_CHECK(gpu.index == static_cast<int>(i));
    TORCHCOMPAT_FUZZ_CHECK(gpu.gfx == torchcompat::gfx_name(gpu.gfx_target_version));
    if (!gpu.gfx.empty())
      TORCHCOMPAT_FUZZ_CHECK(torchcompat::gfx_target_version_of(gpu.gfx) == gpu.gfx_target_version);
  }
  if (findings.status != torchcompat::Status::found) TORCHCOMPAT_FUZZ_CHECK(!findings.reason.empty());
  return 0;
}
