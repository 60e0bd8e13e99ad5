// The parent's half of driver detection: the children's payloads turned into
// findings, each value checked and its source named.
#include "isolation/child_payload.hpp"
#include "detectors/detect_driver.hpp"
#include "vendor/driver_keys.hpp"
#include "vendor/driver_values.hpp"
#include "vendor/nvml_gpu_list.hpp"
#include "vendor/vendor_names.hpp"

namespace torchcompat {

namespace key = driver_key;

namespace {

constexpr int cuda_error_no_device = 100;
constexpr int cuda_success_code = 0;

// ---- libcuda ------------------------------------------------------------------

void decode_library(const PayloadEntries& entries, Driver& driver) {
  if (const auto* error = find_entry(entries, key::cuda_load_error)) {
    if (only_missing_files(*error)) {
      driver.status = Status::not_found;
      driver.reason = std::string(cuda_driver_file) + " not found (no NVIDIA driver installed)";
    } else {
      driver.status = Status::error;
      driver.reason = std::string(cuda_driver_file) + " could not be loaded: " + *error;
    }
    return;
  }
  if (const auto* library = find_entry(entries, key::cuda_library)) driver.library = *library;
  if (const auto* missing = find_entry(entries, key::cuda_missing_symbol)) {
    driver.status = Status::error;
    driver.reason = driver.library + " lacks " + *missing + " (not a CUDA driver library?)";
    return;
  }
  if (const auto* version = find_entry(entries, key::driver_version)) {
    const auto encoded = to_int(*version);
    driver.cuda_version = encoded ? decode_cuda_driver_version(*encoded) : std::string();
    if (!driver.cuda_version.empty()) driver.cuda_version_source = "cuDriverGetVersion";
  }
  driver.status = driver.cuda_version.empty() ? Status::error : Status::found;
  if (const auto* error = find_entry(entries, key::driver_version_error)) {
    append_reason(driver.reason, "cuDriverGetVersion failed: " + describe_cu_result(to_int(*error).value_or(-1)));
  } else if (driver.cuda_version.empty()) {
    append_reason(driver.reason, "cuDriverGetVersion gave no usable version");
  }
  if (const auto* init = find_entry(entries, key::cu_init)) {
    driver.cu_init_called = true;
    const int code = to_int(*init).value_or(-1);
    if (code != cuda_success_code) {
      driver.cu_init_error = code;
      append_reason(driver.reason, "cuInit failed: " + describe_cu_result(code) + cu_init_hint(code));
    }
  }
}

// The kernel module's files first: they cost nothing. NVML states the same
// release (it refuses to run against a different kernel module).
void decode_release(const PayloadEntries& entries, const FileSystem& fs, Driver& driver) {
  if (const auto kernel = read_kernel_module_release(fs)) {
    driver.release = kernel->release;
    driver.release_source = kernel->source;
    return;
  }
  if (const auto* release = find_entry(entries, key::nvml_release)) {
    if (is_release_token(*release)) {
      driver.release = *release;
      driver.release_source = "NVML";
      return;
    }
  }
  if (driver.status == Status::found) {
    std::string why = "release unknown: ";
    const auto* nvml_error = find_entry(entries, key::nvml_error);
    const auto* release_error = find_entry(entries, key::nvml_release_error);
    if (nvml_error != nullptr) {
      why += only_missing_files(*nvml_error) ? std::string(nvml_file) + " not found" : "NVML: " + *nvml_error;
    } else if (release_error != nullptr) {
      why += "NVML: " + *release_error;
    } else {
      why += "NVML gave no version";
    }
#if !defined(_WIN32)
    why += ", and neither /sys/module/nvidia/version nor /proc/driver/nvidia/version is readable";
#endif
    append_reason(driver.reason, why);
  }
}

// Without a usable libcuda, NVML's answer for the CUDA version still describes
// the installed driver (a container given NVML but not libcuda).
void use_nvml_cuda_version(const PayloadEntries& entries, Driver& driver) {
  if (!driver.cuda_version.empty()) return;
  const auto* version = find_entry(entries, key::nvml_cuda_version);
  if (version == nullptr) return;
  const std::string decoded = decode_cuda_driver_version(to_int(*version).value_or(0));
  if (decoded.empty()) return;
  driver.cuda_version = decoded;
  driver.cuda_version_source = "NVML";
  if (driver.status == Status::not_found) {
    driver.status = Status::found;
    const std::string file = cuda_driver_file;
    driver.reason = file + " not found, although NVML answers for the driver: CUDA programs can't run here until " +
                    file + " is on the loader path (in a container, the NVIDIA runtime must grant the compute "
                    "capability); the CUDA version is NVML's";
  }
}

// A forward-compatibility libcuda (the cuda-compat package) is a newer
// user-space driver than the kernel module it runs on; its file name carries
// its release, which then differs from the kernel module's.
void decode_forward_compat(const PayloadEntries& entries, Driver& driver) {
  const auto* file = find_entry(entries, key::cuda_library_file);
  if (file == nullptr || driver.release.empty()) return;
  const auto slash = file->find_last_of('/');
  const std::string base = slash == std::string::npos ? *file : file->substr(slash + 1);
  const std::string prefix = "libcuda.so.";
  if (base.compare(0, prefix.size(), prefix) != 0) return;
  const std::string library_release = base.substr(prefix.size());
  if (!is_release_token(library_release) || library_release == driver.release) return;
  driver.forward_compat = true;
  append_reason(driver.reason, "forward-compatible libcuda: " + *file + " is release " + library_release +
                                   ", the kernel driver is " + driver.release);
}

// "No driver installed" would mislead when the kernel module is there and only
// the user-space library is out of the loader's reach.
void explain_missing_library(Driver& driver) {
  if (driver.status != Status::not_found || driver.release.empty()) return;
  const std::string file = cuda_driver_file;
  driver.reason = file + " not found, although the NVIDIA kernel module " + driver.release + " is loaded (is " +
                  file + " on the loader path? in a container, is the NVIDIA container runtime enabled?)";
}

// ---- GPUs through the driver API ----------------------------------------------

Gpu driver_api_gpu(const std::vector<std::string>& fields, std::string& reason) {
  Gpu gpu;
  gpu.index = to_int(fields[0]).value_or(-1);
  const int major = to_int(fields[1]).value_or(-1);
  const int minor = to_int(fields[2]).value_or(-1);
  if (is_valid_compute_capability(major, minor)) {
    gpu.cc_major = major;
    gpu.cc_minor = minor;
  } else {
    append_reason(reason, "device " + fields[0] + ": compute capability " + fields[1] + "." + fields[2] +
                              " is out of range, so it is unknown");
  }
  const auto bytes = to_uint64(fields[3]);
  gpu.memory_bytes = bytes && is_valid_memory(*bytes) ? *bytes : 0;
  gpu.name = safe_gpu_name(fields[4]);
  return gpu;
}

void decode_driver_api_gpus(const PayloadEntries& entries, const FileSystem& fs, const Driver& driver,
                            GpuFindings& gpus) {
  gpus.source = "driver API";
  if (driver.cu_init_error) {
    const int code = *driver.cu_init_error;
    gpus.status = code == cuda_error_no_device ? Status::not_found : Status::error;
    gpus.reason = "cuInit failed: " + describe_cu_result(code);
    if (code == cuda_error_no_device) gpus.reason += visible_devices_suffix(fs);
  } else if (const auto* error = find_entry(entries, key::gpu_count_error)) {
    gpus.status = Status::error;
    gpus.reason = "cuDeviceGetCount failed: " + describe_cu_result(to_int(*error).value_or(-1));
  }
  for (const auto& entry : entries) {
    if (entry.first == key::gpu) {
      const auto fields = split(entry.second, '|', 5);
      if (fields.size() == 5) gpus.gpus.push_back(driver_api_gpu(fields, gpus.reason));
    } else if (entry.first == key::gpu_error) {
      const auto fields = split(entry.second, '|', 3);
      if (fields.size() != 3) continue;
      append_reason(gpus.reason, "device " + fields[0] + ": " + fields[1] + " failed: " +
                                     describe_cu_result(to_int(fields[2]).value_or(-1)));
    }
  }
  if (!gpus.gpus.empty()) {
    gpus.status = Status::found;
  } else if (gpus.reason.empty()) {
    gpus.status = Status::not_found;
    gpus.reason = "the driver reports no CUDA devices" + visible_devices_suffix(fs);
  } else if (gpus.status == Status::not_found && find_entry(entries, key::gpu_error) != nullptr) {
    gpus.status = Status::error;
  }
}

// NVML's list when cuInit was not needed; the driver API's when it was called.
void decode_gpus(const PayloadEntries& entries, const FileSystem& fs, const Driver& driver, GpuFindings& gpus) {
  if (driver.cu_init_called) {
    decode_driver_api_gpus(entries, fs, driver, gpus);
    return;
  }
  NvmlGpuList nvml = nvml_gpu_list(entries, fs);
  if (nvml.gpus) {
    gpus = std::move(*nvml.gpus);
    return;
  }
  gpus.source = "driver API";
  gpus.status = Status::not_found;
  if (driver.library.empty() || find_entry(entries, key::cuda_missing_symbol) != nullptr) {
    gpus.reason = "no usable CUDA driver: " + driver.reason;
    append_reason(gpus.reason, nvml.why_not);
  } else {
    gpus.status = Status::error;
    gpus.reason = "cuInit was not called and NVML could not list the GPUs (" + nvml.why_not + ")";
  }
}

bool is_nvml_call(const std::string& call) {
  return call.rfind("nvml", 0) == 0 || call.find("libnvidia-ml") != std::string::npos;
}

}  // namespace

std::string decode_cuda_driver_version(int encoded) {
  // 1.0 is the first CUDA; beyond 99.x is no version but a broken library.
  if (encoded < 1000 || encoded >= 100000) return {};
  return std::to_string(encoded / 1000) + "." + std::to_string(encoded % 1000 / 10);
}

bool nvml_lists_gpus(const std::string& nvml_payload, const FileSystem& fs, std::string& why_not) {
  const NvmlGpuList list = nvml_gpu_list(parse_payload(nvml_payload), fs);
  why_not = list.why_not;
  return list.gpus.has_value();
}

DriverAndGpus decode_driver_payload(const std::string& payload, const FileSystem& fs) {
  const PayloadEntries entries = parse_payload(payload);
  DriverAndGpus found;
  decode_library(entries, found.driver);
  decode_release(entries, fs, found.driver);
  use_nvml_cuda_version(entries, found.driver);
  decode_forward_compat(entries, found.driver);
  explain_missing_library(found.driver);
  decode_gpus(entries, fs, found.driver, found.gpus);
  return found;
}

DriverAndGpus decode_interrupted_driver_run(const IsolatedOutcome& outcome, const FileSystem& fs) {
  const PayloadEntries entries = parse_payload(outcome.payload);
  const std::string* call = last_entry(entries, key::calling);
  const std::string what = outcome.reason + (call != nullptr ? " in " + *call : std::string());
  if (call != nullptr && is_nvml_call(*call)) {
    // libcuda's answers are complete; only NVML's are lost, and the kernel
    // module's files may still have the release.
    DriverAndGpus found = decode_driver_payload(outcome.payload + PayloadWriter().add(key::nvml_error, what).text(), fs);
    if (!found.driver.release.empty()) append_reason(found.driver.reason, "NVML " + what);
    return found;
  }
  DriverAndGpus failed;
  failed.driver.status = outcome.status;
  failed.driver.reason = "the CUDA driver " + what;
  if (const auto* library = find_entry(entries, key::cuda_library)) failed.driver.library = *library;
  if (const auto* version = find_entry(entries, key::driver_version)) {
    failed.driver.cuda_version = decode_cuda_driver_version(to_int(*version).value_or(0));
    if (!failed.driver.cuda_version.empty()) failed.driver.cuda_version_source = "cuDriverGetVersion";
  }
  if (const auto* init = find_entry(entries, key::cu_init)) {
    failed.driver.cu_init_called = true;
    const int code = to_int(*init).value_or(-1);
    if (code != cuda_success_code) failed.driver.cu_init_error = code;
  }
  if (call != nullptr && *call == "cuInit") failed.driver.cu_init_called = true;
  // The kernel module's files are plain text and safe to read here.
  if (const auto kernel = read_kernel_module_release(fs)) {
    failed.driver.release = kernel->release;
    failed.driver.release_source = kernel->source;
  } else if (const auto* release = find_entry(entries, key::nvml_release)) {
    if (is_release_token(*release)) {
      failed.driver.release = *release;
      failed.driver.release_source = "NVML";
    }
  }
  // NVML's list needed no libcuda: it stands when cuInit was never reached.
  NvmlGpuList nvml = nvml_gpu_list(entries, fs);
  if (!failed.driver.cu_init_called && nvml.gpus) {
    failed.gpus = std::move(*nvml.gpus);
    return failed;
  }
  failed.gpus.status = outcome.status;
  failed.gpus.source = "driver API";
  failed.gpus.reason = failed.driver.reason;
  return failed;
}

}  // namespace torchcompat
