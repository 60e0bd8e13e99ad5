// The cache's text form of the findings: what goes in comes out, and text
// that is not a whole answer is refused rather than half-read.
#include "rendering/report_codec.hpp"

#include <gtest/gtest.h>

#include "rendering/render_json.hpp"

namespace torchcompat {
namespace {

Report sample() {
  Report report;
  report.run = {"gpu-node-7", "2026-11-27T13:50:27Z", "miss", "miss"};
  Toolkit toolkit;
  toolkit.version = "12.4.131";
  toolkit.root = "/usr/local/cuda-12.4";
  toolkit.source = "version.json";
  toolkit.found_via = "/usr/local/cuda";
  toolkit.reason = "version.txt: garbage\nacross lines";
  toolkit.selected = true;
  report.toolkits.status = Status::found;
  report.toolkits.toolkits = {toolkit};
  report.driver.status = Status::found;
  report.driver.release = "550.54.14";
  report.driver.release_source = "/sys/module/nvidia/version";
  report.driver.cuda_version = "12.4";
  report.driver.cuda_version_source = "cuDriverGetVersion";
  report.driver.library = "/usr/lib/x86_64-linux-gnu/libcuda.so.1";
  report.driver.cu_init_error = 100;
  report.driver.cu_init_called = true;
  report.gpus.status = Status::found;
  report.gpus.source = "NVML";
  report.gpus.gpus = {Gpu{0, "NVIDIA H100 | \\weird\\ = name", 9, 0, 85520809984ull, "GPU-1"},
                      Gpu{1, "", 0, 0, 0, ""}};
  report.cudnn.status = Status::found;
  report.cudnn.version = "9.1.0";
  report.cudnn.mismatch = true;
  report.amd.status = Status::error;
  report.amd.reason = "node 3: unreadable";
  report.amd.source = "/sys/class/kfd/kfd/topology";
  report.amd.visible_devices = "ROCR_VISIBLE_DEVICES=1,0";
  report.amd.runtime_version = "6.2.0";
  report.amd.runtime_source = "/opt/rocm-6.2.0/.info/version";
  report.amd.gpus = {AmdGpu{0, 2, "gfx90a", 90010, 4098, 29704, 416, ""},
                     AmdGpu{1, std::nullopt, "", 7, std::nullopt, std::nullopt, std::nullopt, "weird\nname"}};
  report.intel.status = Status::found;
  report.intel.source = "/sys/class/drm";
  report.intel.affinity_mask = "ZE_AFFINITY_MASK=0";
  report.intel.gpus = {IntelGpu{0, "card0", "0xe20b", "Arc B580", "Xe2-HPG", "xe", true}};
  return report;
}

TEST(ReportCodec, TheMachinesAnswerComesBackAsItWent) {
  const Report original = sample();
  Report decoded;
  // Whether an answer came from the cache is the caller's to say, not the entry's.
  decoded.run.machine_cache = decoded.run.python_cache = "miss";
  ASSERT_TRUE(decode_machine(encode_machine(original), decoded));
  EXPECT_EQ(render_json(decoded, "0.1.0"), render_json(original, "0.1.0"));
}

TEST(ReportCodec, PythonsAnswerComesBackAsItWent) {
  Python python;
  python.status = Status::found;
  python.executable = "/usr/bin/python3";
  python.version = "3.11.2";
  python.torch = PythonPackage{"2.4.0+cu121", "/site/torch-2.4.0+cu121.dist-info"};
  python.search_path = {"", "/usr/lib/python311.zip", "/site"};
  Python decoded;
  ASSERT_TRUE(decode_python(encode_python(python), decoded));
  EXPECT_EQ(decoded.version, "3.11.2");
  ASSERT_TRUE(decoded.torch);
  EXPECT_EQ(decoded.torch->location, "/site/torch-2.4.0+cu121.dist-info");
  EXPECT_FALSE(decoded.torchvision);
  EXPECT_EQ(decoded.search_path, python.search_path);
}

TEST(ReportCodec, AnIncompleteAnswerIsRefusedAndChangesNothing) {
  const std::string text = encode_machine(sample());
  Report untouched;
  untouched.driver.release = "keep";
  EXPECT_FALSE(decode_machine(text.substr(0, text.size() / 2), untouched));
  EXPECT_EQ(untouched.driver.release, "keep");
  EXPECT_FALSE(decode_machine("", untouched));
  EXPECT_FALSE(decode_machine("driver_status=exploded\n", untouched));
  Python python;
  EXPECT_FALSE(decode_python("status=found\n", python));
}

}  // namespace
}  // namespace torchcompat
