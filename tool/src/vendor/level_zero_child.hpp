// Level Zero asked in an isolated child, as the NVIDIA libraries are: zeInit
// can crash or hang in a broken driver, and that must cost only its answer.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "isolation/isolate.hpp"
#include "primitives/report.hpp"

namespace torchcompat {

struct LevelZeroDevice {
  unsigned vendor_id = 0;
  unsigned device_id = 0;
};

struct LevelZeroAnswer {
  // found: the loader listed its GPUs (maybe none); not_found: no loader;
  // error: a call failed (reason has its ze_result_t); crashed, timed_out.
  Status status = Status::not_found;
  std::string reason;
  std::string library;                  // the loader actually opened
  std::vector<LevelZeroDevice> gpus;    // whole GPUs (not sub-devices), in Level Zero's order
};

// The task the child runs, registered in app/child_tasks.cpp.
ChildTask level_zero_task();

// Runs the task in a child and reads its answer.
LevelZeroAnswer ask_level_zero(std::chrono::milliseconds timeout);

// The parent's reading of what the child sent (also after a crash or timeout).
LevelZeroAnswer read_level_zero_outcome(const IsolatedOutcome& outcome);

}  // namespace torchcompat
