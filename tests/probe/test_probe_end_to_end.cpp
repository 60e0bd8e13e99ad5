// The built probe, run as a user would, against the real toolkit on this
// machine, Debian's real torch, and saved trees the tests lay out.
#include <filesystem>
#include <regex>

#include <sys/stat.h>

#include "probe_process.hpp"

namespace torchcompat {
namespace {

using testing::probe_json;
using testing::read_text_file;
using testing::run_probe;
using testing::ScratchDirectory;
using testing::text_at;

const std::string system_path = "PATH=/usr/bin:/bin";

// What the real toolkit's own header says, read independently of the probe's parser.
std::string version_stated_by_cuda_h(const std::string& root) {
  std::string header = read_text_file(root + "/include/cuda.h");
  std::smatch match;
  if (!std::regex_search(header, match, std::regex(R"(#define\s+CUDA_VERSION\s+(\d+))"))) return "";
  int encoded = std::stoi(match[1]);
  return std::to_string(encoded / 1000) + "." + std::to_string(encoded % 1000 / 10);
}

TEST(ProbeEndToEnd, FindsTheRealToolkitWithTheVersionItsHeaderStates) {
  ASSERT_TRUE(std::filesystem::exists("/usr/local/cuda/include/cuda.h"))
      << "this machine's CI image provides the real CUDA toolkit in /usr/local/cuda";
  ASSERT_FALSE(std::filesystem::exists("/usr/local/cuda/version.json"));
  std::string expected = version_stated_by_cuda_h("/usr/local/cuda");
  ASSERT_FALSE(expected.empty());

  JsonValue report = probe_json({system_path}, {"--no-python"});
  const JsonValue& toolkits = *report.member("toolkits");
  ASSERT_FALSE(toolkits.items.empty());
  const JsonValue& first = toolkits.items[0];
  EXPECT_EQ(text_at(first, "root"), "/usr/local/cuda");
  EXPECT_EQ(text_at(first, "found_via"), "/usr/local/cuda");
  EXPECT_EQ(text_at(first, "version"), expected);
  EXPECT_EQ(text_at(first, "source"), "include/cuda.h");
  EXPECT_TRUE(first.member("selected")->boolean);
  // /usr/local/cuda-X.Y that /usr/local/cuda links to is the same toolkit: listed once.
  std::string canonical = std::filesystem::canonical("/usr/local/cuda").string();
  for (const auto& toolkit : toolkits.items) {
    if (&toolkit == &first) continue;
    EXPECT_NE(std::filesystem::canonical(text_at(toolkit, "root")).string(), canonical);
  }
  EXPECT_EQ(text_at(*report.member("toolkits_status"), "status"), "found");
}

TEST(ProbeEndToEnd, CudaRootSelectsTheRealToolkit) {
  JsonValue report = probe_json({system_path}, {"--no-python", "--cuda-root", "/usr/local/cuda"});
  const JsonValue& toolkits = *report.member("toolkits");
  ASSERT_EQ(toolkits.items.size(), 1u);
  EXPECT_EQ(text_at(toolkits.items[0], "found_via"), "--cuda-root");
  EXPECT_EQ(text_at(toolkits.items[0], "version"), version_stated_by_cuda_h("/usr/local/cuda"));
}

// Three saved toolkits, each reporting its version a different way, named by
// CUDAToolkit_ROOT, CUDA_PATH and PATH (a fake nvcc script).
class SavedToolkits : public ::testing::Test {
 protected:
  void SetUp() override {
    scratch.write("by-root/version.json", R"({"cuda": {"name": "CUDA SDK", "version": "12.4.131"}})");
    scratch.write("by-cuda-path/version.txt", "CUDA Version 10.2.89\n");
    scratch.write("by-path/bin/nvcc",
                  "#!/bin/sh\necho 'nvcc: NVIDIA (R) Cuda compiler driver'\n"
                  "echo 'Cuda compilation tools, release 11.7, V11.7.99'\n",
                  true);
  }
  std::string root(const char* name) const { return scratch.path() + "/" + name; }
  ScratchDirectory scratch;
};

TEST_F(SavedToolkits, PrecedenceRootThenCudaPathThenNvccOnPath) {
  JsonValue report = probe_json({"CUDAToolkit_ROOT=" + root("by-root"), "CUDA_PATH=" + root("by-cuda-path"),
                                 "PATH=" + root("by-path") + "/bin:/usr/bin:/bin"},
                                {"--no-python"});
  const auto& toolkits = report.member("toolkits")->items;
  ASSERT_GE(toolkits.size(), 3u);
  EXPECT_EQ(text_at(toolkits[0], "version"), "12.4.131");
  EXPECT_EQ(text_at(toolkits[0], "source"), "version.json");
  EXPECT_EQ(text_at(toolkits[0], "found_via"), "CUDAToolkit_ROOT");
  EXPECT_TRUE(toolkits[0].member("selected")->boolean);
  EXPECT_EQ(text_at(toolkits[1], "version"), "10.2.89");
  EXPECT_EQ(text_at(toolkits[1], "source"), "version.txt");
  EXPECT_EQ(text_at(toolkits[1], "found_via"), "CUDA_PATH");
  EXPECT_FALSE(toolkits[1].member("selected")->boolean);
  EXPECT_EQ(text_at(toolkits[2], "version"), "11.7.99");
  EXPECT_EQ(text_at(toolkits[2], "source"), "nvcc --version");
  EXPECT_EQ(text_at(toolkits[2], "found_via"), "PATH (nvcc)");
  EXPECT_EQ(text_at(toolkits[2], "root"), std::filesystem::canonical(root("by-path")).string());
}

TEST_F(SavedToolkits, WithoutRootCudaPathWinsAndWithoutBothNvccWins) {
  JsonValue report = probe_json({"CUDA_PATH=" + root("by-cuda-path"), "PATH=" + root("by-path") + "/bin:/usr/bin"},
                                {"--no-python"});
  EXPECT_EQ(text_at(report.member("toolkits")->items.at(0), "found_via"), "CUDA_PATH");
  EXPECT_TRUE(report.member("toolkits")->items.at(0).member("selected")->boolean);

  JsonValue path_only = probe_json({"PATH=" + root("by-path") + "/bin:/usr/bin"}, {"--no-python"});
  EXPECT_EQ(text_at(path_only.member("toolkits")->items.at(0), "found_via"), "PATH (nvcc)");
  EXPECT_EQ(text_at(path_only.member("toolkits")->items.at(0), "version"), "11.7.99");
}

TEST_F(SavedToolkits, GarbageAndTruncatedFilesFallThrough) {
  scratch.write("broken/version.json", "{\"cuda\" : {\"name\" : \"CUDA SDK\", \"vers");
  scratch.write("broken/version.txt", std::string("\0\xff\xfe garbage", 11));
  scratch.write("broken/include/cuda.h", "#pragma once\n#define CUDA_VERSION 12080\n");
  JsonValue report = probe_json({system_path}, {"--no-python", "--cuda-root", root("broken")});
  const JsonValue& toolkit = report.member("toolkits")->items.at(0);
  EXPECT_EQ(text_at(toolkit, "version"), "12.8");
  EXPECT_EQ(text_at(toolkit, "source"), "include/cuda.h");
  EXPECT_NE(text_at(toolkit, "reason").find("version.json: not valid JSON"), std::string::npos);
}

TEST_F(SavedToolkits, HangingNvccTimesOutAndTheProbeStillReports) {
  scratch.write("hang/bin/nvcc", "#!/bin/sh\nexec sleep 30\n", true);
  auto started = std::chrono::steady_clock::now();
  JsonValue report = probe_json({system_path}, {"--no-python", "--timeout", "0.5", "--cuda-root", root("hang")});
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(20));
  const JsonValue& toolkit = report.member("toolkits")->items.at(0);
  EXPECT_EQ(toolkit.member("version")->kind, JsonValue::Kind::null);
  EXPECT_NE(text_at(toolkit, "reason").find("timed out after 0.5 s"), std::string::npos) << text_at(toolkit, "reason");
  EXPECT_EQ(text_at(*report.member("toolkits_status"), "status"), "error");
  EXPECT_EQ(text_at(*report.member("cudnn"), "status").empty(), false);
}

TEST_F(SavedToolkits, AVersionFileLinkedToAFifoIsRefusedNotWaitedOn) {
  scratch.write("fifo/include/cuda.h", "#define CUDA_VERSION 12040\n");
  ASSERT_EQ(mkfifo((root("fifo") + "/pipe").c_str(), 0600), 0);
  std::filesystem::create_symlink(root("fifo") + "/pipe", root("fifo") + "/version.json");
  auto started = std::chrono::steady_clock::now();
  JsonValue report = probe_json({system_path}, {"--no-python", "--cuda-root", root("fifo")});
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(3));
  const JsonValue& toolkit = report.member("toolkits")->items.at(0);
  EXPECT_EQ(text_at(toolkit, "version"), "12.4");
  EXPECT_EQ(text_at(toolkit, "source"), "include/cuda.h");
}

