// The Windows form of isolation. Windows has no fork, so the child is the
// probe started again in child mode (app/child_tasks.hpp): it writes its findings
// to an inherited pipe while its own stdout and stderr go to another, which the
// probe passes on to its stderr up to 64 KiB, so a vendor DLL that prints can
// neither forge findings nor flood the probe's output. The child runs in a job object:
// at the timeout the whole job is terminated (a vendor DLL's helper processes
// too), and closing the job kills whatever is left if the probe itself dies.
#include "isolation/isolate.hpp"

#if defined(_WIN32)

#include <cstdint>
#include <cstdio>
#include <exception>

#include "isolation/run_process.hpp"
#include "isolation/win_process.hpp"
#include "primitives/win_text.hpp"

namespace torchcompat {

namespace {

using Clock = std::chrono::steady_clock;

// As on POSIX: the exit code of a child whose work threw; the message ends the payload.
constexpr DWORD work_threw_exit_code = 3;
constexpr int malformed_request_exit_code = 2;

// The most a child may send (as on POSIX).
constexpr std::size_t payload_cap = 16u << 20;

// As on POSIX: the most of a child's own output (vendor chatter) that reaches
// the probe's stderr; the rest is read, dropped and counted.
constexpr std::size_t diagnostics_cap = 64u << 10;

void write_all(HANDLE out, const std::string& data);

struct Child {
  StartedProcess started;
  Handle payload;  // the read end of the child's findings
  Handle output;   // the read end of the child's stdout and stderr
  std::size_t passed = 0;
  std::size_t dropped = 0;
};

// Passes on what the child printed, up to diagnostics_cap; false once every
// write end of its output is closed. `read` counts the bytes taken.
bool pass_output(Child& child, std::size_t& read) {
  read = 0;
  if (!child.output) return false;
  DWORD available = 0;
  if (!pipe_has_data(child.output.get(), available)) return false;
  char buffer[8192];
  while (available > 0) {
    DWORD got = 0;
    const DWORD want = available < sizeof buffer ? available : static_cast<DWORD>(sizeof buffer);
    if (!ReadFile(child.output.get(), buffer, want, &got, nullptr) || got == 0) return false;
    available -= got;
    read += got;
    const std::size_t room = diagnostics_cap - child.passed;
    const std::size_t pass = got < room ? got : room;
    HANDLE own = GetStdHandle(STD_ERROR_HANDLE);
    if (pass > 0 && own != nullptr && own != INVALID_HANDLE_VALUE) write_all(own, std::string(buffer, pass));
    child.passed += pass;
    child.dropped += got - pass;
  }
  return true;
}

// What is left of the child's output once it is gone, and the count of what was dropped.
void finish_output(Child& child) {
  std::size_t read = 0;
  for (int round = 0; round < 2048 && pass_output(child, read) && read > 0; ++round) {
  }
  child.output = Handle();
  HANDLE own = GetStdHandle(STD_ERROR_HANDLE);
  if (child.dropped > 0 && own != nullptr && own != INVALID_HANDLE_VALUE) {
    write_all(own, "\ntorchcompat-probe: " + std::to_string(child.dropped) +
                       " more bytes of a vendor library's output were dropped\n");
  }
}

// Starts `<this program> --isolated-child <pipe> <task> <arguments...>`;
// an empty reason means it runs.
std::string start_child(const ChildTask& task, Child& child) {
  Handle write_end;
  const std::string no_pipe = make_child_pipe(child.payload, write_end);
  if (!no_pipe.empty()) return no_pipe;
  std::vector<std::string> arguments = {isolated_child_flag,
                                        std::to_string(reinterpret_cast<std::uintptr_t>(write_end.get())),
                                        task.name};
  arguments.insert(arguments.end(), task.arguments.begin(), task.arguments.end());
  const std::wstring program = own_executable_path();
  if (program.empty()) return last_error_text("GetModuleFileNameW");
  Handle input = inheritable_null(false);
  // The child's stdout and stderr go to a pipe of their own, passed on capped: a vendor DLL that
  // prints can neither forge findings nor flood the probe's stderr.
  Handle output_write;
  const std::string no_output_pipe = make_child_pipe(child.output, output_write);
  if (!no_output_pipe.empty()) return no_output_pipe;
  return start_in_job(program, windows_command_line(program, arguments), input.get(), output_write.get(),
                      output_write.get(), child.started);
}

enum class ReadEnd { end_of_file, deadline, overflow };

// Anonymous pipes have no overlapped reads: the probe peeks, reads what is
// there, and otherwise waits on the process a moment (an exit wakes it at once).
ReadEnd read_until_eof(Child& child, Clock::time_point deadline, std::string& payload) {
  char buffer[8192];
  for (;;) {
    // A child that prints fills its pipe fast: while there was output, no wait below.
    std::size_t printed = 0;
    pass_output(child, printed);
    DWORD available = 0;
    if (!pipe_has_data(child.payload.get(), available)) {
      return ReadEnd::end_of_file;  // every write end is closed: the child is done or dead
    }
    if (available > 0) {
      DWORD got = 0;
      const DWORD want = available < sizeof buffer ? available : static_cast<DWORD>(sizeof buffer);
      if (!ReadFile(child.payload.get(), buffer, want, &got, nullptr) || got == 0) return ReadEnd::end_of_file;
      if (payload.size() + got > payload_cap) return ReadEnd::overflow;
      payload.append(buffer, got);
      continue;
    }
    const DWORD left = milliseconds_until(deadline);
    if (left == 0) return ReadEnd::deadline;
    if (printed > 0) continue;
    WaitForSingleObject(child.started.process.get(), left < 5 ? left : 5);
  }
}

IsolatedOutcome describe_exit(DWORD code, std::string payload) {
  IsolatedOutcome outcome;
  if (code == 0) {
    outcome.status = Status::found;
  } else if (is_exception_code(code)) {
    outcome.status = Status::crashed;
    outcome.reason = describe_exception(code);
  } else {
    outcome.status = Status::error;
    outcome.reason = "exited with code " + std::to_string(code);
    const auto last_newline = payload.rfind('\n');
    if (code == work_threw_exit_code && last_newline != std::string::npos) {
      outcome.reason += ": " + payload.substr(last_newline + 1);
      payload.erase(last_newline);
    }
  }
  outcome.payload = std::move(payload);
  return outcome;
}

// The message of a work that threw, as the payload's last line (as on POSIX).
std::string one_line(std::string text) {
  for (char& c : text) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  return "\n" + text;
}

void write_all(HANDLE out, const std::string& data) {
  std::size_t written = 0;
  while (written < data.size()) {
    DWORD n = 0;
    const std::size_t left = data.size() - written;
    const DWORD chunk = left > (1u << 20) ? (1u << 20) : static_cast<DWORD>(left);
    if (!WriteFile(out, data.data() + written, chunk, &n, nullptr) || n == 0) return;  // the parent left
    written += n;
  }
}

}  // namespace

IsolatedOutcome run_isolated_task(const ChildTask& task, std::chrono::milliseconds timeout) {
  if (task.work == nullptr) {
    return {Status::error, {}, "no child task named \"" + task.name + "\""};
  }
  const auto deadline = Clock::now() + timeout;
  Child child;
  const std::string not_started = start_child(task, child);
  if (!not_started.empty()) return {Status::error, {}, "cannot start a child: " + not_started};
  std::string payload;
  const ReadEnd end = read_until_eof(child, deadline, payload);
  if (end == ReadEnd::overflow) {
    kill_started(child.started);
    finish_output(child);
    return {Status::error, std::move(payload),
            "sent more than " + std::to_string(payload_cap >> 20) + " MiB, so it was stopped"};
  }
  if (end == ReadEnd::deadline ||
      WaitForSingleObject(child.started.process.get(), milliseconds_until(deadline)) != WAIT_OBJECT_0) {
    kill_started(child.started);
    finish_output(child);
    return {Status::timed_out, std::move(payload), "timed out after " + describe_timeout(timeout)};
  }
  finish_output(child);
  DWORD code = 0;
  if (!GetExitCodeProcess(child.started.process.get(), &code)) {
    return {Status::error, std::move(payload), last_error_text("GetExitCodeProcess")};
  }
  return describe_exit(code, std::move(payload));
}

int run_as_isolated_child(const std::vector<std::string>& arguments, FindChildWork find_work) {
  // A crash must end this process at once, not open a dialog or a debugger.
  SetErrorMode(SEM_FAILCRITICALERRORS | SEM_NOGPFAULTERRORBOX | SEM_NOOPENFILEERRORBOX);
  if (arguments.size() < 2) return malformed_request_exit_code;
  std::uintptr_t value = 0;
  try {
    value = static_cast<std::uintptr_t>(std::stoull(arguments[0]));
  } catch (const std::exception&) {
    return malformed_request_exit_code;
  }
  const HANDLE out = reinterpret_cast<HANDLE>(value);
  const ChildWork work = find_work(arguments[1]);
  if (work == nullptr || GetFileType(out) != FILE_TYPE_PIPE) return malformed_request_exit_code;
  const std::vector<std::string> task_arguments(arguments.begin() + 2, arguments.end());
  DWORD code = 0;
  try {
    work([out](const std::string& text) { write_all(out, text); }, task_arguments);
  } catch (const std::exception& failure) {
    write_all(out, one_line(failure.what()));
    code = work_threw_exit_code;
  } catch (...) {
    write_all(out, one_line("unknown exception"));
    code = work_threw_exit_code;
  }
  CloseHandle(out);
  std::fflush(nullptr);
  // As _exit on POSIX: no vendor DLL's detach code runs, and none can hang the exit.
  TerminateProcess(GetCurrentProcess(), code);
  return static_cast<int>(code);
}

}  // namespace torchcompat

#endif
