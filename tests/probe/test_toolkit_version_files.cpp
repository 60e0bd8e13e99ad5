#include <gtest/gtest.h>

#include "detectors/toolkit_version_files.hpp"

namespace torchcompat {
namespace {

constexpr const char* real_version_json = R"json({
   "cuda" : {
      "name" : "CUDA SDK",
      "version" : "12.4.1"
   },
   "cuda_cudart" : {
      "name" : "CUDA Runtime (cudart)",
      "version" : "12.4.127"
   }
})json";

TEST(VersionJson, ReadsTheCudaVersion) {
  auto parsed = parse_toolkit_version_json(real_version_json);
  ASSERT_TRUE(parsed.version) << parsed.reason;
  EXPECT_EQ(*parsed.version, "12.4.1");
}

TEST(VersionJson, ExplainsWhatIsWrong) {
  EXPECT_NE(parse_toolkit_version_json("").reason.find("not valid JSON"), std::string::npos);
  EXPECT_NE(parse_toolkit_version_json(R"({"cuda": {"version": "12.4)").reason.find("not valid JSON"),
            std::string::npos);
  EXPECT_EQ(parse_toolkit_version_json(R"({"cudart": {}})").reason, "no \"cuda\" object");
  EXPECT_EQ(parse_toolkit_version_json(R"({"cuda": {"name": "x"}})").reason, "no \"cuda\".\"version\" string");
  EXPECT_FALSE(parse_toolkit_version_json(R"({"cuda": {"version": 12.4}})").version);
  EXPECT_FALSE(parse_toolkit_version_json(R"({"cuda": {"version": "twelve"}})").version);
  EXPECT_FALSE(parse_toolkit_version_json(std::string(100000, '[')).version);
}

TEST(VersionTxt, ReadsOldStyleFile) {
  auto parsed = parse_toolkit_version_txt("CUDA Version 10.2.89\n");
  ASSERT_TRUE(parsed.version);
  EXPECT_EQ(*parsed.version, "10.2.89");
  EXPECT_EQ(*parse_toolkit_version_txt("CUDA Version 9.0.176").version, "9.0.176");
}

TEST(VersionTxt, RejectsGarbageAndTruncation) {
  EXPECT_FALSE(parse_toolkit_version_txt("CUDA Vers").version);
  EXPECT_FALSE(parse_toolkit_version_txt("CUDA Version ").version);
  EXPECT_FALSE(parse_toolkit_version_txt("CUDA Version 10").version);
  EXPECT_FALSE(parse_toolkit_version_txt("\x7f\x45\x4c\x46garbage").version);
}

TEST(CudaHeader, DecodesCudaVersion) {
  auto parsed = parse_cuda_h_version("/* header */\n#define CUDA_VERSION_MAJOR 99\n#define CUDA_VERSION 12040\n");
  ASSERT_TRUE(parsed.version) << parsed.reason;
  EXPECT_EQ(*parsed.version, "12.4");
  EXPECT_EQ(*parse_cuda_h_version("#  define   CUDA_VERSION\t13000 /* 13.0 */\r\n").version, "13.0");
  EXPECT_EQ(*parse_cuda_h_version("#define CUDA_VERSION 11080").version, "11.8");
}

TEST(CudaHeader, RejectsWhatIsNotAVersion) {
  EXPECT_FALSE(parse_cuda_h_version("#define CUDA_VERSION_MAJOR 12\n").version);
  EXPECT_FALSE(parse_cuda_h_version("#define CUDA_VERSION abc\n").version);
  EXPECT_FALSE(parse_cuda_h_version("#define CUDA_VERSION 12").version);
  EXPECT_FALSE(parse_cuda_h_version("#define CUDA_VERSION 120400000").version);
  EXPECT_FALSE(parse_cuda_h_version("// #define CUDA_VERSION 12040").version);
  EXPECT_FALSE(parse_cuda_h_version("").version);
}

TEST(NvccOutput, PrefersThePreciseVNumber) {
  const char* banner =
      "nvcc: NVIDIA (R) Cuda compiler driver\n"
      "Cuda compilation tools, release 12.4, V12.4.131\n"
      "Build cuda_12.4.r12.4/compiler.34097967_0\n";
  EXPECT_EQ(*parse_nvcc_version_output(banner).version, "12.4.131");
  EXPECT_EQ(*parse_nvcc_version_output("Cuda compilation tools, release 9.0, V9.0.176").version, "9.0.176");
}

TEST(NvccOutput, FallsBackToTheRelease) {
  EXPECT_EQ(*parse_nvcc_version_output("Cuda compilation tools, release 11.8\n").version, "11.8");
  EXPECT_EQ(*parse_nvcc_version_output("release 11.8, Vgarbage").version, "11.8");
  EXPECT_FALSE(parse_nvcc_version_output("release , V").version);
  EXPECT_FALSE(parse_nvcc_version_output("Segmentation fault").version);
}

}  // namespace
}  // namespace torchcompat
