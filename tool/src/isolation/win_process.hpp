// Child processes on Windows, shared by the isolated detectors
// (isolate_windows.cpp) and the programs the probe runs (run_process.cpp):
// each child runs in a job object, so a timeout terminates everything it
// started, and closing the job kills whatever is left if the probe dies.
#pragma once

#if defined(_WIN32)

#include <windows.h>

#include <chrono>
#include <string>

namespace torchcompat {

// An owned kernel handle.
class Handle {
 public:
  Handle() = default;
  explicit Handle(HANDLE handle) : handle_(handle == INVALID_HANDLE_VALUE ? nullptr : handle) {}
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;
  Handle(Handle&& other) noexcept : handle_(other.release()) {}
  Handle& operator=(Handle&& other) noexcept {
    if (this != &other) reset(other.release());
    return *this;
  }
  ~Handle() { reset(); }
  HANDLE get() const { return handle_; }
  explicit operator bool() const { return handle_ != nullptr; }
  HANDLE release() {
    HANDLE handle = handle_;
    handle_ = nullptr;
    return handle;
  }
  void reset(HANDLE handle = nullptr) {
    if (handle_ != nullptr) CloseHandle(handle_);
    handle_ = handle == INVALID_HANDLE_VALUE ? nullptr : handle;
  }

 private:
  HANDLE handle_ = nullptr;
};

// "CreatePipe failed with error 5".
std::string last_error_text(const char* what);

// An anonymous pipe whose write end a child inherits; the read end stays here.
// An empty reason means it was made.
std::string make_child_pipe(Handle& read_end, Handle& write_end);

// NUL opened for the child's stdin (or, with `write`, for output), inheritable.
Handle inheritable_null(bool write);

struct StartedProcess {
  Handle process;
  Handle job;  // empty when the process could not be put in one (then only it is killed)
};

// Starts `program` with `command_line` (program first, quoted), its standard
// handles the given inheritable ones, suspended until it is in its job. An
// empty reason means it runs.
std::string start_in_job(const std::wstring& program, std::wstring command_line, HANDLE input, HANDLE output,
                         HANDLE error, StartedProcess& started);

// Terminates the job (or the process alone) and waits for the process.
void kill_started(StartedProcess& started);

// Milliseconds until `deadline`, 0 when it has passed.
DWORD milliseconds_until(std::chrono::steady_clock::time_point deadline);

// Bytes waiting in a pipe; false when every write end is closed (the writer is done or dead).
bool pipe_has_data(HANDLE pipe, DWORD& available);

// An exit code that is an NTSTATUS of error severity (0xC0000005, an access
// violation) ended the process as an exception: "crashed (exception 0xC0000005)".
bool is_exception_code(DWORD code);
std::string describe_exception(DWORD code);

}  // namespace torchcompat

#endif
