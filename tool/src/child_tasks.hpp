// The work the probe hands to isolated children, by name. A forked child
// (POSIX) calls it directly; on Windows the child is the probe started again
// as `torchcompat-probe --isolated-child <pipe> <task> <arguments...>`, and
// this table is how it finds its work.
#pragma once

#include <string>
#include <vector>

#include "isolate.hpp"

namespace torchcompat {

// The work of one task: sends its findings through `emit` as it goes.
using ChildWork = void (*)(const Emit& emit, const std::vector<std::string>& arguments);

// The task's work, or nullptr for a name no task has.
ChildWork find_child_work(const std::string& name);

// The tasks the detectors run.
ChildTask nvml_task();                                           // NVML: release, CUDA version, GPUs
ChildTask cuda_driver_task(bool initialize);                     // libcuda; cuInit only with `initialize`
ChildTask cudnn_task(const std::vector<std::string>& candidates);  // the first cuDNN library that loads

#if defined(_WIN32)

// The first argument that makes the probe a child (Windows only; never typed
// by people, so not in --help).
constexpr const char* isolated_child_flag = "--isolated-child";

// The child's side: `arguments` are what followed the flag. Returns the
// process's exit code: 0 when the work returned, 3 when it threw (its message
// ends the payload), 2 for a malformed request.
int run_as_isolated_child(const std::vector<std::string>& arguments);

#endif

}  // namespace torchcompat
