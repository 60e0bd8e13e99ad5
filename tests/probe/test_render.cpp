#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>

#include "primitives/json_reader.hpp"
#include "rendering/render_json.hpp"
#include "rendering/render_text.hpp"

namespace torchcompat {
namespace {

Report sample_report() {
  Report report;
  report.run.host = "gpu-node-3";
  report.run.time = "2026-11-27T13:50:27Z";
  report.run.machine_cache = "hit";
  report.run.python_cache = "miss";
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
  report.amd.status = Status::found;
  report.amd.source = "/sys/class/kfd/kfd/topology";
  report.amd.visible_devices = "HIP_VISIBLE_DEVICES=1";
  report.amd.runtime_version = "6.2.0";
  report.amd.runtime_source = "/opt/rocm/.info/version";
  report.amd.gpus.push_back(AmdGpu{0, 2, "gfx1100", 110000, 4098, 0x744c, 96, ""});
  report.intel.status = Status::found;
  report.intel.source = "/sys/class/drm";
  report.intel.gpus.push_back(IntelGpu{0, "card1", "0x56a0", "Arc A770", "Xe-HPG", "i915", true});
  return report;
}

std::vector<std::string> keys(const JsonValue& object) {
  std::vector<std::string> names;
  for (const auto& member : object.members) names.push_back(member.first);
  return names;
}

// cmake/probe-schema.json: the one statement of the report's members, their
// order and their types.
const JsonValue& probe_schema() {
  static const JsonValue schema = [] {
    std::ifstream in(TORCHCOMPAT_PROBE_SCHEMA);
    std::stringstream text;
    text << in.rdbuf();
    auto parsed = parse_json(text.str());
    if (!parsed.value) throw std::runtime_error("cannot read " TORCHCOMPAT_PROBE_SCHEMA ": " + parsed.error);
    return *parsed.value;
  }();
  return schema;
}

const JsonValue& resolve(const JsonValue& node) {
  const JsonValue* ref = node.member("$ref");
  if (!ref) return node;
  const std::string prefix = "#/$defs/";
  const JsonValue* target = ref->text.rfind(prefix, 0) == 0
                                ? probe_schema().member("$defs")->member(ref->text.substr(prefix.size()))
                                : nullptr;
  if (!target) throw std::runtime_error("schema: unresolved $ref " + ref->text);
  return resolve(*target);
}

bool has_type(const JsonValue& value, const std::string& type) {
  using Kind = JsonValue::Kind;
  if (type == "integer")
    return value.kind == Kind::number && value.text.find_first_of(".eE") == std::string::npos;
  return (type == "string" && value.kind == Kind::string) || (type == "null" && value.kind == Kind::null) ||
         (type == "boolean" && value.kind == Kind::boolean) || (type == "object" && value.kind == Kind::object) ||
         (type == "array" && value.kind == Kind::array);
}

// Where `value` departs from the schema's members (all of them, in order) and
// types; empty when it doesn't.
void schema_departures(const JsonValue& schema_node, const JsonValue& value, const std::string& where,
                       std::vector<std::string>& out) {
  const JsonValue& node = resolve(schema_node);
  if (const JsonValue* type = node.member("type")) {
    std::vector<std::string> types;
    if (type->kind == JsonValue::Kind::string) types.push_back(type->text);
    for (const auto& item : type->items) types.push_back(item.text);
    bool allowed = false;
    for (const auto& name : types) allowed = allowed || has_type(value, name);
    if (!allowed) out.push_back(where + " has the wrong type");
  }
  if (const JsonValue* properties = node.member("properties"); properties && value.kind == JsonValue::Kind::object) {
    if (keys(value) != keys(*properties)) out.push_back(where + " has other members, or in another order");
    for (const auto& [name, member] : value.members)
      if (const JsonValue* member_schema = properties->member(name))
        schema_departures(*member_schema, member, where + "." + name, out);
  }
  if (const JsonValue* items = node.member("items"))
    for (std::size_t i = 0; i < value.items.size(); ++i)
      schema_departures(*items, value.items[i], where + "[" + std::to_string(i) + "]", out);
}

std::vector<std::string> schema_departures(const JsonValue& report) {
  std::vector<std::string> out;
  schema_departures(probe_schema(), report, "report", out);
  return out;
}

TEST(RenderJson, HasTheDocumentedSchemaInOrder) {
  auto parsed = parse_json(render_json(sample_report(), "0.1.0"));
  ASSERT_TRUE(parsed.value) << parsed.error;
  const JsonValue& root = *parsed.value;
  // The sample has a toolkit, a GPU and an override, so every object the schema
  // describes is there to compare.
  EXPECT_EQ(schema_departures(root), std::vector<std::string>{});
  EXPECT_EQ(root.member("schema_version")->text,
            probe_schema().member("properties")->member("schema_version")->member("const")->text);
  EXPECT_EQ(root.member("probe")->member("version")->text, "0.1.0");
  const JsonValue& toolkit = root.member("toolkits")->items.at(0);
  EXPECT_EQ(toolkit.member("reason")->kind, JsonValue::Kind::null);
  EXPECT_TRUE(toolkit.member("selected")->boolean);
  EXPECT_EQ(root.member("driver")->member("cu_init_error")->kind, JsonValue::Kind::null);
  const JsonValue& gpu = root.member("gpus")->items.at(0);
  EXPECT_EQ(gpu.member("compute_capability")->text, "8.0");
  EXPECT_EQ(gpu.member("memory_bytes")->text, "42949672960");
  EXPECT_EQ(root.member("cudnn")->member("status")->text, "crashed");
  EXPECT_EQ(root.member("cudnn")->member("version")->kind, JsonValue::Kind::null);
  const JsonValue& python = *root.member("python");
  EXPECT_EQ(python.member("torch")->text, "2.4.0+cu121");
  EXPECT_EQ(python.member("torchvision")->kind, JsonValue::Kind::null);
  EXPECT_EQ(python.member("locations")->member("torch")->text, "/site/torch-2.4.0+cu121.dist-info");
  EXPECT_EQ(python.member("locations")->member("torchaudio")->kind, JsonValue::Kind::null);
  // "" is the meaningful "no GPU" override, not an absent value.
  EXPECT_EQ(root.member("overrides")->member("TORCHCOMPAT_OVERRIDE_GPU_ARCHS")->kind, JsonValue::Kind::string);
  const JsonValue& amd = *root.member("amd");
  EXPECT_EQ(amd.member("runtime")->member("version")->text, "6.2.0");
  EXPECT_EQ(amd.member("gpus")->items.at(0).member("gfx")->text, "gfx1100");
  EXPECT_EQ(amd.member("gpus")->items.at(0).member("device_id")->text, "29772");
  EXPECT_EQ(amd.member("gpus")->items.at(0).member("name")->kind, JsonValue::Kind::null);
  const JsonValue& intel = *root.member("intel");
  EXPECT_EQ(intel.member("affinity_mask")->kind, JsonValue::Kind::null);
  EXPECT_EQ(intel.member("gpus")->items.at(0).member("generation")->text, "Xe-HPG");
  EXPECT_TRUE(intel.member("gpus")->items.at(0).member("level_zero")->boolean);
}

TEST(RenderJson, AnOverriddenAmdGpuHasNoNodeFacts) {
  Report report;
  report.run.machine_cache = "off";
  report.run.python_cache = "skipped";
  report.amd.status = Status::overridden;
  report.amd.source = "override";
  report.amd.gpus.push_back(AmdGpu{0, std::nullopt, "gfx942", 90402, std::nullopt, std::nullopt, std::nullopt, ""});
  auto parsed = parse_json(render_json(report, "0.1.0"));
  ASSERT_TRUE(parsed.value);
  EXPECT_EQ(schema_departures(*parsed.value), std::vector<std::string>{});
  const JsonValue& gpu = parsed.value->member("amd")->member("gpus")->items.at(0);
  EXPECT_EQ(gpu.member("node")->kind, JsonValue::Kind::null);
  EXPECT_EQ(gpu.member("simd_count")->kind, JsonValue::Kind::null);
  EXPECT_EQ(gpu.member("gfx_target_version")->text, "90402");
}

TEST(RenderJson, SchemaComparisonSeesAMissingMemberAndAWrongType) {
  auto parsed = parse_json(render_json(sample_report(), "0.1.0"));
  ASSERT_TRUE(parsed.value) << parsed.error;
  JsonValue report = *parsed.value;
  for (auto& [name, value] : report.members) {
    if (name == "driver") value.members.pop_back();  // cu_init_called
    if (name == "gpus") value.items.at(0).members.at(0).second.kind = JsonValue::Kind::string;  // index
  }
  EXPECT_EQ(schema_departures(report), (std::vector<std::string>{"report.driver has other members, or in another order",
                                                                 "report.gpus[0].index has the wrong type"}));
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
  EXPECT_TRUE(std::regex_search(text, std::regex("\nAMD GPUs +1 GPU  \\[from /sys/class/kfd/kfd/topology\\]")))
      << text;
  EXPECT_NE(text.find("#0                gfx1100  [KFD node 2, device 0x744c]"), std::string::npos) << text;
  EXPECT_NE(text.find("ROCm runtime      6.2.0  [from /opt/rocm/.info/version]"), std::string::npos) << text;
  EXPECT_NE(text.find("Visible           HIP_VISIBLE_DEVICES=1"), std::string::npos) << text;
  EXPECT_NE(text.find("#0                Arc A770, Xe-HPG  [card1, 0x56a0, driver i915, Level Zero]"),
            std::string::npos)
      << text;
}

TEST(RenderText, StatusDescriptions) {
  EXPECT_EQ(describe_status(Status::timed_out, "timed out after 5 s"), "timed out after 5 s");
  EXPECT_EQ(describe_status(Status::not_found, "no libcuda.so.1"), "not found: no libcuda.so.1");
  EXPECT_EQ(describe_status(Status::found, ""), "found");
}

}  // namespace
}  // namespace torchcompat
