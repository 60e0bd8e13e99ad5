#include <gtest/gtest.h>

#include <regex>

#include "json_reader.hpp"
#include "render_json.hpp"
#include "render_text.hpp"

namespace torchcompat {
namespace {

Report sample_report() {
  Report report;
  Toolkit toolkit;
  toolkit.version = "12.4.131";
  toolkit.root = "/usr/local/cuda-12.4";
  toolkit.source = "version.json";
  toolkit.found_via = "/usr/local/cuda";
  toolkit.selected = true;
  report.toolkits.status = Status::found;
  report.toolkits.toolkits.push_back(toolkit);
  report.driver.status = Status::found;
  report.driver.release = "550.54.14";
  report.driver.release_source = "NVML";
  report.driver.cuda_version = "12.4";
  report.driver.library = "/usr/lib/x86_64-linux-gnu/libcuda.so.1";
  report.gpus.status = Status::found;
  report.gpus.source = "driver API";
  report.gpus.gpus.push_back(Gpu{0, "NVIDIA A100-SXM4-40GB", 8, 0, 42949672960ull, "GPU-0"});
  report.cudnn.status = Status::crashed;
  report.cudnn.reason = "crashed (signal 11)";
  report.python.status = Status::found;
  report.python.executable = "/usr/bin/python3";
  report.python.version = "3.11.2";
  report.python.torch = PythonPackage{"2.4.0+cu121", "/site/torch-2.4.0+cu121.dist-info"};
  report.overrides.push_back({"TORCHCOMPAT_OVERRIDE_GPU_ARCHS", ""});
  return report;
}

std::vector<std::string> keys(const JsonValue& object) {
  std::vector<std::string> names;
  for (const auto& member : object.members) names.push_back(member.first);
  return names;
}

TEST(RenderJson, HasTheDocumentedSchemaInOrder) {
  auto parsed = parse_json(render_json(sample_report(), "0.1.0"));
  ASSERT_TRUE(parsed.value) << parsed.error;
  const JsonValue& root = *parsed.value;
  EXPECT_EQ(keys(root), (std::vector<std::string>{"schema_version", "probe", "toolkits", "toolkits_status", "driver",
                                                 "gpus", "gpus_status", "cudnn", "python", "overrides"}));
  EXPECT_EQ(root.member("schema_version")->text, "1");
  EXPECT_EQ(root.member("probe")->member("version")->text, "0.1.0");
  const JsonValue& toolkit = root.member("toolkits")->items.at(0);
  EXPECT_EQ(keys(toolkit), (std::vector<std::string>{"version", "root", "source", "found_via", "selected", "reason"}));
  EXPECT_EQ(toolkit.member("reason")->kind, JsonValue::Kind::null);
  EXPECT_TRUE(toolkit.member("selected")->boolean);
  EXPECT_EQ(keys(*root.member("driver")),
            (std::vector<std::string>{"status", "reason", "release", "release_source", "cuda_version", "library",
                                      "cu_init_error", "forward_compat", "cuda_version_source", "cu_init_called"}));
  EXPECT_EQ(root.member("driver")->member("cu_init_error")->kind, JsonValue::Kind::null);
  const JsonValue& gpu = root.member("gpus")->items.at(0);
  EXPECT_EQ(keys(gpu), (std::vector<std::string>{"index", "name", "compute_capability", "memory_bytes", "uuid"}));
  EXPECT_EQ(gpu.member("compute_capability")->text, "8.0");
  EXPECT_EQ(gpu.member("memory_bytes")->text, "42949672960");
  EXPECT_EQ(keys(*root.member("gpus_status")), (std::vector<std::string>{"status", "reason", "source"}));
  EXPECT_EQ(keys(*root.member("cudnn")), (std::vector<std::string>{"status", "reason", "version", "header",
                                                                   "header_version", "library", "library_version",
                                                                   "mismatch"}));
  EXPECT_EQ(root.member("cudnn")->member("status")->text, "crashed");
  EXPECT_EQ(root.member("cudnn")->member("version")->kind, JsonValue::Kind::null);
  const JsonValue& python = *root.member("python");
  EXPECT_EQ(keys(python), (std::vector<std::string>{"status", "reason", "executable", "version", "torch",
                                                   "torchvision", "torchaudio", "locations"}));
  EXPECT_EQ(python.member("torch")->text, "2.4.0+cu121");
  EXPECT_EQ(python.member("torchvision")->kind, JsonValue::Kind::null);
  EXPECT_EQ(python.member("locations")->member("torch")->text, "/site/torch-2.4.0+cu121.dist-info");
  EXPECT_EQ(python.member("locations")->member("torchaudio")->kind, JsonValue::Kind::null);
  // "" is the meaningful "no GPU" override, not an absent value.
  EXPECT_EQ(root.member("overrides")->member("TORCHCOMPAT_OVERRIDE_GPU_ARCHS")->kind, JsonValue::Kind::string);
}

TEST(RenderJson, UnknownGpuMemoryIsNull) {
  Report report;
  report.gpus.gpus.push_back(Gpu{0, "", 9, 0, 0, ""});
  report.driver.cu_init_error = 100;
  auto parsed = parse_json(render_json(report, "0.1.0"));
  ASSERT_TRUE(parsed.value);
  EXPECT_EQ(parsed.value->member("gpus")->items.at(0).member("memory_bytes")->kind, JsonValue::Kind::null);
  EXPECT_EQ(parsed.value->member("gpus")->items.at(0).member("name")->kind, JsonValue::Kind::null);
  EXPECT_EQ(parsed.value->member("driver")->member("cu_init_error")->text, "100");
}

TEST(RenderText, ExplainsEachSection) {
  std::string text = render_text(sample_report(), "0.1.0");
  EXPECT_NE(text.find("Driver 550.54.14 (supports CUDA up to 12.4)"), std::string::npos) << text;
  EXPECT_NE(text.find("[from NVML]"), std::string::npos) << text;
  EXPECT_NE(text.find("* 12.4.131"), std::string::npos) << text;
  EXPECT_NE(text.find("version from version.json"), std::string::npos) << text;
  EXPECT_NE(text.find("NVIDIA A100-SXM4-40GB, compute capability 8.0, 40.0 GiB"), std::string::npos) << text;
  EXPECT_NE(text.find("crashed (signal 11)"), std::string::npos) << text;
  EXPECT_EQ(text.find("crashed: crashed"), std::string::npos) << text;
  EXPECT_NE(text.find("2.4.0+cu121"), std::string::npos) << text;
  EXPECT_TRUE(std::regex_search(text, std::regex("\n  torchvision +not installed"))) << text;
  EXPECT_NE(text.find("\"\" (no GPU)"), std::string::npos) << text;
}

TEST(RenderText, StatusDescriptions) {
  EXPECT_EQ(describe_status(Status::timed_out, "timed out after 5 s"), "timed out after 5 s");
  EXPECT_EQ(describe_status(Status::not_found, "no libcuda.so.1"), "not found: no libcuda.so.1");
  EXPECT_EQ(describe_status(Status::found, ""), "found");
}

}  // namespace
}  // namespace torchcompat
