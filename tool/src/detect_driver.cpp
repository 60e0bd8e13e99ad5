#include "detect_driver.hpp"

#include <cctype>
#include <cerrno>
#include <climits>
#include <cstdlib>
#include <sstream>

#include "child_payload.hpp"
#include "isolate.hpp"
#include "vendor_cuda.hpp"
#include "vendor_nvml.hpp"

namespace torchcompat {

namespace {

const char* const sys_module_version = "/sys/module/nvidia/version";
const char* const proc_driver_version = "/proc/driver/nvidia/version";
constexpr int cuda_error_no_device = 100;

// The child's line protocol keys.
namespace key {
const char* const nvml_library = "nvml_library";
const char* const nvml_release = "nvml_release";
const char* const nvml_error = "nvml_error";
const char* const cuda_library = "cuda_library";
const char* const cuda_library_file = "cuda_library_file";
const char* const cuda_load_error = "cuda_load_error";
const char* const cuda_missing_symbol = "cuda_missing_symbol";
const char* const cu_init = "cu_init";
const char* const driver_version = "driver_version";
const char* const driver_version_error = "driver_version_error";
const char* const gpu_count = "gpu_count";
const char* const gpu_count_error = "gpu_count_error";
const char* const gpu = "gpu";              // index|cc_major|cc_minor|bytes|name
const char* const gpu_error = "gpu_error";  // index|call|CUresult
const char* const calling = "calling";      // the vendor call about to be made
}  // namespace key

// NVML documents 80 bytes (NVML_SYSTEM_DRIVER_VERSION_BUFFER_SIZE) as enough.
constexpr unsigned int nvml_release_buffer_size = 80;

bool is_release_token(const std::string& token) {
  if (token.empty() || !std::isdigit(static_cast<unsigned char>(token.front()))) return false;
  bool has_dot = false;
  for (char c : token) {
    if (c == '.') {
      has_dot = true;
    } else if (!std::isdigit(static_cast<unsigned char>(c))) {
      return false;
    }
  }
  return has_dot && token.back() != '.';
}

std::optional<int> to_int(const std::string& text) {
  if (text.empty()) return std::nullopt;
  char* end = nullptr;
  errno = 0;
  const long long value = std::strtoll(text.c_str(), &end, 10);
  if (*end != '\0' || errno != 0 || value < INT_MIN || value > INT_MAX) return std::nullopt;
  return static_cast<int>(value);
}

std::string describe_cu_result(int code) {
  const char* name = cu_result_name(code);
  return *name != '\0' ? std::string(name) + " (" + std::to_string(code) + ")"
                       : "CUresult " + std::to_string(code);
}

// What a person can do about the cuInit failures that have one usual cause.
std::string cu_init_hint(int code) {
  switch (code) {
    case 34: return " - the libcuda loaded is the toolkit's link-time stub (lib64/stubs), not a driver";
    case 100: return " - the driver sees no GPU (none installed, or CUDA_VISIBLE_DEVICES hides them)";
    case 803: return " - libcuda and the kernel module are from different driver releases";
    default: return "";
  }
}

std::vector<std::string> split(const std::string& text, char separator, std::size_t max_parts) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (parts.size() + 1 < max_parts) {
    const auto at = text.find(separator, start);
    if (at == std::string::npos) break;
    parts.push_back(text.substr(start, at - start));
    start = at + 1;
  }
  parts.push_back(text.substr(start));
  return parts;
}

void append_reason(std::string& reason, const std::string& part) {
  if (!reason.empty()) reason += "; ";
  reason += part;
}

// ---- the child's half ------------------------------------------------------

// Each vendor call is announced before it is made, so that if it kills the
// child the parent can say which one did.
void announce(PayloadWriter& out, const std::string& call) { out.add(key::calling, call); }

void probe_nvml(PayloadWriter& out) {
  std::string error;
  announce(out, "loading libnvidia-ml.so.1");
  const LoadedNvml nvml = load_nvml(error);
  if (!nvml.library) {
    out.add(key::nvml_error, error);
    return;
  }
  out.add(key::nvml_library, nvml.path);
  if (!nvml.missing_symbol.empty()) {
    out.add(key::nvml_error, nvml.path + " lacks " + nvml.missing_symbol);
    return;
  }
  announce(out, "nvmlInit_v2");
  if (int rc = nvml.api.nvmlInit_v2()) {
    out.add(key::nvml_error, "nvmlInit_v2 returned " + std::to_string(rc));
    return;
  }
  char release[nvml_release_buffer_size + 1] = {};
  announce(out, "nvmlSystemGetDriverVersion");
  const int rc = nvml.api.nvmlSystemGetDriverVersion(release, nvml_release_buffer_size);
  announce(out, "nvmlShutdown");
  nvml.api.nvmlShutdown();
  if (rc != 0) {
    out.add(key::nvml_error, "nvmlSystemGetDriverVersion returned " + std::to_string(rc));
  } else {
    out.add(key::nvml_release, release);
  }
}

void probe_one_gpu(const CudaDriverApi& cuda, int ordinal, PayloadWriter& out) {
  const std::string of_device = " (device " + std::to_string(ordinal) + ")";
  const auto call = [&](const char* name) { announce(out, name + of_device); };
  const auto fail = [&](const char* name, int code) {
    out.add(key::gpu_error, std::to_string(ordinal) + "|" + name + "|" + std::to_string(code));
  };
  int device = 0;
  call("cuDeviceGet");
  if (int rc = cuda.cuDeviceGet(&device, ordinal)) return fail("cuDeviceGet", rc);
  char name[256] = {};
  call("cuDeviceGetName");
  if (int rc = cuda.cuDeviceGetName(name, sizeof name - 1, device)) return fail("cuDeviceGetName", rc);
  int major = 0;
  int minor = 0;
  call("cuDeviceGetAttribute");
  if (int rc = cuda.cuDeviceGetAttribute(&major, cu_device_attribute_compute_capability_major, device)) {
    return fail("cuDeviceGetAttribute", rc);
  }
  if (int rc = cuda.cuDeviceGetAttribute(&minor, cu_device_attribute_compute_capability_minor, device)) {
    return fail("cuDeviceGetAttribute", rc);
  }
  std::size_t bytes = 0;
  call("cuDeviceTotalMem_v2");
  if (int rc = cuda.cuDeviceTotalMem_v2(&bytes, device)) return fail("cuDeviceTotalMem_v2", rc);
  std::ostringstream line;
  line << ordinal << '|' << major << '|' << minor << '|' << bytes << '|' << name;
  out.add(key::gpu, line.str());
}

void probe_gpus(const CudaDriverApi& cuda, PayloadWriter& out) {
  int count = 0;
  announce(out, "cuDeviceGetCount");
  if (int rc = cuda.cuDeviceGetCount(&count)) {
    out.add(key::gpu_count_error, rc);
    return;
  }
  out.add(key::gpu_count, count);
  for (int ordinal = 0; ordinal < count; ++ordinal) probe_one_gpu(cuda, ordinal, out);
}

std::string real_path(const std::string& path) {
#if defined(_WIN32)
  return path;
#else
  char* resolved = ::realpath(path.c_str(), nullptr);
  if (resolved == nullptr) return path;
  std::string result(resolved);
  std::free(resolved);
  return result;
#endif
}

void probe_cuda(PayloadWriter& out) {
  std::string error;
  announce(out, "loading libcuda.so.1");
  const LoadedCudaDriver cuda = load_cuda_driver(error);
  if (!cuda.library) {
    out.add(key::cuda_load_error, error);
    return;
  }
  out.add(key::cuda_library, cuda.path);
  out.add(key::cuda_library_file, real_path(cuda.path));
  if (!cuda.missing_symbol.empty()) {
    out.add(key::cuda_missing_symbol, cuda.missing_symbol);
    return;
  }
  announce(out, "cuInit");
  const int init = cuda.api.cuInit(0);
  out.add(key::cu_init, init);
  // cuDriverGetVersion needs no cuInit, so a driver without devices still
  // says which CUDA it supports.
  int version = 0;
  announce(out, "cuDriverGetVersion");
  if (int rc = cuda.api.cuDriverGetVersion(&version)) {
    out.add(key::driver_version_error, rc);
  } else {
    out.add(key::driver_version, version);
  }
  if (init == cuda_success) probe_gpus(cuda.api, out);
}

// Runs in the isolated child: everything that touches vendor code. libcuda
// first: if NVML then fails badly, the driver's own answers are already out.
void probe_driver_here(const Emit& emit) {
  PayloadWriter out(emit);
  probe_cuda(out);
  probe_nvml(out);
}

// ---- the parent's half -----------------------------------------------------

// libcuda.so.1 is a link to libcuda.so.<release>; the file name is the
// user-space driver's own release.
std::string release_from_library_file(const std::string& file) {
  const auto slash = file.find_last_of('/');
  const std::string base = slash == std::string::npos ? file : file.substr(slash + 1);
  const std::string prefix = "libcuda.so.";
  if (base.compare(0, prefix.size(), prefix) != 0) return {};
  const std::string suffix = base.substr(prefix.size());
  return is_release_token(suffix) ? suffix : std::string();
}

bool only_missing_files(const std::string& load_error) {
  for (const auto& part : split(load_error, ';', SIZE_MAX)) {
    if (part.find("No such file") == std::string::npos) return false;
  }
  return !load_error.empty();
}

void decode_library(const PayloadEntries& entries, Driver& driver) {
  if (const auto* error = find_entry(entries, key::cuda_load_error)) {
    if (only_missing_files(*error)) {
      driver.status = Status::not_found;
      driver.reason = "libcuda.so.1 not found (no NVIDIA driver installed)";
    } else {
      driver.status = Status::error;
      driver.reason = "libcuda.so.1 could not be loaded: " + *error;
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
  }
  driver.status = driver.cuda_version.empty() ? Status::error : Status::found;
  if (const auto* error = find_entry(entries, key::driver_version_error)) {
    append_reason(driver.reason, "cuDriverGetVersion failed: " + describe_cu_result(to_int(*error).value_or(-1)));
  } else if (driver.cuda_version.empty()) {
    append_reason(driver.reason, "cuDriverGetVersion gave no usable version");
  }
  if (const auto* init = find_entry(entries, key::cu_init)) {
    const int code = to_int(*init).value_or(-1);
    if (code != cuda_success) {
      driver.cu_init_error = code;
      append_reason(driver.reason, "cuInit failed: " + describe_cu_result(code) + cu_init_hint(code));
    }
  }
}

void decode_release(const PayloadEntries& entries, const FileSystem& fs, Driver& driver) {
  if (const auto* release = find_entry(entries, key::nvml_release)) {
    if (is_release_token(*release)) {
      driver.release = *release;
      driver.release_source = "NVML";
      return;
    }
  }
  if (const auto kernel = read_kernel_module_release(fs)) {
    driver.release = kernel->release;
    driver.release_source = kernel->source;
    return;
  }
  if (driver.status == Status::found) {
    std::string why = "release unknown: ";
    const auto* nvml_error = find_entry(entries, key::nvml_error);
    if (nvml_error == nullptr) {
      why += "NVML gave no version";
    } else if (only_missing_files(*nvml_error)) {
      why += "libnvidia-ml.so.1 not found";
    } else {
      why += "NVML: " + *nvml_error;
    }
    why += std::string(", and neither ") + sys_module_version + " nor " + proc_driver_version +
           " is readable";
    append_reason(driver.reason, why);
  }
}

// A forward-compatibility libcuda (the cuda-compat package) is a newer
// user-space driver than the kernel module it runs on; its file name carries
// its release, which then differs from the kernel module's.
void decode_forward_compat(const PayloadEntries& entries, Driver& driver) {
  const auto* file = find_entry(entries, key::cuda_library_file);
  if (file == nullptr || driver.release.empty()) return;
  const std::string library_release = release_from_library_file(*file);
  if (library_release.empty() || library_release == driver.release) return;
  driver.forward_compat = true;
  append_reason(driver.reason, "forward-compatible libcuda: " + *file + " is release " +
                                   library_release + ", the kernel driver is " + driver.release);
}

// "No driver installed" would mislead when the kernel module is there and only
// the user-space library is out of the loader's reach (a container started
// without the NVIDIA runtime, a broken install).
void explain_missing_library(Driver& driver) {
  if (driver.status != Status::not_found || driver.release.empty()) return;
  driver.reason = "libcuda.so.1 not found, although the NVIDIA kernel module " + driver.release +
                  " is loaded (is libcuda.so.1 on the loader path? in a container, is the NVIDIA "
                  "container runtime enabled?)";
}

void decode_gpus(const PayloadEntries& entries, const FileSystem& fs, const Driver& driver,
                 GpuFindings& gpus) {
  gpus.source = "driver API";
  if (driver.library.empty() || find_entry(entries, key::cuda_missing_symbol) != nullptr) {
    gpus.status = Status::not_found;
    gpus.reason = "no usable CUDA driver: " + driver.reason;
    return;
  }
  if (driver.cu_init_error) {
    const int code = *driver.cu_init_error;
    gpus.status = code == cuda_error_no_device ? Status::not_found : Status::error;
    gpus.reason = "cuInit failed: " + describe_cu_result(code);
    const auto visible = fs.getenv("CUDA_VISIBLE_DEVICES");
    if (code == cuda_error_no_device && visible) gpus.reason += " with CUDA_VISIBLE_DEVICES=\"" + *visible + "\"";
  } else if (const auto* error = find_entry(entries, key::gpu_count_error)) {
    gpus.status = Status::error;
    gpus.reason = "cuDeviceGetCount failed: " + describe_cu_result(to_int(*error).value_or(-1));
  }
  for (const auto& entry : entries) {
    if (entry.first == key::gpu) {
      const auto fields = split(entry.second, '|', 5);
      if (fields.size() != 5) continue;
      Gpu gpu;
      gpu.index = to_int(fields[0]).value_or(-1);
      gpu.cc_major = to_int(fields[1]).value_or(0);
      gpu.cc_minor = to_int(fields[2]).value_or(0);
      gpu.memory_bytes = std::strtoull(fields[3].c_str(), nullptr, 10);
      gpu.name = fields[4];
      gpus.gpus.push_back(gpu);
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
    gpus.reason = "the driver reports no CUDA devices";
    if (const auto visible = fs.getenv("CUDA_VISIBLE_DEVICES")) {
      gpus.reason += " with CUDA_VISIBLE_DEVICES=\"" + *visible + "\"";
    }
  } else if (gpus.status == Status::not_found && find_entry(entries, key::gpu_error) != nullptr) {
    gpus.status = Status::error;
  }
}

}  // namespace

// ---- public --------------------------------------------------------------------

const char* cu_result_name(int code) {
  switch (code) {
    case 0: return "CUDA_SUCCESS";
    case 1: return "CUDA_ERROR_INVALID_VALUE";
    case 2: return "CUDA_ERROR_OUT_OF_MEMORY";
    case 3: return "CUDA_ERROR_NOT_INITIALIZED";
    case 4: return "CUDA_ERROR_DEINITIALIZED";
    case 34: return "CUDA_ERROR_STUB_LIBRARY";
    case 36: return "CUDA_ERROR_CALL_REQUIRES_NEWER_DRIVER";
    case 46: return "CUDA_ERROR_DEVICE_UNAVAILABLE";
    case 100: return "CUDA_ERROR_NO_DEVICE";
    case 101: return "CUDA_ERROR_INVALID_DEVICE";
    case 800: return "CUDA_ERROR_NOT_PERMITTED";
    case 801: return "CUDA_ERROR_NOT_SUPPORTED";
    case 802: return "CUDA_ERROR_SYSTEM_NOT_READY";
    case 803: return "CUDA_ERROR_SYSTEM_DRIVER_MISMATCH";
    case 804: return "CUDA_ERROR_COMPAT_NOT_SUPPORTED_ON_DEVICE";
    case 805: return "CUDA_ERROR_MPS_CONNECTION_FAILED";
    case 999: return "CUDA_ERROR_UNKNOWN";
    default: return "";
  }
}

std::string decode_cuda_driver_version(int encoded) {
  if (encoded <= 0) return {};
  return std::to_string(encoded / 1000) + "." + std::to_string(encoded % 1000 / 10);
}

std::optional<std::string> parse_sys_module_version(const std::string& text) {
  std::istringstream words(text);
  std::string token;
  if (!(words >> token) || !is_release_token(token)) return std::nullopt;
  if (words >> token) return std::nullopt;  // one version, nothing else, or it isn't this file
  return token;
}

std::optional<std::string> parse_proc_driver_version(const std::string& text) {
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.rfind("NVRM version:", 0) != 0) continue;
    // "... Kernel Module  550.54.14  ..." or, for the open modules,
    // "... Open Kernel Module for x86_64  550.54.14  Release Build ...".
    const auto module = line.find("Kernel Module");
    if (module == std::string::npos) return std::nullopt;
    std::istringstream words(line.substr(module));
    std::string token;
    while (words >> token) {
      if (is_release_token(token)) return token;
    }
    return std::nullopt;
  }
  return std::nullopt;
}

