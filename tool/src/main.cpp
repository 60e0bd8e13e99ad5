// torchcompat-probe: reports what is installed on this machine for PyTorch's
// sake. Exit 0 whenever it ran, whatever it found; 2 for a usage error.
#include <cstdio>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "cli.hpp"
#include "detect_cudnn.hpp"
#include "detect_driver.hpp"
#include "detect_python.hpp"
#include "detect_toolkit.hpp"
#include "file_system.hpp"
#include "overrides.hpp"
#include "render_json.hpp"
#include "render_text.hpp"

namespace {

using namespace torchcompat;

constexpr int exit_usage = 2;

Report detect_everything(const Options& options, const FileSystem& fs, const Overrides& overrides) {
  Report report;
  // Python starts first and answers while the other detectors run.
  std::optional<PendingPython> python;
  if (!options.skip_python) python.emplace(start_python_detection(options, fs));

  report.toolkits = detect_toolkits(options, fs);
  if (!overrides.replaces_driver_and_gpus()) {
    DriverAndGpus found = detect_driver_and_gpus(options, fs);
    report.driver = std::move(found.driver);
    report.gpus = std::move(found.gpus);
  }
  if (!overrides.cudnn) report.cudnn = detect_cudnn(options, fs, report.toolkits);
  if (python) {
    report.python = finish_python_detection(*python, fs);
  } else {
    report.python.status = Status::not_found;
    report.python.reason = "not checked (--no-python)";
  }
  apply_overrides(overrides, report);
  return report;
}

int usage_error(const std::string& message, bool show_usage) {
  std::cerr << "torchcompat-probe: " << message << '\n';
  if (show_usage) std::cerr << '\n' << usage_text();
  return exit_usage;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  CommandLine command;
  Overrides overrides;
  try {
    command = parse_command_line(args);
    if (command.action == CliAction::help) {
      std::cout << usage_text();
      return 0;
    }
    if (command.action == CliAction::version) {
      std::cout << "torchcompat-probe " << probe_version() << '\n';
      return 0;
    }
    overrides = read_overrides(host_file_system());
  } catch (const UsageError& error) {
    return usage_error(error.what(), true);
  } catch (const OverrideError& error) {
    return usage_error(error.what(), false);
  }

  Report report = detect_everything(command.options, host_file_system(), overrides);
  std::string output = command.options.format == Format::json ? render_json(report, probe_version())
                                                               : render_text(report, probe_version());
  std::fwrite(output.data(), 1, output.size(), stdout);
  return std::fflush(stdout) == 0 ? 0 : 1;
}
