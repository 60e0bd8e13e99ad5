// Runs a piece of work where a crash or a hang can't take the probe with it.
#pragma once

#include <chrono>
#include <functional>
#include <string>

#include "report.hpp"

namespace torchcompat {

struct IsolatedOutcome {
  Status status = Status::error;  // found: the work returned and the child exited 0
  // What the work produced. After a crash or a timeout: what it had emitted
  // by then (run_isolated_streaming), so the caller can tell how far it got.
  std::string payload;
  std::string reason;  // when not found: "crashed (signal 11)", "timed out after 5 s", "exited with code 3: ..."
};

// POSIX: the work runs in a forked child that writes its result to a pipe; a
// child that outlives the timeout is killed. Elsewhere: runs in-process.
IsolatedOutcome run_isolated(const std::function<std::string()>& work,
                             std::chrono::milliseconds timeout);

// Hands text to the parent at once, so it survives a crash that comes later.
using Emit = std::function<void(const std::string& text)>;

// As run_isolated, but the work sends its result in pieces as it goes.
IsolatedOutcome run_isolated_streaming(const std::function<void(const Emit& emit)>& work,
                                       std::chrono::milliseconds timeout);

}  // namespace torchcompat
