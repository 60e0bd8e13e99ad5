#include "cli.hpp"

#include <cmath>
#include <cstdlib>

#ifndef TORCHCOMPAT_PROBE_VERSION
#define TORCHCOMPAT_PROBE_VERSION "0.0.0"
#endif

namespace torchcompat {

namespace {

// Long enough for any sane detector on a loaded machine, short enough that a
// typo ("--timeout 5000" meant as ms) is caught rather than hanging a configure for hours.
constexpr double max_timeout_seconds = 600;

std::chrono::milliseconds parse_timeout(const std::string& text) {
  char* end = nullptr;
  double seconds = std::strtod(text.c_str(), &end);
  if (text.empty() || end != text.c_str() + text.size() || !std::isfinite(seconds) || seconds <= 0 ||
      seconds > max_timeout_seconds)
    throw UsageError("--timeout expects a number of seconds greater than 0 and at most 600, got \"" +
                     text + "\"");
  auto ms = static_cast<long long>(std::llround(seconds * 1000));
  return std::chrono::milliseconds(ms < 1 ? 1 : ms);
}

Format parse_format(const std::string& text) {
  if (text == "text") return Format::text;
  if (text == "json") return Format::json;
  throw UsageError("--format expects text or json, got \"" + text + "\"");
}

// "--name=value" and "--name value" both work, as in most GNU tools.
struct Argument {
  std::string name;
  std::optional<std::string> inline_value;
};

Argument split_argument(const std::string& arg) {
  std::size_t equals = arg.find('=');
  if (arg.rfind("--", 0) == 0 && equals != std::string::npos)
    return {arg.substr(0, equals), arg.substr(equals + 1)};
  return {arg, std::nullopt};
}

}  // namespace

const char* probe_version() { return TORCHCOMPAT_PROBE_VERSION; }

std::string usage_text() {
  return "Usage: torchcompat-probe [--format text|json] [--cuda-root DIR]\n"
         "                         [--python EXE | --no-python] [--timeout SECONDS]\n"
         "                         [--no-cache]\n"
         "                         [--help] [--version]\n"
         "\n"
         "Reports the CUDA toolkits, NVIDIA driver, GPUs, cuDNN and Python's torch\n"
         "packages on this machine.\n"
         "\n"
         "  --format text|json  human report (default) or one JSON object\n"
         "  --cuda-root DIR     use the toolkit in DIR instead of searching\n"
         "  --python EXE        interpreter to ask about torch (default: python3 on PATH)\n"
         "  --no-python         skip the Python check\n"
         "  --timeout SECONDS   limit for each isolated detector (default: 5)\n"
         "  --no-cache          ask everything afresh; neither read nor write the cache\n"
         "  --help              show this text\n"
         "  --version           show the probe's version\n"
         "\n"
         "Environment: TORCHCOMPAT_OVERRIDE_DRIVER, TORCHCOMPAT_OVERRIDE_CUDA,\n"
         "TORCHCOMPAT_OVERRIDE_GPU_ARCHS, TORCHCOMPAT_OVERRIDE_CUDNN and\n"
         "TORCHCOMPAT_OVERRIDE_TOOLKIT replace what is detected (the target machine).\n"
         "\n"
         "Exit status: 0 when the probe ran (whatever it found), 2 for a usage error.\n";
}

CommandLine parse_command_line(const std::vector<std::string>& args) {
  CommandLine result;
  bool python_given = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    Argument arg = split_argument(args[i]);
    auto value = [&]() -> std::string {
      if (arg.inline_value) return *arg.inline_value;
      if (i + 1 >= args.size()) throw UsageError(arg.name + " needs a value");
      return args[++i];
    };
    auto no_value = [&]() {
      if (arg.inline_value) throw UsageError(arg.name + " takes no value");
    };
    if (arg.name == "--help" || arg.name == "-h") {
      no_value();
      result.action = CliAction::help;
    } else if (arg.name == "--version") {
      no_value();
      result.action = CliAction::version;
    } else if (arg.name == "--format") {
      result.options.format = parse_format(value());
    } else if (arg.name == "--cuda-root") {
      std::string root = value();
      if (root.empty()) throw UsageError("--cuda-root needs a directory");
      result.options.cuda_root = root;
    } else if (arg.name == "--python") {
      std::string python = value();
      if (python.empty()) throw UsageError("--python needs an interpreter");
      result.options.python = python;
      python_given = true;
    } else if (arg.name == "--no-python") {
      no_value();
      result.options.skip_python = true;
    } else if (arg.name == "--no-cache") {
      no_value();
      result.options.use_cache = false;
    } else if (arg.name == "--timeout") {
      result.options.detector_timeout = parse_timeout(value());
    } else {
      throw UsageError("unknown argument \"" + args[i] + "\"");
    }
  }
  if (python_given && result.options.skip_python)
    throw UsageError("--python and --no-python contradict each other");
  return result;
}

}  // namespace torchcompat
