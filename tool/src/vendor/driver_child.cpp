#include "driver_child.hpp"

#include <cstdlib>
#include <sstream>
#include <string>

#include "isolation/child_payload.hpp"
#include "vendor/driver_keys.hpp"
#include "vendor/driver_names.hpp"
#include "vendor/vendor_cuda.hpp"
#include "vendor/vendor_nvml.hpp"
#include "vendor/vendor_names.hpp"

namespace torchcompat {

namespace key = driver_key;

namespace {

void announce(PayloadWriter& out, const std::string& call) { out.add(key::calling, call); }

std::string returned(const char* call, int code) {
  return std::string(call) + " returned " + describe_nvml_return(code);
}

// One GPU through NVML; false (and an nvml_gpu_error) when a query failed.
bool probe_nvml_gpu(const NvmlApi& nvml, unsigned int index, PayloadWriter& out) {
  const std::string of_device = " (device " + std::to_string(index) + ")";
  const auto fail = [&](const char* call, int code) {
    out.add(key::nvml_gpu_error, std::to_string(index) + "|" + call + "|" + std::to_string(code));
    return false;
  };
  NvmlDevice device = nullptr;
  announce(out, "nvmlDeviceGetHandleByIndex_v2" + of_device);
  if (int rc = nvml.nvmlDeviceGetHandleByIndex_v2(index, &device)) return fail("nvmlDeviceGetHandleByIndex_v2", rc);
  char name[nvml_name_buffer_size + 1] = {};
  announce(out, "nvmlDeviceGetName" + of_device);
  if (int rc = nvml.nvmlDeviceGetName(device, name, nvml_name_buffer_size)) return fail("nvmlDeviceGetName", rc);
  int major = 0;
  int minor = 0;
  announce(out, "nvmlDeviceGetCudaComputeCapability" + of_device);
  if (int rc = nvml.nvmlDeviceGetCudaComputeCapability(device, &major, &minor)) {
    return fail("nvmlDeviceGetCudaComputeCapability", rc);
  }
  NvmlMemory memory{};
  announce(out, "nvmlDeviceGetMemoryInfo" + of_device);
  if (int rc = nvml.nvmlDeviceGetMemoryInfo(device, &memory)) return fail("nvmlDeviceGetMemoryInfo", rc);
  char uuid[nvml_uuid_buffer_size + 1] = {};
  announce(out, "nvmlDeviceGetUUID" + of_device);
  if (int rc = nvml.nvmlDeviceGetUUID(device, uuid, nvml_uuid_buffer_size)) return fail("nvmlDeviceGetUUID", rc);
  unsigned int mig_current = 0;
  unsigned int mig_pending = 0;
  bool mig = false;
  if (nvml.nvmlDeviceGetMigMode != nullptr) {
    announce(out, "nvmlDeviceGetMigMode" + of_device);
    // Not supported (a GPU without MIG) means not in MIG mode.
    mig = nvml.nvmlDeviceGetMigMode(device, &mig_current, &mig_pending) == nvml_success &&
          mig_current == nvml_mig_enabled;
  }
  std::ostringstream line;
  line << index << '|' << major << '|' << minor << '|' << memory.total << '|' << (mig ? 1 : 0) << '|'
       << uuid << '|' << name;
  out.add(key::nvml_gpu, line.str());
  return true;
}

void probe_nvml_gpus(const LoadedNvml& nvml, PayloadWriter& out) {
  if (!nvml.missing_device_symbol.empty()) {
    out.add(key::nvml_gpus_error, nvml.path + " lacks " + nvml.missing_device_symbol);
    return;
  }
  unsigned int count = 0;
  announce(out, "nvmlDeviceGetCount_v2");
  if (int rc = nvml.api.nvmlDeviceGetCount_v2(&count)) {
    out.add(key::nvml_gpus_error, returned("nvmlDeviceGetCount_v2", rc));
    return;
  }
  if (count > max_gpus) {
    out.add(key::nvml_gpus_error, "nvmlDeviceGetCount_v2 reported " + std::to_string(count) +
                                      " GPUs, more than the " + std::to_string(max_gpus) + " any machine has");
    return;
  }
  out.add(key::nvml_gpu_count, count);
  for (unsigned int index = 0; index < count; ++index) {
    // One failed device makes the list incomplete; the driver API is asked then.
    if (!probe_nvml_gpu(nvml.api, index, out)) return;
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

void probe_cuda_gpus(const CudaDriverApi& cuda, PayloadWriter& out) {
  int count = 0;
  announce(out, "cuDeviceGetCount");
  if (int rc = cuda.cuDeviceGetCount(&count)) {
    out.add(key::gpu_count_error, rc);
    return;
  }
  out.add(key::gpu_count, count);
  const int limit = count < 0 ? 0 : count > static_cast<int>(max_gpus) ? static_cast<int>(max_gpus) : count;
  for (int ordinal = 0; ordinal < limit; ++ordinal) probe_one_gpu(cuda, ordinal, out);
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

}  // namespace

void probe_nvml_here(const Emit& emit) {
  PayloadWriter out(emit);
  std::string error;
  announce(out, std::string("loading ") + nvml_file);
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
    out.add(key::nvml_error, returned("nvmlInit_v2", rc));
    return;
  }
  char release[nvml_release_buffer_size + 1] = {};
  announce(out, "nvmlSystemGetDriverVersion");
  if (int rc = nvml.api.nvmlSystemGetDriverVersion(release, nvml_release_buffer_size)) {
    out.add(key::nvml_release_error, returned("nvmlSystemGetDriverVersion", rc));
  } else {
    out.add(key::nvml_release, release);
  }
  if (nvml.api.nvmlSystemGetCudaDriverVersion != nullptr) {
    int version = 0;
    announce(out, "nvmlSystemGetCudaDriverVersion");
    if (nvml.api.nvmlSystemGetCudaDriverVersion(&version) == nvml_success) out.add(key::nvml_cuda_version, version);
  }
  probe_nvml_gpus(nvml, out);
  announce(out, "nvmlShutdown");
  nvml.api.nvmlShutdown();
}

void probe_cuda_here(const Emit& emit, bool initialize) {
  PayloadWriter out(emit);
  std::string error;
  announce(out, std::string("loading ") + cuda_driver_file);
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
  // cuDriverGetVersion needs no cuInit: the CUDA version costs no GPU wake-up.
  int version = 0;
  announce(out, "cuDriverGetVersion");
  if (int rc = cuda.api.cuDriverGetVersion(&version)) {
    out.add(key::driver_version_error, rc);
  } else {
    out.add(key::driver_version, version);
  }
  if (!initialize) return;
  announce(out, "cuInit");
  const int init = cuda.api.cuInit(0);
  out.add(key::cu_init, init);
  if (init == cuda_success) probe_cuda_gpus(cuda.api, out);
}

namespace {

const char* const initialize_argument = "initialize";

void nvml_work(const Emit& emit, const std::vector<std::string>&) { probe_nvml_here(emit); }

void cuda_driver_work(const Emit& emit, const std::vector<std::string>& arguments) {
  probe_cuda_here(emit, arguments.size() == 1 && arguments.front() == initialize_argument);
}

}  // namespace

ChildTask nvml_task() { return {"nvml", {}, nvml_work}; }

ChildTask cuda_driver_task(bool initialize) {
  return {"cuda", initialize ? std::vector<std::string>{initialize_argument} : std::vector<std::string>{},
          cuda_driver_work};
}

}  // namespace torchcompat