TEST_F(SavedToolkits, ASlowNvccDoesNotUsePythonsBudget) {
  // nvcc runs past its own limit; Python, started before it, answered long before its own.
  scratch.write("slow/bin/nvcc", "#!/bin/sh\nexec sleep 30\n", true);
  JsonValue report = probe_json({system_path}, {"--timeout", "1", "--python", "/usr/bin/python3", "--cuda-root",
                                                root("slow")});
  EXPECT_NE(text_at(report.member("toolkits")->items.at(0), "reason").find("timed out after 1 s"), std::string::npos);
  EXPECT_EQ(text_at(*report.member("python"), "status"), "found") << text_at(*report.member("python"), "reason");
}

TEST_F(SavedToolkits, CrashingNvccIsReported) {
  scratch.write("crash/bin/nvcc", "#!/bin/sh\nkill -SEGV $$\n", true);
  JsonValue report = probe_json({system_path}, {"--no-python", "--cuda-root", root("crash")});
  EXPECT_NE(text_at(report.member("toolkits")->items.at(0), "reason").find("crashed (signal 11)"), std::string::npos);
}

// What Debian's dpkg says is installed: the upstream part of "1.13.1+dfsg-4".
std::string dpkg_upstream_version(const std::string& package) {
  ProcessResult ran = run_process({"/usr/bin/dpkg-query", "-W", "-f=${Version}", package}, std::chrono::seconds(30));
  std::string version = ran.out;
  std::size_t epoch = version.find(':');
  if (epoch != std::string::npos) version = version.substr(epoch + 1);
  return version.substr(0, version.find_first_of("+-~"));
}

