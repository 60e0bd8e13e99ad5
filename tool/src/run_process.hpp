// Runs another program (nvcc, a Python interpreter) and collects its output,
// killing it when it outlives a timeout: the probe must never hang on a tool.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "report.hpp"

namespace torchcompat {

struct ProcessResult {
  Status status = Status::error;  // found: ran and exited 0; crashed; timed_out; error
  std::string out;                // stdout, capped
  std::string err;                // stderr, capped
  int exit_code = -1;
  std::string reason;  // when not found: "exited with code 1", "crashed (signal 11)",
                       // "timed out after 5 s", "could not start: No such file or directory"
};

// argv[0] is the program's path (not searched on PATH). The environment is the probe's own.
ProcessResult run_process(const std::vector<std::string>& argv, std::chrono::milliseconds timeout);

// "5 s", "0.5 s": how a timeout reads in a reason.
std::string describe_timeout(std::chrono::milliseconds timeout);

}  // namespace torchcompat
