#include "win_process.hpp"

#if defined(_WIN32)

#include <cstdio>

namespace torchcompat {

namespace {

// What a child killed at the timeout exits with; only the parent sees it.
constexpr UINT killed_exit_code = 0xDEAD;

// NTSTATUS values with the error severity (0xC...) are exceptions.
constexpr DWORD exception_severity = 0xC0000000u;

// No crash dialog waits for a person, and the job's end is the children's end.
Handle make_job() {
  Handle job(CreateJobObjectW(nullptr, nullptr));
  if (!job) return job;
  JOBOBJECT_EXTENDED_LIMIT_INFORMATION limits{};
  limits.BasicLimitInformation.LimitFlags =
      JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE | JOB_OBJECT_LIMIT_DIE_ON_UNHANDLED_EXCEPTION;
  SetInformationJobObject(job.get(), JobObjectExtendedLimitInformation, &limits, sizeof limits);
  return job;
}

}  // namespace

std::string last_error_text(const char* what) {
  return std::string(what) + " failed with error " + std::to_string(GetLastError());
}

std::string make_child_pipe(Handle& read_end, Handle& write_end) {
  SECURITY_ATTRIBUTES inherit{sizeof(SECURITY_ATTRIBUTES), nullptr, TRUE};
  HANDLE read_handle = nullptr;
  HANDLE write_handle = nullptr;
  if (!CreatePipe(&read_handle, &write_handle, &inherit, 0)) return last_error_text("CreatePipe");
  read_end.reset(read_handle);
  write_end.reset(write_handle);
  // Only the child's end is inherited.
  SetHandleInformation(read_handle, HANDLE_FLAG_INHERIT, 0);
  return {};
}

Handle inheritable_null(bool write) {
  SECURITY_ATTRIBUTES inherit{sizeof(SECURITY_ATTRIBUTES), nullptr, TRUE};
  return Handle(CreateFileW(L"NUL", write ? GENERIC_WRITE : GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE,
                            &inherit, OPEN_EXISTING, 0, nullptr));
}

std::string start_in_job(const std::wstring& program, std::wstring command_line, HANDLE input, HANDLE output,
                         HANDLE error, StartedProcess& started) {
  STARTUPINFOW startup{};
  startup.cb = sizeof startup;
  startup.dwFlags = STARTF_USESTDHANDLES;
  startup.hStdInput = input;
  startup.hStdOutput = output;
  startup.hStdError = error;
  PROCESS_INFORMATION info{};
  // Suspended until it is in its job, so nothing it starts escapes the job.
  if (!CreateProcessW(program.c_str(), command_line.data(), nullptr, nullptr, TRUE,
                      CREATE_SUSPENDED | CREATE_NO_WINDOW, nullptr, nullptr, &startup, &info)) {
    return last_error_text("CreateProcessW");
  }
  started.process.reset(info.hProcess);
  Handle thread(info.hThread);
  started.job = make_job();
  // A probe already inside a job that forbids nesting (before Windows 8)
  // cannot give the child its own: then the timeout kills the child alone.
  if (started.job && !AssignProcessToJobObject(started.job.get(), info.hProcess)) started.job.reset();
  ResumeThread(info.hThread);
  return {};
}

void kill_started(StartedProcess& started) {
  if (!started.process) return;
  if (!started.job || !TerminateJobObject(started.job.get(), killed_exit_code)) {
    TerminateProcess(started.process.get(), killed_exit_code);
  }
  WaitForSingleObject(started.process.get(), INFINITE);
}

DWORD milliseconds_until(std::chrono::steady_clock::time_point deadline) {
  const auto left =
      std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count();
  return left <= 0 ? 0 : static_cast<DWORD>(left);
}

bool pipe_has_data(HANDLE pipe, DWORD& available) {
  available = 0;
  return PeekNamedPipe(pipe, nullptr, 0, nullptr, &available, nullptr) != 0;
}

bool is_exception_code(DWORD code) { return (code & exception_severity) == exception_severity; }

std::string describe_exception(DWORD code) {
  char hex[16];
  std::snprintf(hex, sizeof hex, "0x%08lX", static_cast<unsigned long>(code));
  return std::string("crashed (exception ") + hex + ")";
}

}  // namespace torchcompat

#endif