std::string pkg_info_version(const std::string& location) {
  std::string text = read_text_file(location + "/PKG-INFO");
  if (text.empty()) text = read_text_file(location + "/METADATA");
  std::smatch match;
  return std::regex_search(text, match, std::regex(R"(\nVersion:\s*(\S+))")) ? match[1].str() : "";
}

std::string major_minor(const std::string& version) {
  std::smatch match;
  return std::regex_search(version, match, std::regex(R"(^(\d+\.\d+))")) ? match[1].str() : "";
}

TEST(ProbeEndToEnd, DebiansRealTorchAndTorchvision) {
  for (const char* package : {"python3-torch", "python3-torchvision"})
    ASSERT_FALSE(dpkg_upstream_version(package).empty()) << package << " is not installed (scripts/apt-packages.txt)";
  JsonValue report = probe_json({system_path}, {"--python", "/usr/bin/python3"});
  const JsonValue& python = *report.member("python");
  ASSERT_EQ(text_at(python, "status"), "found") << text_at(python, "reason");
  struct Expectation {
    const char* field;
    const char* package;
  };
  for (const Expectation& e : {Expectation{"torch", "python3-torch"}, Expectation{"torchvision", "python3-torchvision"}}) {
    std::string location = text_at(*python.member("locations"), e.field);
    EXPECT_EQ(location.rfind("/usr/lib/python3/dist-packages/", 0), 0u) << location;
    // The probe reports the metadata as installed...
    EXPECT_EQ(text_at(python, e.field), pkg_info_version(location));
    // ...which belongs to the release dpkg installed (Debian's metadata can
    // carry a pre-release tag, e.g. 1.13.0a0 for the 1.13.1 package).
    EXPECT_EQ(major_minor(text_at(python, e.field)), major_minor(dpkg_upstream_version(e.package)));
  }
}

