// Runs another program (nvcc, a Python interpreter) and collects its output,
// killing it when it outlives a timeout: the probe must never hang on a tool.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "primitives/report.hpp"

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

// The same in two steps, so a slow program (a Python interpreter) can run while
// the probe does other work. The timeout counts from start_process.
struct RunningProcess {
  int pid = -1;
  int out_fd = -1;
  int err_fd = -1;
  std::chrono::steady_clock::time_point deadline;
  std::chrono::milliseconds timeout{0};
  ProcessResult early;  // the answer when the program could not even start
#if defined(_WIN32)
  // Windows: the program's process and job, and the read ends of its pipes
  // (HANDLEs; pid and the fds stay -1).
  void* process_handle = nullptr;
  void* job_handle = nullptr;
  void* out_handle = nullptr;
  void* err_handle = nullptr;
#endif

  RunningProcess() = default;
  RunningProcess(RunningProcess&& other) noexcept;
  RunningProcess& operator=(RunningProcess&& other) noexcept;
  ~RunningProcess();

 private:
  // Kills and reaps a program nobody waited for: no zombie, no runaway child.
  void abandon() noexcept;
};
RunningProcess start_process(const std::vector<std::string>& argv, std::chrono::milliseconds timeout);
ProcessResult wait_process(RunningProcess& process);

// "5 s", "0.5 s": how a timeout reads in a reason.
std::string describe_timeout(std::chrono::milliseconds timeout);

}  // namespace torchcompat
