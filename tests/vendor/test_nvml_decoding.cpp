// The NVML child's lines decoded: GPUs without cuInit, values checked,
// CUDA_VISIBLE_DEVICES applied, and when NVML's list can't be trusted.
#include <gtest/gtest.h>

#include "isolation/child_payload.hpp"
#include "detectors/detect_driver.hpp"
#include "fake_file_system.hpp"

namespace torchcompat {
namespace {

using testing::FakeFileSystem;

std::string payload(std::initializer_list<std::pair<const char*, std::string>> entries) {
  PayloadWriter out;
  for (const auto& [key, value] : entries) out.add(key, value);
  return out.text();
}

const std::string libcuda = payload({{"cuda_library", "/lib/libcuda.so.1"},
                                     {"cuda_library_file", "/lib/libcuda.so.550.54.14"},
                                     {"driver_version", "12040"}});

std::string two_gpus() {
  return payload({{"nvml_library", "/lib/libnvidia-ml.so.1"},
                  {"nvml_release", "550.54.14"},
                  {"nvml_cuda_version", "12040"},
                  {"nvml_gpu_count", "2"},
                  {"nvml_gpu", "0|8|0|85899345920|0|GPU-aaaa-1|NVIDIA A100-SXM4-80GB"},
                  {"nvml_gpu", "1|8|0|85899345920|0|GPU-bbbb-2|NVIDIA A100 | with a bar"}});
}

TEST(NvmlPayload, ListsTheGpusWithoutCuInit) {
  const auto found = decode_driver_payload(two_gpus() + libcuda, FakeFileSystem());
  EXPECT_EQ(found.driver.status, Status::found);
  EXPECT_FALSE(found.driver.cu_init_called);
  EXPECT_EQ(found.driver.cuda_version, "12.4");
  EXPECT_EQ(found.driver.cuda_version_source, "cuDriverGetVersion");
  EXPECT_EQ(found.driver.release_source, "NVML");
  EXPECT_EQ(found.gpus.status, Status::found);
  EXPECT_EQ(found.gpus.source, "NVML");
  ASSERT_EQ(found.gpus.gpus.size(), 2u);
  EXPECT_EQ(found.gpus.gpus[1].index, 1);
  EXPECT_EQ(found.gpus.gpus[1].name, "NVIDIA A100 | with a bar");
  EXPECT_EQ(found.gpus.gpus[1].uuid, "GPU-bbbb-2");
  EXPECT_EQ(found.gpus.gpus[1].memory_bytes, 85899345920u);
  std::string why;
  EXPECT_TRUE(nvml_lists_gpus(two_gpus(), FakeFileSystem(), why)) << why;
}

TEST(NvmlPayload, TheKernelModulesFileIsAskedBeforeNvml) {
  FakeFileSystem fs;
  fs.file("/sys/module/nvidia/version", "550.54.14\n");
  const auto found = decode_driver_payload(two_gpus() + libcuda, fs);
  EXPECT_EQ(found.driver.release_source, "/sys/module/nvidia/version");
}

TEST(NvmlPayload, CudaVisibleDevicesIsApplied) {
  FakeFileSystem fs;
  fs.env("CUDA_VISIBLE_DEVICES", "GPU-bbbb");
  const auto found = decode_driver_payload(two_gpus() + libcuda, fs);
  ASSERT_EQ(found.gpus.gpus.size(), 1u);
  EXPECT_EQ(found.gpus.gpus[0].index, 0);
  EXPECT_EQ(found.gpus.gpus[0].uuid, "GPU-bbbb-2");
  // By index, different GPUs are in CUDA's FASTEST_FIRST order, unknown to NVML.
  fs.env("CUDA_VISIBLE_DEVICES", "5");
  std::string why;
  EXPECT_FALSE(nvml_lists_gpus(two_gpus(), fs, why));
  fs.env("CUDA_DEVICE_ORDER", "PCI_BUS_ID");
  EXPECT_TRUE(nvml_lists_gpus(two_gpus(), fs, why)) << why;
  const auto none = decode_driver_payload(two_gpus() + libcuda, fs);
  EXPECT_EQ(none.gpus.status, Status::not_found);
  EXPECT_NE(none.gpus.reason.find("CUDA_VISIBLE_DEVICES=\"5\""), std::string::npos) << none.gpus.reason;
}

TEST(NvmlPayload, WithoutLibcudaNvmlStillAnswersForTheDriver) {
  const auto found = decode_driver_payload(
      two_gpus() + payload({{"cuda_load_error", "libcuda.so.1: cannot open shared object file: No such file or directory"}}),
      FakeFileSystem());
  EXPECT_EQ(found.driver.status, Status::found);
  EXPECT_EQ(found.driver.cuda_version, "12.4");
  EXPECT_EQ(found.driver.cuda_version_source, "NVML");
  EXPECT_TRUE(found.driver.library.empty());
  EXPECT_NE(found.driver.reason.find("libcuda.so.1 not found"), std::string::npos);
  EXPECT_EQ(found.gpus.source, "NVML");
  EXPECT_EQ(found.gpus.gpus.size(), 2u);
}

TEST(NvmlPayload, NonsenseOrAnIncompleteListSendsTheQuestionToTheDriver) {
  std::string why;
  EXPECT_FALSE(nvml_lists_gpus(payload({{"nvml_gpu_count", "1"}, {"nvml_gpu", "0|-1|-1|1000|0|GPU-a|X"}}),
                               FakeFileSystem(), why));
  EXPECT_NE(why.find("compute capability -1.-1"), std::string::npos) << why;
  EXPECT_FALSE(nvml_lists_gpus(payload({{"nvml_gpu_count", "2"}, {"nvml_gpu", "0|8|0|1000|0|GPU-a|X"}}),
                               FakeFileSystem(), why));
  EXPECT_NE(why.find("listed 1 of 2"), std::string::npos) << why;
  EXPECT_FALSE(nvml_lists_gpus(payload({{"nvml_gpu_count", "1"}, {"nvml_gpu_error", "0|nvmlDeviceGetName|3"}}),
                               FakeFileSystem(), why));
  EXPECT_NE(why.find("NVML_ERROR_NOT_SUPPORTED (3)"), std::string::npos) << why;
  EXPECT_FALSE(nvml_lists_gpus(payload({{"nvml_error", "nvmlInit_v2 returned NVML_ERROR_DRIVER_NOT_LOADED (9)"}}),
                               FakeFileSystem(), why));
  EXPECT_FALSE(nvml_lists_gpus("", FakeFileSystem(), why));
  EXPECT_FALSE(nvml_lists_gpus(payload({{"nvml_gpu_count", "1"}, {"nvml_gpu", "0|8|0|1000|1|GPU-a|X"}}),
                               FakeFileSystem(), why));
  EXPECT_NE(why.find("MIG"), std::string::npos) << why;
}

TEST(NvmlPayload, MemoryThatIsNoneReadsAsUnknown) {
  const auto found = decode_driver_payload(
      payload({{"nvml_gpu_count", "1"}, {"nvml_gpu", "0|9|0|18446744073709551615|0|GPU-a|X"}}) + libcuda,
      FakeFileSystem());
  ASSERT_EQ(found.gpus.gpus.size(), 1u);
  EXPECT_EQ(found.gpus.gpus[0].memory_bytes, 0u);
}

TEST(DriverApiPayload, AComputeCapabilityOutOfRangeIsUnknownNotAnError) {
  const auto found = decode_driver_payload(
      libcuda + payload({{"cu_init", "0"}, {"gpu_count", "2"}, {"gpu", "0|-1|-1|1000|Broken"},
                         {"gpu", "1|8|6|1000|Fine"}}),
      FakeFileSystem());
  ASSERT_EQ(found.gpus.gpus.size(), 2u);
  EXPECT_EQ(found.gpus.gpus[0].cc_major, 0);
  EXPECT_EQ(found.gpus.gpus[1].cc_major, 8);
  EXPECT_EQ(found.gpus.source, "driver API");
  EXPECT_TRUE(found.driver.cu_init_called);
  EXPECT_NE(found.gpus.reason.find("device 0: compute capability -1.-1 is out of range"), std::string::npos);
}

}  // namespace
}  // namespace torchcompat