TEST(ProbeEndToEnd, FakeSitePackagesWithLocalVersion) {
  ScratchDirectory scratch;
  scratch.write("site/torch-2.4.0+cu121.dist-info/METADATA",
                "Metadata-Version: 2.1\nName: torch\nVersion: 2.4.0+cu121\nSummary: fake\n\nbody\n");
  scratch.write("site/torchvision-0.19.0+cu121.dist-info/METADATA", "Name: torchvision\nVersion: 0.19.0+cu121\n");
  // A "python" that is a wrapper script, as pyenv shims and venvs are.
  std::string python = scratch.write("bin/python", "#!/bin/sh\nexec /usr/bin/python3 \"$@\"\n", true);
  JsonValue report = probe_json({system_path, "PYTHONPATH=" + scratch.path() + "/site"}, {"--python", python});
  const JsonValue& py = *report.member("python");
  ASSERT_EQ(text_at(py, "status"), "found") << text_at(py, "reason");
  EXPECT_EQ(text_at(py, "torch"), "2.4.0+cu121");
  EXPECT_EQ(text_at(py, "torchvision"), "0.19.0+cu121");
  EXPECT_EQ(text_at(*py.member("locations"), "torch"), scratch.path() + "/site/torch-2.4.0+cu121.dist-info");
}

TEST(ProbeEndToEnd, HangingOrCrashingPythonCostsOnlyItsOwnSection) {
  ScratchDirectory scratch;
  std::string hanging = scratch.write("hang/python3", "#!/bin/sh\nexec sleep 30\n", true);
  auto started = std::chrono::steady_clock::now();
  JsonValue report = probe_json({system_path}, {"--timeout", "0.5", "--python", hanging});
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(20));
  EXPECT_EQ(text_at(*report.member("python"), "status"), "timed_out");
  EXPECT_EQ(text_at(*report.member("python"), "reason"), "the interpreter timed out after 0.5 s");
  EXPECT_EQ(text_at(*report.member("toolkits_status"), "status"), "found");

  std::string crashing = scratch.write("crash/python3", "#!/bin/sh\nkill -SEGV $$\n", true);
  JsonValue crashed = probe_json({system_path}, {"--python", crashing});
  EXPECT_EQ(text_at(*crashed.member("python"), "status"), "crashed");
  EXPECT_EQ(text_at(*crashed.member("python"), "reason"), "the interpreter crashed (signal 11)");
}

TEST(ProbeEndToEnd, MissingPythonIsNotFoundAndTheRestIsReported) {
  JsonValue report = probe_json({"PATH=/nonexistent"}, {});
  EXPECT_EQ(text_at(*report.member("python"), "status"), "not_found");
  EXPECT_EQ(text_at(*report.member("python"), "reason"), "no python3 on PATH");
  EXPECT_EQ(text_at(*report.member("toolkits_status"), "status"), "found");
}

