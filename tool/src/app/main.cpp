// torchcompat-probe: reports what is installed on this machine for PyTorch's
// sake. Exit 0 whenever it ran, whatever it found; 2 for a usage error.
#include <cstdio>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "app/child_tasks.hpp"
#include "app/cli.hpp"
#include "app/detect_all.hpp"
#include "primitives/file_system.hpp"
#include "detectors/overrides.hpp"
#include "rendering/render_json.hpp"
#include "rendering/render_text.hpp"

namespace {

using namespace torchcompat;

constexpr int exit_usage = 2;

int usage_error(const std::string& message, bool show_usage) {
  std::cerr << "torchcompat-probe: " << message << '\n';
  if (show_usage) std::cerr << '\n' << usage_text();
  return exit_usage;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
#if defined(_WIN32)
  // The probe started again as an isolated detector's child (isolate_windows.cpp).
  if (!args.empty() && args.front() == isolated_child_flag) {
    return run_as_isolated_child(std::vector<std::string>(args.begin() + 1, args.end()), find_child_work);
  }
#endif
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
