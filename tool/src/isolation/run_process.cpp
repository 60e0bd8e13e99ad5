#include "run_process.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <utility>

#ifdef _WIN32
#include "isolation/win_process.hpp"
#include "primitives/win_text.hpp"
#else
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;
#endif

namespace torchcompat {

namespace {

// Version banners are a few hundred bytes; the cap only guards against a tool
// that floods its output.
constexpr std::size_t output_cap = 1 << 20;

// After the deadline, output that is already waiting is still read (a program
// that finished while the probe was busy elsewhere did not time out), but only
// this many reads: a program still writing at the deadline has run out of time.
constexpr int reads_after_deadline = 64;

}  // namespace

ProcessResult run_process(const std::vector<std::string>& argv, std::chrono::milliseconds timeout) {
  RunningProcess process = start_process(argv, timeout);
  return wait_process(process);
}

RunningProcess::RunningProcess(RunningProcess&& other) noexcept
    : pid(other.pid), out_fd(other.out_fd), err_fd(other.err_fd), deadline(other.deadline),
      timeout(other.timeout), early(std::move(other.early)) {
  other.pid = other.out_fd = other.err_fd = -1;
#if defined(_WIN32)
  process_handle = std::exchange(other.process_handle, nullptr);
  job_handle = std::exchange(other.job_handle, nullptr);
  out_handle = std::exchange(other.out_handle, nullptr);
  err_handle = std::exchange(other.err_handle, nullptr);
#endif
}

RunningProcess& RunningProcess::operator=(RunningProcess&& other) noexcept {
  if (this != &other) {
    abandon();
    pid = other.pid;
    out_fd = other.out_fd;
    err_fd = other.err_fd;
    deadline = other.deadline;
    timeout = other.timeout;
    early = std::move(other.early);
    other.pid = other.out_fd = other.err_fd = -1;
#if defined(_WIN32)
    process_handle = std::exchange(other.process_handle, nullptr);
    job_handle = std::exchange(other.job_handle, nullptr);
    out_handle = std::exchange(other.out_handle, nullptr);
    err_handle = std::exchange(other.err_handle, nullptr);
#endif
  }
  return *this;
}

RunningProcess::~RunningProcess() { abandon(); }

std::string describe_timeout(std::chrono::milliseconds timeout) {
  auto ms = timeout.count();
  if (ms % 1000 == 0) return std::to_string(ms / 1000) + " s";
  std::string fraction = std::to_string(ms % 1000);
  fraction.insert(0, 3 - fraction.size(), '0');
  while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
  return std::to_string(ms / 1000) + "." + fraction + " s";
}

#ifdef _WIN32

namespace {

// Takes the running program's handles back into owners.
struct OwnedProcess {
  StartedProcess started;
  Handle out;
  Handle err;
};

OwnedProcess take(RunningProcess& process) {
  OwnedProcess owned;
  owned.started.process.reset(static_cast<HANDLE>(std::exchange(process.process_handle, nullptr)));
  owned.started.job.reset(static_cast<HANDLE>(std::exchange(process.job_handle, nullptr)));
  owned.out.reset(static_cast<HANDLE>(std::exchange(process.out_handle, nullptr)));
  owned.err.reset(static_cast<HANDLE>(std::exchange(process.err_handle, nullptr)));
  return owned;
}

// Reads what is waiting in `pipe` into `sink` (capped); closes the pipe at its end.
bool drain(Handle& pipe, std::string& sink) {
  char buffer[4096];
  DWORD available = 0;
  if (!pipe_has_data(pipe.get(), available)) {
    pipe.reset();
    return false;
  }
  if (available == 0) return false;
  DWORD got = 0;
  const DWORD want = available < sizeof buffer ? available : static_cast<DWORD>(sizeof buffer);
  if (!ReadFile(pipe.get(), buffer, want, &got, nullptr) || got == 0) {
    pipe.reset();
    return false;
  }
  if (sink.size() < output_cap) sink.append(buffer, std::min(static_cast<std::size_t>(got), output_cap - sink.size()));
  return true;
}

}  // namespace

RunningProcess start_process(const std::vector<std::string>& argv, std::chrono::milliseconds timeout) {
  RunningProcess process;
  process.timeout = timeout;
  process.deadline = std::chrono::steady_clock::now() + timeout;
  if (argv.empty()) {
    process.early.reason = "nothing to run";
    return process;
  }
  OwnedProcess owned;
  Handle out_write, err_write;
  std::string failed = make_child_pipe(owned.out, out_write);
  if (failed.empty()) failed = make_child_pipe(owned.err, err_write);
  if (!failed.empty()) {
    process.early.reason = "could not create a pipe: " + failed;
    return process;
  }
  Handle input = inheritable_null(false);
  const std::wstring program = widen(argv[0]);
  const std::vector<std::string> arguments(argv.begin() + 1, argv.end());
  failed = start_in_job(program, windows_command_line(program, arguments), input.get(), out_write.get(),
                        err_write.get(), owned.started);
  if (!failed.empty()) {
    process.early.reason = "could not start: " + failed;
    return process;
  }
  process.process_handle = owned.started.process.release();
  process.job_handle = owned.started.job.release();
  process.out_handle = owned.out.release();
  process.err_handle = owned.err.release();
  return process;
}

ProcessResult wait_process(RunningProcess& process) {
  if (process.process_handle == nullptr) return process.early;
  OwnedProcess owned = take(process);
  ProcessResult result;
  const auto time_out = [&]() {
    kill_started(owned.started);
    result.status = Status::timed_out;
    result.reason = "timed out after " + describe_timeout(process.timeout);
    return result;
  };
  // Both pipes until both close; output already waiting at the deadline still counts.
  int late_reads = 0;
  while (owned.out || owned.err) {
    bool got = false;
    if (owned.out) got = drain(owned.out, result.out) || got;
    if (owned.err) got = drain(owned.err, result.err) || got;
    const DWORD left = milliseconds_until(process.deadline);
    if (left == 0 && ++late_reads > reads_after_deadline) return time_out();
    if (!got && left > 0) WaitForSingleObject(owned.started.process.get(), left < 5 ? left : 5);
  }
  if (WaitForSingleObject(owned.started.process.get(), milliseconds_until(process.deadline)) != WAIT_OBJECT_0) {
    return time_out();
  }
  DWORD code = 0;
  if (!GetExitCodeProcess(owned.started.process.get(), &code)) {
    result.reason = last_error_text("GetExitCodeProcess");
    return result;
  }
  if (code == 0) {
    result.exit_code = 0;
    result.status = Status::found;
  } else if (is_exception_code(code)) {
    result.status = Status::crashed;
    result.reason = describe_exception(code);
  } else {
    result.exit_code = static_cast<int>(code);
    result.status = Status::error;
    result.reason = "exited with code " + std::to_string(code);
  }
  return result;
}

void RunningProcess::abandon() noexcept {
  OwnedProcess owned = take(*this);
  kill_started(owned.started);
}

#else

namespace {

struct Pipe {
  int read_end = -1;
  int write_end = -1;
  bool open() {
    int fds[2];
    if (::pipe(fds) != 0) return false;
    read_end = fds[0];
    write_end = fds[1];
    ::fcntl(read_end, F_SETFD, FD_CLOEXEC);
    return true;
  }
  void close_read() { if (read_end >= 0) ::close(read_end); read_end = -1; }
  void close_write() { if (write_end >= 0) ::close(write_end); write_end = -1; }
  ~Pipe() { close_read(); close_write(); }
};

// The program leads its own process group (POSIX_SPAWN_SETPGROUP): a timeout
// ends what it started too (a compiler's helpers, a Python's subprocesses).
void kill_group(pid_t pid) {
  if (::kill(-pid, SIGKILL) != 0) ::kill(pid, SIGKILL);
}

// Drains both pipes until both close or the deadline passes; false on timeout.
// Each detector has its own budget: the deadline counts from the program's
// start, and output it left before the probe came to read still counts.
bool collect_output(Pipe& out_pipe, Pipe& err_pipe, ProcessResult& result,
                    std::chrono::steady_clock::time_point deadline) {
  char buffer[4096];
  int late_reads = 0;
  while (out_pipe.read_end >= 0 || err_pipe.read_end >= 0) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0 && ++late_reads > reads_after_deadline) return false;
    pollfd fds[2] = {{out_pipe.read_end, POLLIN, 0}, {err_pipe.read_end, POLLIN, 0}};
    int ready = ::poll(fds, 2, left.count() > 0 ? static_cast<int>(left.count()) : 0);
    if (ready < 0 && errno == EINTR) continue;
    if (ready == 0) return false;
    if (ready < 0) return true;
    Pipe* pipes[2] = {&out_pipe, &err_pipe};
    std::string* sinks[2] = {&result.out, &result.err};
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || fds[i].revents == 0) continue;
      ssize_t n = ::read(fds[i].fd, buffer, sizeof buffer);
      if (n <= 0) {
        pipes[i]->close_read();
      } else if (sinks[i]->size() < output_cap) {
        sinks[i]->append(buffer, std::min(static_cast<std::size_t>(n), output_cap - sinks[i]->size()));
      }
    }
  }
  return true;
}

