#include "detectors/detect_driver.hpp"

#include <gtest/gtest.h>

#include "isolation/child_payload.hpp"
#include "fake_file_system.hpp"

namespace torchcompat {
namespace {

using testing::FakeFileSystem;

// Saved from real machines.
const char* const proc_proprietary =
    "NVRM version: NVIDIA UNIX x86_64 Kernel Module  550.54.14  Thu Feb 22 01:44:30 UTC 2024\n"
    "GCC version:  gcc version 12.2.0 (Debian 12.2.0-14)\n";
const char* const proc_open_module =
    "NVRM version: NVIDIA UNIX Open Kernel Module for x86_64  580.65.06  Release Build  "
    "(dvs-builder@U16-I3-B03-4-3)  Sun Jul 27 07:09:15 UTC 2025\n"
    "GCC version:  gcc version 12.2.0 (Debian 12.2.0-14+deb12u1)\n";
const char* const proc_legacy =
    "NVRM version: NVIDIA UNIX x86_64 Kernel Module  470.82.01  Wed Oct 27 23:11:10 UTC 2021\n";

TEST(KernelModuleRelease, ReadsTheProprietaryProcFile) {
  EXPECT_EQ(parse_proc_driver_version(proc_proprietary), "550.54.14");
  EXPECT_EQ(parse_proc_driver_version(proc_legacy), "470.82.01");
}

TEST(KernelModuleRelease, ReadsTheOpenModuleProcFileWithItsArchitecture) {
  EXPECT_EQ(parse_proc_driver_version(proc_open_module), "580.65.06");
}

TEST(KernelModuleRelease, RejectsProcTextWithoutARelease) {
  EXPECT_EQ(parse_proc_driver_version(""), std::nullopt);
  EXPECT_EQ(parse_proc_driver_version("GCC version: 12.2.0\n"), std::nullopt);
  EXPECT_EQ(parse_proc_driver_version("NVRM version: NVIDIA UNIX x86_64 Kernel Module  garbage\n"),
            std::nullopt);
  EXPECT_EQ(parse_proc_driver_version("NVRM version: NVIDIA UNIX x86_64 Kernel Module  550.\n"),
            std::nullopt);
}

TEST(KernelModuleRelease, ReadsTheSysModuleFile) {
  EXPECT_EQ(parse_sys_module_version("535.104.05\n"), "535.104.05");
  EXPECT_EQ(parse_sys_module_version("  390.157"), "390.157");
  EXPECT_EQ(parse_sys_module_version(""), std::nullopt);
  EXPECT_EQ(parse_sys_module_version("535.104.05 extra\n"), std::nullopt);
  EXPECT_EQ(parse_sys_module_version("v535\n"), std::nullopt);
}

TEST(KernelModuleRelease, PrefersSysOverProc) {
  FakeFileSystem fs;
  fs.file("/sys/module/nvidia/version", "535.104.05\n").file("/proc/driver/nvidia/version", proc_proprietary);
  const auto release = read_kernel_module_release(fs);
  ASSERT_TRUE(release);
  EXPECT_EQ(release->release, "535.104.05");
  EXPECT_EQ(release->source, "/sys/module/nvidia/version");
}

TEST(KernelModuleRelease, FallsBackToProcWhenSysIsGarbage) {
  FakeFileSystem fs;
  fs.file("/sys/module/nvidia/version", "\x7f" "ELF\n").file("/proc/driver/nvidia/version", proc_proprietary);
  const auto release = read_kernel_module_release(fs);
  ASSERT_TRUE(release);
  EXPECT_EQ(release->release, "550.54.14");
  EXPECT_EQ(release->source, "/proc/driver/nvidia/version");
}

TEST(KernelModuleRelease, NothingOnAMachineWithoutTheModule) {
  EXPECT_EQ(read_kernel_module_release(FakeFileSystem()), std::nullopt);
}

TEST(DriverVersionEncoding, DecodesThousandsAndTens) {
  EXPECT_EQ(decode_cuda_driver_version(11040), "11.4");
  EXPECT_EQ(decode_cuda_driver_version(12020), "12.2");
  EXPECT_EQ(decode_cuda_driver_version(12080), "12.8");
  EXPECT_EQ(decode_cuda_driver_version(13000), "13.0");
  EXPECT_EQ(decode_cuda_driver_version(9020), "9.2");
  EXPECT_EQ(decode_cuda_driver_version(0), "");
  EXPECT_EQ(decode_cuda_driver_version(-1), "");
}

TEST(CuResultNames, NamesWellKnownCodesOnly) {
  EXPECT_STREQ(cu_result_name(100), "CUDA_ERROR_NO_DEVICE");
  EXPECT_STREQ(cu_result_name(34), "CUDA_ERROR_STUB_LIBRARY");
  EXPECT_STREQ(cu_result_name(999), "CUDA_ERROR_UNKNOWN");
  EXPECT_STREQ(cu_result_name(803), "CUDA_ERROR_SYSTEM_DRIVER_MISMATCH");
  EXPECT_STREQ(cu_result_name(12345), "");
}

std::string payload(std::initializer_list<std::pair<const char*, std::string>> entries) {
  PayloadWriter out;
  for (const auto& [key, value] : entries) out.add(key, value);
  return out.text();
}

TEST(DriverPayload, NoLibcudaMeansNoDriver) {
  const auto found = decode_driver_payload(
      payload({{"nvml_error", "libnvidia-ml.so.1: cannot open shared object file: No such file or directory"},
               {"cuda_load_error",
                "libcuda.so.1: cannot open shared object file: No such file or directory; "
                "/usr/lib/wsl/lib/libcuda.so.1: cannot open shared object file: No such file or directory"}}),
      FakeFileSystem());
  EXPECT_EQ(found.driver.status, Status::not_found);
  EXPECT_EQ(found.driver.reason, "libcuda.so.1 not found (no NVIDIA driver installed)");
  EXPECT_EQ(found.gpus.status, Status::not_found);
  EXPECT_TRUE(found.gpus.gpus.empty());
  EXPECT_FALSE(found.gpus.reason.empty());
}

TEST(DriverPayload, AKernelModuleWithoutLibcudaIsNotCalledNoDriver) {
  FakeFileSystem fs;
  fs.file("/proc/driver/nvidia/version", proc_proprietary);
  const auto found = decode_driver_payload(
      payload({{"cuda_load_error", "libcuda.so.1: cannot open shared object file: No such file or directory"}}),
      fs);
  EXPECT_EQ(found.driver.status, Status::not_found);
  EXPECT_EQ(found.driver.release, "550.54.14");
  EXPECT_NE(found.driver.reason.find("kernel module 550.54.14 is loaded"), std::string::npos);
}

TEST(DriverPayload, ABrokenLibcudaIsAnErrorNotAnAbsence) {
  const auto found = decode_driver_payload(
      payload({{"cuda_load_error", "libcuda.so.1: wrong ELF class: ELFCLASS32"}}), FakeFileSystem());
  EXPECT_EQ(found.driver.status, Status::error);
  EXPECT_NE(found.driver.reason.find("wrong ELF class"), std::string::npos);
}

TEST(DriverPayload, KeepsTheCuInitCodeAndStillTheVersion) {
  const auto found = decode_driver_payload(payload({{"cuda_library", "/usr/lib/libcuda.so.1"},
                                                    {"cuda_library_file", "/usr/lib/libcuda.so.1"},
                                                    {"cu_init", "999"},
                                                    {"driver_version", "12040"},
                                                    {"nvml_release", "550.54.14"}}),
                                           FakeFileSystem());
  EXPECT_EQ(found.driver.status, Status::found);
  EXPECT_EQ(found.driver.cu_init_error, 999);
  EXPECT_EQ(found.driver.cuda_version, "12.4");
  EXPECT_EQ(found.driver.release, "550.54.14");
  EXPECT_EQ(found.driver.release_source, "NVML");
  EXPECT_NE(found.driver.reason.find("CUDA_ERROR_UNKNOWN (999)"), std::string::npos);
  EXPECT_EQ(found.gpus.status, Status::error);
}

TEST(DriverPayload, ReleaseFallsBackToTheKernelModuleFiles) {
  FakeFileSystem fs;
  fs.file("/proc/driver/nvidia/version", proc_legacy);
  const auto found = decode_driver_payload(
      payload({{"nvml_error", "nvmlInit_v2 returned 9"}, {"cuda_library", "/x/libcuda.so.1"},
               {"cu_init", "0"}, {"driver_version", "11040"}, {"gpu_count", "1"},
               {"gpu", "0|8|6|25438126080|NVIDIA GeForce RTX 3090 | with a bar"}}),
      fs);
  EXPECT_EQ(found.driver.release, "470.82.01");
  EXPECT_EQ(found.driver.release_source, "/proc/driver/nvidia/version");
  EXPECT_FALSE(found.driver.forward_compat);
  ASSERT_EQ(found.gpus.gpus.size(), 1u);
  EXPECT_EQ(found.gpus.status, Status::found);
  EXPECT_EQ(found.gpus.gpus[0].name, "NVIDIA GeForce RTX 3090 | with a bar");
  EXPECT_EQ(found.gpus.gpus[0].cc_major, 8);
  EXPECT_EQ(found.gpus.gpus[0].cc_minor, 6);
  EXPECT_EQ(found.gpus.gpus[0].memory_bytes, 25438126080u);
}

TEST(DriverPayload, SaysWhyTheReleaseIsUnknown) {
  const auto found = decode_driver_payload(
      payload({{"nvml_error", "nvmlInit_v2 returned 9"}, {"cuda_library", "/x/libcuda.so.1"},
               {"cu_init", "100"}, {"driver_version", "12020"}}),
      FakeFileSystem());
  EXPECT_TRUE(found.driver.release.empty());
  EXPECT_NE(found.driver.reason.find("nvmlInit_v2 returned 9"), std::string::npos);
  EXPECT_EQ(found.gpus.status, Status::not_found);
  EXPECT_NE(found.gpus.reason.find("CUDA_ERROR_NO_DEVICE (100)"), std::string::npos);
}

TEST(DriverPayload, NoDeviceNamesCudaVisibleDevicesWhenItIsSet) {
  FakeFileSystem fs;
  fs.env("CUDA_VISIBLE_DEVICES", "");
  const auto found = decode_driver_payload(
      payload({{"cuda_library", "/x/libcuda.so.1"}, {"cu_init", "100"}, {"driver_version", "12020"}}), fs);
  EXPECT_EQ(found.gpus.reason, "cuInit failed: CUDA_ERROR_NO_DEVICE (100) with CUDA_VISIBLE_DEVICES=\"\"");
}

TEST(DriverPayload, AMissingNvmlIsSaidBriefly) {
  const auto found = decode_driver_payload(
      payload({{"nvml_error", "libnvidia-ml.so.1: cannot open shared object file: No such file or directory"},
               {"cuda_library", "/x/libcuda.so.1"}, {"cu_init", "0"}, {"driver_version", "12020"},
               {"gpu_count", "0"}}),
      FakeFileSystem());
  EXPECT_NE(found.driver.reason.find("release unknown: libnvidia-ml.so.1 not found"), std::string::npos);
}

TEST(DriverPayload, ALibcudaFromANewerReleaseThanTheKernelIsForwardCompat) {
  const auto found = decode_driver_payload(
      payload({{"nvml_release", "470.82.01"}, {"cuda_library", "/usr/local/cuda/compat/libcuda.so.1"},
               {"cuda_library_file", "/usr/local/cuda/compat/libcuda.so.550.54.15"},
               {"cu_init", "0"}, {"driver_version", "12040"}, {"gpu_count", "0"}}),
      FakeFileSystem());
  EXPECT_TRUE(found.driver.forward_compat);
  EXPECT_NE(found.driver.reason.find("550.54.15"), std::string::npos);
  EXPECT_EQ(found.driver.cuda_version, "12.4");
}

TEST(DriverPayload, TheMatchingReleaseIsNotForwardCompat) {
  const auto found = decode_driver_payload(
      payload({{"nvml_release", "550.54.14"}, {"cuda_library", "/lib/libcuda.so.1"},
               {"cuda_library_file", "/lib/libcuda.so.550.54.14"}, {"cu_init", "0"},
               {"driver_version", "12040"}, {"gpu_count", "0"}}),
      FakeFileSystem());
  EXPECT_FALSE(found.driver.forward_compat);
  EXPECT_TRUE(found.driver.reason.empty());
}

TEST(DriverPayload, AGpuThatFailsIsNamedAndTheOthersKept) {
  const auto found = decode_driver_payload(
      payload({{"cuda_library", "/lib/libcuda.so.1"}, {"cu_init", "0"}, {"driver_version", "12020"},
               {"gpu_count", "2"}, {"gpu", "0|9|0|85899345920|NVIDIA H100"},
               {"gpu_error", "1|cuDeviceGetName|101"}}),
      FakeFileSystem());
  EXPECT_EQ(found.gpus.status, Status::found);
  ASSERT_EQ(found.gpus.gpus.size(), 1u);
  EXPECT_NE(found.gpus.reason.find("device 1: cuDeviceGetName failed: CUDA_ERROR_INVALID_DEVICE (101)"),
            std::string::npos);
}

IsolatedOutcome interrupted(Status status, const std::string& reason, const std::string& sent) {
  IsolatedOutcome outcome;
  outcome.status = status;
  outcome.reason = reason;
  outcome.payload = sent;
  return outcome;
}

TEST(InterruptedDriverRun, NamesTheCallAndKeepsWhatArrived) {
  const auto found = decode_interrupted_driver_run(
      interrupted(Status::crashed, "crashed (signal 11)",
                  payload({{"calling", "loading libcuda.so.1"}, {"cuda_library", "/lib/libcuda.so.1"},
                           {"calling", "cuInit"}, {"cu_init", "0"}, {"calling", "cuDriverGetVersion"},
                           {"driver_version", "12040"}, {"calling", "cuDeviceGetName (device 0)"}})),
      FakeFileSystem());
  EXPECT_EQ(found.driver.status, Status::crashed);
  EXPECT_EQ(found.driver.reason, "the CUDA driver crashed (signal 11) in cuDeviceGetName (device 0)");
  EXPECT_EQ(found.driver.library, "/lib/libcuda.so.1");
  EXPECT_EQ(found.driver.cuda_version, "12.4");
  EXPECT_EQ(found.gpus.status, Status::crashed);
}

TEST(InterruptedDriverRun, AnNvmlFailureCostsOnlyTheRelease) {
  FakeFileSystem fs;
  fs.file("/sys/module/nvidia/version", "550.54.14\n");
  const auto found = decode_interrupted_driver_run(
      interrupted(Status::timed_out, "timed out after 5 s",
                  payload({{"cuda_library", "/lib/libcuda.so.1"}, {"cu_init", "0"}, {"driver_version", "12040"},
                           {"gpu_count", "1"}, {"gpu", "0|8|6|1000|NVIDIA RTX A6000"},
                           {"calling", "loading libnvidia-ml.so.1"}, {"nvml_library", "/lib/libnvidia-ml.so.1"},
                           {"calling", "nvmlInit_v2"}})),
      fs);
  EXPECT_EQ(found.driver.status, Status::found);
  EXPECT_EQ(found.driver.release, "550.54.14");
  EXPECT_EQ(found.driver.release_source, "/sys/module/nvidia/version");
  EXPECT_EQ(found.driver.reason, "NVML timed out after 5 s in nvmlInit_v2");
  EXPECT_EQ(found.gpus.status, Status::found);
  EXPECT_EQ(found.gpus.gpus.size(), 1u);
}

TEST(InterruptedDriverRun, NothingSentStillGivesAReason) {
  const auto found = decode_interrupted_driver_run(interrupted(Status::crashed, "crashed (signal 6)", ""),
                                                   FakeFileSystem());
  EXPECT_EQ(found.driver.status, Status::crashed);
  EXPECT_EQ(found.driver.reason, "the CUDA driver crashed (signal 6)");
}

TEST(DriverPayload, MissingEntryPointIsAnError) {
  const auto found = decode_driver_payload(
      payload({{"cuda_library", "/lib/libcuda.so.1"}, {"cuda_missing_symbol", "cuDeviceTotalMem_v2"}}),
      FakeFileSystem());
  EXPECT_EQ(found.driver.status, Status::error);
  EXPECT_NE(found.driver.reason.find("cuDeviceTotalMem_v2"), std::string::npos);
}

}  // namespace
}  // namespace torchcompat