std::optional<KernelRelease> read_kernel_module_release(const FileSystem& fs) {
  if (const auto text = fs.read_file(sys_module_version, 4096)) {
    if (const auto release = parse_sys_module_version(*text)) return KernelRelease{*release, sys_module_version};
  }
  if (const auto text = fs.read_file(proc_driver_version, 65536)) {
    if (const auto release = parse_proc_driver_version(*text)) return KernelRelease{*release, proc_driver_version};
  }
  return std::nullopt;
}

DriverAndGpus decode_driver_payload(const std::string& payload, const FileSystem& fs) {
  const PayloadEntries entries = parse_payload(payload);
  DriverAndGpus found;
  decode_library(entries, found.driver);
  decode_release(entries, fs, found.driver);
  decode_forward_compat(entries, found.driver);
  explain_missing_library(found.driver);
  decode_gpus(entries, fs, found.driver, found.gpus);
  return found;
}

namespace {

bool is_nvml_call(const std::string& call) {
  return call.rfind("nvml", 0) == 0 || call.find("libnvidia-ml") != std::string::npos;
}

}  // namespace

DriverAndGpus decode_interrupted_driver_run(const IsolatedOutcome& outcome, const FileSystem& fs) {
  const PayloadEntries entries = parse_payload(outcome.payload);
  const std::string* call = last_entry(entries, key::calling);
  const std::string what = outcome.reason + (call != nullptr ? " in " + *call : std::string());
  if (call != nullptr && is_nvml_call(*call)) {
    // libcuda's answers are complete; only the release is lost, and the
    // kernel module's files may still have it.
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
  }
  if (const auto* init = find_entry(entries, key::cu_init)) {
    const int code = to_int(*init).value_or(-1);
    if (code != cuda_success) failed.driver.cu_init_error = code;
  }
  failed.gpus.status = outcome.status;
  failed.gpus.source = "driver API";
  failed.gpus.reason = failed.driver.reason;
  // The kernel module's files are plain text and safe to read here.
  if (const auto kernel = read_kernel_module_release(fs)) {
    failed.driver.release = kernel->release;
    failed.driver.release_source = kernel->source;
  }
  return failed;
}

DriverAndGpus detect_driver_and_gpus(const Options& options, const FileSystem& fs) {
  const IsolatedOutcome outcome = run_isolated_streaming(probe_driver_here, options.detector_timeout);
  if (outcome.status == Status::found) return decode_driver_payload(outcome.payload, fs);
  return decode_interrupted_driver_run(outcome, fs);
}

}  // namespace torchcompat
