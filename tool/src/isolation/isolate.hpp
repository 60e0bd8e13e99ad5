// Runs a piece of work where a crash or a hang can't take the probe with it.
#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <vector>

#include "primitives/report.hpp"

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

// The work of one task: sends its findings through `emit` as it goes.
using ChildWork = void (*)(const Emit& emit, const std::vector<std::string>& arguments);

// A piece of work, named so that a child which is a fresh process can find it
// again: Windows has no fork, so there the child is the probe itself, started
// again with the task's name on its command line, and the program's registry
// of tasks (app/child_tasks.hpp) maps the name back to the work.
struct ChildTask {
  std::string name;                    // one the registry knows
  std::vector<std::string> arguments;  // what the work needs from the parent
  ChildWork work = nullptr;            // what the child runs
};

// The registry's lookup: the task's work, or nullptr for a name no task has.
using FindChildWork = ChildWork (*)(const std::string& name);

// Runs the task in a child and returns what it sent. POSIX: a forked child
// (run_isolated_streaming). Windows: the probe started again in child mode,
// its answer on a pipe, the whole process tree in a job object that is
// terminated when the timeout passes.
IsolatedOutcome run_isolated_task(const ChildTask& task, std::chrono::milliseconds timeout);

#if defined(_WIN32)

// The first argument that makes the probe a child (Windows only; never typed
// by people, so not in --help).
constexpr const char* isolated_child_flag = "--isolated-child";

// The child's side: `arguments` are what followed the flag; `find_work` is the
// program's registry of tasks. Returns the process's exit code: 0 when the
// work returned, 3 when it threw (its message ends the payload), 2 for a
// malformed request.
int run_as_isolated_child(const std::vector<std::string>& arguments, FindChildWork find_work);

#else

// POSIX: the work runs in a forked child that writes its result to a pipe; a
// child that outlives the timeout is killed.
IsolatedOutcome run_isolated(const std::function<std::string()>& work,
                             std::chrono::milliseconds timeout);

// As run_isolated, but the work sends its result in pieces as it goes.
IsolatedOutcome run_isolated_streaming(const std::function<void(const Emit& emit)>& work,
                                       std::chrono::milliseconds timeout);

#endif

}  // namespace torchcompat
