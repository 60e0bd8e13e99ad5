// The order of the questions (docs/vendor-detection.md): NVML in one child
// (release, CUDA version, GPUs: no CUDA context, no GPU woken), then libcuda in
// another (its path and cuDriverGetVersion, which needs no cuInit), and cuInit
// there only when NVML could not list the GPUs a CUDA program would see.
#include "detect_driver.hpp"

#include "isolation/child_payload.hpp"
#include "vendor/driver_child.hpp"
#include "vendor/driver_keys.hpp"

namespace torchcompat {

namespace {

// A child killed in the middle of a line sent half of it; only whole lines count.
std::string whole_lines(const std::string& payload) {
  const auto last = payload.rfind('\n');
  return last == std::string::npos ? std::string() : payload.substr(0, last + 1);
}

// An NVML child that crashed or hung: what it sent stands, and the rest of
// the protocol reads as "NVML unusable, because ...".
std::string settle_nvml_outcome(const IsolatedOutcome& outcome) {
  if (outcome.status == Status::found) return outcome.payload;
  const PayloadEntries entries = parse_payload(outcome.payload);
  const std::string* call = last_entry(entries, driver_key::calling);
  const std::string what = "NVML " + outcome.reason + (call != nullptr ? " in " + *call : std::string());
  return whole_lines(outcome.payload) + PayloadWriter().add(driver_key::nvml_error, what).text();
}

}  // namespace

DriverAndGpus detect_driver_and_gpus(const Options& options, const FileSystem& fs) {
  const IsolatedOutcome nvml = run_isolated_task(nvml_task(), options.detector_timeout);
  const std::string nvml_payload = settle_nvml_outcome(nvml);
  std::string why_cu_init;
  const bool initialize = !nvml_lists_gpus(nvml_payload, fs, why_cu_init);

  IsolatedOutcome cuda = run_isolated_task(cuda_driver_task(initialize), options.detector_timeout);
  // The libcuda child's lines follow NVML's, after a line naming it, so a
  // child that died before it said anything is not mistaken for NVML.
  cuda.payload = nvml_payload + PayloadWriter().add(driver_key::calling, "starting libcuda's child").text() +
                 cuda.payload;
  DriverAndGpus found = cuda.status == Status::found ? decode_driver_payload(cuda.payload, fs)
                                                     : decode_interrupted_driver_run(cuda, fs);
  if (nvml.status != Status::found) {
    const PayloadEntries entries = parse_payload(nvml_payload);
    const std::string& what = *last_entry(entries, driver_key::nvml_error);
    std::string& reason = found.driver.reason;
    if (reason.find(what) == std::string::npos) reason += (reason.empty() ? "" : "; ") + what;
  }
  return found;
}

}  // namespace torchcompat
