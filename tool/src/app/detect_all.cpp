#include "detect_all.hpp"

#include <ctime>
#include <optional>

#include "app/cache_keys.hpp"
#include "detectors/detect_amd.hpp"
#include "detectors/detect_cudnn.hpp"
#include "detectors/detect_driver.hpp"
#include "detectors/detect_glibc.hpp"
#include "detectors/detect_intel.hpp"
#include "detectors/detect_python.hpp"
#include "detectors/detect_toolkit.hpp"
#include "app/probe_cache.hpp"
#include "rendering/report_codec.hpp"

#ifndef _WIN32
#include <unistd.h>
#else
#include <windows.h>
#endif

namespace torchcompat {

namespace {

std::string host_name() {
#ifndef _WIN32
  char buffer[256] = {};
  if (::gethostname(buffer, sizeof buffer - 1) == 0) return buffer;
#else
  char buffer[MAX_COMPUTERNAME_LENGTH + 1] = {};
  DWORD size = sizeof buffer;
  if (GetComputerNameA(buffer, &size)) return std::string(buffer, size);
#endif
  return {};
}

std::string utc_now() {
  const std::time_t now = std::time(nullptr);
  std::tm parts{};
#ifndef _WIN32
  gmtime_r(&now, &parts);
#else
  gmtime_s(&parts, &now);
#endif
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &parts);
  return buffer;
}

bool interrupted(Status status) { return status == Status::crashed || status == Status::timed_out; }

bool mentions_interruption(const std::string& reason) {
  return reason.find("timed out") != std::string::npos || reason.find("crashed") != std::string::npos;
}

// A crash or a timeout may not happen again: such an answer is not kept.
bool machine_answer_is_lasting(const Report& report) {
  if (interrupted(report.driver.status) || interrupted(report.gpus.status) || interrupted(report.cudnn.status)) {
    return false;
  }
  if (mentions_interruption(report.driver.reason) || mentions_interruption(report.gpus.reason) ||
      mentions_interruption(report.intel.reason)) {
    return false;
  }
  for (const auto& toolkit : report.toolkits.toolkits) {
    if (mentions_interruption(toolkit.reason)) return false;
  }
  return true;
}

void detect_machine(const Options& options, const FileSystem& fs, const Overrides& overrides, Report& report) {
  report.run.host = host_name();
  report.run.time = utc_now();
  report.toolkits = detect_toolkits(options, fs);
  if (!overrides.replaces_driver_and_gpus()) {
    DriverAndGpus found = detect_driver_and_gpus(options, fs);
    report.driver = std::move(found.driver);
    report.gpus = std::move(found.gpus);
  }
  if (!overrides.cudnn) report.cudnn = detect_cudnn(options, fs, report.toolkits);
  if (!overrides.amd_gfx) report.amd = detect_amd_gpus(fs);
  if (!overrides.intel_gpus) {
    report.intel = detect_intel_gpus(fs);
    ask_level_zero_about(options, fs, report.intel);
  }
}

}  // namespace

Report detect_everything(const Options& options, const FileSystem& fs, const Overrides& overrides) {
  Report report;
  std::string why_no_cache;
  std::optional<ProbeCache> cache;
  if (options.use_cache) cache = ProbeCache::open(why_no_cache);
  const char* const no_cache = options.use_cache ? "unavailable" : "off";

  // Python starts first and answers while the other detectors run.
  std::optional<PendingPython> python;
  std::string python_key;
  report.run.python_cache = options.skip_python ? "skipped" : no_cache;
  if (!options.skip_python) {
    if (cache) {
      python_key = python_cache_key(options, fs);
      const auto body = cache->load("python", python_key);
      report.run.python_cache = body && decode_python(*body, report.python) ? "hit" : "miss";
    }
    if (report.run.python_cache != "hit") python.emplace(start_python_detection(options, fs));
  }

  report.run.machine_cache = no_cache;
  std::string machine_key;
  if (cache) {
    machine_key = machine_cache_key(options, fs);
    const auto body = cache->load("machine", machine_key);
    report.run.machine_cache = body && decode_machine(*body, report) ? "hit" : "miss";
  }
  if (report.run.machine_cache != "hit") {
    detect_machine(options, fs, overrides, report);
    if (cache && machine_answer_is_lasting(report)) {
      cache->store("machine", machine_key, machine_dependencies(report), encode_machine(report));
    }
  }

  if (python) {
    report.python = finish_python_detection(*python, fs);
    if (cache && report.python.status == Status::found) {
      cache->store("python", python_key, python_dependencies(report.python, fs), encode_python(report.python));
    }
  } else if (options.skip_python) {
    report.python.status = Status::not_found;
    report.python.reason = "not checked (--no-python)";
  }
  // Asked on every run (one call), so an upgrade in place is never answered from the cache.
  report.glibc = detect_glibc();
  apply_overrides(overrides, report);
  return report;
}

}  // namespace torchcompat
