// Runs a piece of work where a crash or a hang can't take the probe with it.
#pragma once

#include <chrono>
#include <functional>
#include <string>

#include "report.hpp"

namespace torchcompat {

struct IsolatedOutcome {
  Status status = Status::error;  // found: the work returned and the child exited 0
  std::string payload;            // what the work returned
  std::string reason;  // when not found: "crashed (signal 11)", "timed out after 5 s", "exited with code 3"
};

// POSIX: the work runs in a forked child that writes its result to a pipe; a
// child that outlives the timeout is killed. Elsewhere: runs in-process.
IsolatedOutcome run_isolated(const std::function<std::string()>& work,
                             std::chrono::milliseconds timeout);

}  // namespace torchcompat