void describe_exit(int wait_status, ProcessResult& result) {
  if (WIFEXITED(wait_status)) {
    result.exit_code = WEXITSTATUS(wait_status);
    if (result.exit_code == 0) {
      result.status = Status::found;
    } else {
      result.status = Status::error;
      result.reason = "exited with code " + std::to_string(result.exit_code);
    }
  } else if (WIFSIGNALED(wait_status)) {
    result.status = Status::crashed;
    result.reason = "crashed (signal " + std::to_string(WTERMSIG(wait_status)) + ")";
  }
}

}  // namespace

RunningProcess start_process(const std::vector<std::string>& argv, std::chrono::milliseconds timeout) {
  RunningProcess process;
  process.timeout = timeout;
  process.deadline = std::chrono::steady_clock::now() + timeout;
  if (argv.empty()) {
    process.early.reason = "nothing to run";
    return process;
  }
  Pipe out_pipe, err_pipe;
  if (!out_pipe.open() || !err_pipe.open()) {
    process.early.reason = std::string("could not create a pipe: ") + std::strerror(errno);
    return process;
  }

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out_pipe.write_end, 1);
  posix_spawn_file_actions_adddup2(&actions, err_pipe.write_end, 2);

  std::vector<char*> args;
  for (const auto& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);

  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP);
  posix_spawnattr_setpgroup(&attributes, 0);

  pid_t pid = -1;
  int spawn_error = ::posix_spawn(&pid, args[0], &actions, &attributes, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attributes);
  if (spawn_error != 0) {
    process.early.reason = std::string("could not start: ") + std::strerror(spawn_error);
    return process;
  }
  process.pid = pid;
  process.out_fd = out_pipe.read_end;
  process.err_fd = err_pipe.read_end;
  out_pipe.read_end = err_pipe.read_end = -1;  // owned by process now
  return process;
}

