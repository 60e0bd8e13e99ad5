// Runs a piece of work where a crash or a hang can't take the probe with it.
#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <vector>

#include "report.hpp"

namespace torchcompat {

struct IsolatedOutcome {
  Status status = Status::error;  // found: the work returned and the child exited 0
  // What the work produced. After a crash or a timeout: what it had emitted
  // by then (run_isolated_streaming), so the caller can tell how far it got.
  std::string payload;
  std::string reason;  // when not found: "crashed (signal 11)", "timed out after 5 s", "exited with code 3: ..."
};

// Hands text to the parent at once, so it survives a crash that comes later.
using Emit = std::function<void(const std::string& text)>;

// A piece of work named so that a child which is a fresh process can find it
// again (child_tasks.hpp): Windows has no fork, so there the child is the probe
// itself, started again with the task on its command line.
struct ChildTask {
  std::string name;                    // one child_tasks.cpp knows
  std::vector<std::string> arguments;  // what the work needs from the parent
};

// Runs the task in a child and returns what it sent. POSIX: a forked child
// (run_isolated_streaming). Windows: the probe started again in child mode,
// its answer on a pipe, the whole process tree in a job object that is
// terminated when the timeout passes.
IsolatedOutcome run_isolated_task(const ChildTask& task, std::chrono::milliseconds timeout);

#if !defined(_WIN32)

// POSIX: the work runs in a forked child that writes its result to a pipe; a
// child that outlives the timeout is killed.
IsolatedOutcome run_isolated(const std::function<std::string()>& work,
                             std::chrono::milliseconds timeout);

// As run_isolated, but the work sends its result in pieces as it goes.
IsolatedOutcome run_isolated_streaming(const std::function<void(const Emit& emit)>& work,
                                       std::chrono::milliseconds timeout);

#endif

}  // namespace torchcompat
