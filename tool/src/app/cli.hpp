// The probe's command line: parsed into Options, or a usage error.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include "primitives/options.hpp"

namespace torchcompat {

// Bad command line: the probe prints the message and the usage, and exits 2.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

enum class CliAction { run, help, version };

struct CommandLine {
  CliAction action = CliAction::run;
  Options options;
};

// args excludes the program name. Throws UsageError.
CommandLine parse_command_line(const std::vector<std::string>& args);

std::string usage_text();
const char* probe_version();

}  // namespace torchcompat