ProcessResult wait_process(RunningProcess& process) {
  if (process.pid < 0) return process.early;
  ProcessResult result;
  Pipe out_pipe, err_pipe;
  out_pipe.read_end = process.out_fd;
  err_pipe.read_end = process.err_fd;
  process.out_fd = process.err_fd = -1;
  pid_t pid = process.pid;
  process.pid = -1;

  bool finished = collect_output(out_pipe, err_pipe, result, process.deadline);
  int wait_status = 0;
  auto time_out = [&]() {
    kill_group(pid);
    while (::waitpid(pid, &wait_status, 0) < 0 && errno == EINTR) {}
    result.status = Status::timed_out;
    result.reason = "timed out after " + describe_timeout(process.timeout);
  };
  if (!finished) {
    time_out();
    return result;
  }
  // Both pipes closed, but the program may still be running (it closed its
  // output early); keep honouring the deadline.
  while (true) {
    pid_t done = ::waitpid(pid, &wait_status, WNOHANG);
    if (done == pid) break;
    if (done < 0 && errno != EINTR) {
      result.reason = std::string("waitpid failed: ") + std::strerror(errno);
      return result;
    }
    if (std::chrono::steady_clock::now() >= process.deadline) {
      time_out();
      return result;
    }
    ::usleep(1000);
  }
  describe_exit(wait_status, result);
  return result;
}

void RunningProcess::abandon() noexcept {
  if (pid >= 0) {
    kill_group(pid);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
  }
  if (out_fd >= 0) ::close(out_fd);
  if (err_fd >= 0) ::close(err_fd);
  pid = out_fd = err_fd = -1;
}

#endif

}  // namespace torchcompat