TEST(ProbeEndToEnd, OverridesReplaceAndAreListed) {
  JsonValue report = probe_json({system_path, "TORCHCOMPAT_OVERRIDE_DRIVER=470.82.01", "TORCHCOMPAT_OVERRIDE_CUDA=11.4",
                                 "TORCHCOMPAT_OVERRIDE_GPU_ARCHS=8.6;9.0", "TORCHCOMPAT_OVERRIDE_CUDNN=8.9.7",
                                 "TORCHCOMPAT_OVERRIDE_TOOLKIT=11.8"},
                                {"--no-python"});
  const JsonValue& driver = *report.member("driver");
  EXPECT_EQ(text_at(driver, "status"), "overridden");
  EXPECT_EQ(text_at(driver, "release"), "470.82.01");
  EXPECT_EQ(text_at(driver, "cuda_version"), "11.4");
  const auto& gpus = report.member("gpus")->items;
  ASSERT_EQ(gpus.size(), 2u);
  EXPECT_EQ(text_at(gpus[1], "compute_capability"), "9.0");
  EXPECT_EQ(text_at(*report.member("gpus_status"), "status"), "overridden");
  EXPECT_EQ(text_at(*report.member("cudnn"), "version"), "8.9.7");
  EXPECT_EQ(text_at(report.member("toolkits")->items.at(0), "version"), "11.8");
  EXPECT_EQ(text_at(report.member("toolkits")->items.at(0), "source"), "override");
  const JsonValue& overrides = *report.member("overrides");
  EXPECT_EQ(overrides.members.size(), 5u);
  EXPECT_EQ(text_at(overrides, "TORCHCOMPAT_OVERRIDE_GPU_ARCHS"), "8.6;9.0");

  JsonValue no_gpu = probe_json({system_path, "TORCHCOMPAT_OVERRIDE_GPU_ARCHS="}, {"--no-python"});
  EXPECT_TRUE(no_gpu.member("gpus")->items.empty());
  EXPECT_EQ(text_at(*no_gpu.member("gpus_status"), "status"), "overridden");
}

TEST(ProbeEndToEnd, MalformedOverrideIsAUsageError) {
  ProcessResult ran = run_probe({system_path, "TORCHCOMPAT_OVERRIDE_DRIVER=abc"}, {"--no-python"});
  EXPECT_EQ(ran.exit_code, 2);
  EXPECT_TRUE(ran.out.empty()) << ran.out;
  EXPECT_NE(ran.err.find("TORCHCOMPAT_OVERRIDE_DRIVER=\"abc\" is not valid: expected a driver release like 470.82.01"),
            std::string::npos)
      << ran.err;
}

TEST(ProbeEndToEnd, UsageErrorsExit2WithAMessageOnStderr) {
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"--format", "xml"}, {"--bogus"}, {"--timeout"}, {"--python", "x", "--no-python"}}) {
    ProcessResult ran = run_probe({system_path}, args);
    EXPECT_EQ(ran.exit_code, 2) << args.front();
    EXPECT_TRUE(ran.out.empty());
    EXPECT_EQ(ran.err.rfind("torchcompat-probe: ", 0), 0u) << ran.err;
    EXPECT_NE(ran.err.find("Usage:"), std::string::npos);
  }
}

TEST(ProbeEndToEnd, HelpVersionAndTextReport) {
  ProcessResult help = run_probe({system_path}, {"--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_EQ(help.out.rfind("Usage: torchcompat-probe", 0), 0u);
  ProcessResult version = run_probe({system_path}, {"--version"});
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_EQ(version.out, std::string("torchcompat-probe ") + TORCHCOMPAT_PROJECT_VERSION + "\n");
  ProcessResult text = run_probe({system_path}, {"--no-python"});
  EXPECT_EQ(text.exit_code, 0);
  for (const char* section : {"CUDA toolkits", "NVIDIA driver", "GPUs", "cuDNN", "Python"})
    EXPECT_NE(text.out.find(std::string("\n") + section), std::string::npos) << section << "\n" << text.out;
  EXPECT_NE(text.out.find("not checked (--no-python)"), std::string::npos);
}

}  // namespace
}  // namespace torchcompat
