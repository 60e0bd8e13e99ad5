#include "isolate.hpp"

#if !defined(_WIN32)

#include <cstdio>
#include <cstring>
#include <exception>
#include <sstream>

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <poll.h>
#include <sys/types.h>
#include <sys/wait.h>
#if defined(__linux__)
#include <sys/prctl.h>
#endif
#include <unistd.h>

// The POSIX form: a forked child. Windows has its own (isolate_windows.cpp).

namespace torchcompat {

namespace {

// Exit code of a child whose work threw; the payload then carries the message.
constexpr int work_threw_exit_code = 3;

std::string describe_timeout(std::chrono::milliseconds timeout) {
  std::ostringstream text;
  const auto ms = timeout.count();
  if (ms % 1000 == 0) {
    text << ms / 1000 << " s";
  } else {
    text << static_cast<double>(ms) / 1000.0 << " s";
  }
  return "timed out after " + text.str();
}

}  // namespace

namespace {

using Clock = std::chrono::steady_clock;

// The most a child may send. The driver child's lines for the most GPUs it
// asks about fit many times over; a vendor library gone wild must not fill
// the probe's memory.
constexpr std::size_t payload_cap = 16u << 20;


// The child leads its own process group, so a timeout ends whatever it
// started too (a vendor library's helper process).
void kill_group(pid_t child) {
  if (kill(-child, SIGKILL) != 0) kill(child, SIGKILL);
}

void write_all(int fd, const std::string& data) {
  std::size_t written = 0;
  while (written < data.size()) {
    const ssize_t n = write(fd, data.data() + written, data.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;  // the parent stopped listening; nothing more to do
    written += static_cast<std::size_t>(n);
  }
}

// A fatal signal must end the child *as* that signal so the parent can name
// it; sanitizer runtimes otherwise turn a SIGSEGV into an ordinary exit.
void restore_default_fatal_signals() {
  for (int signal_number : {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGPIPE}) {
    std::signal(signal_number, SIG_DFL);
  }
}

// Vendor libraries may print; the probe's stdout carries only its report, so
// whatever they say (on stdout or stderr) goes to a pipe that the parent
// passes on to its stderr, up to diagnostics_cap bytes.
void send_output_to(int diagnostics_fd) {
  for (int target : {STDOUT_FILENO, STDERR_FILENO}) {
    while (dup2(diagnostics_fd, target) < 0 && errno == EINTR) {
    }
  }
  if (diagnostics_fd != STDOUT_FILENO && diagnostics_fd != STDERR_FILENO) close(diagnostics_fd);
}

// The message of a work that threw travels as the payload's last line, after
// a newline that ends whatever the work had emitted, and without one of its own.
std::string one_line(std::string text) {
  for (char& c : text) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  return "\n" + text;
}

[[noreturn]] void run_child(const std::function<void(const Emit&)>& work, int write_fd, int diagnostics_fd,
                            pid_t parent) {
  setpgid(0, 0);
#if defined(__linux__)
  // Its own process group no longer hears the terminal's Ctrl-C: a probe that
  // is interrupted must still take a hung vendor call down with it.
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (getppid() != parent) _exit(1);
#else
  (void)parent;
#endif
  restore_default_fatal_signals();
  send_output_to(diagnostics_fd);
  int code = 0;
  try {
    work([write_fd](const std::string& text) { write_all(write_fd, text); });
  } catch (const std::exception& failure) {
    write_all(write_fd, one_line(failure.what()));
    code = work_threw_exit_code;
  } catch (...) {
    write_all(write_fd, one_line("unknown exception"));
    code = work_threw_exit_code;
  }
  close(write_fd);
  // _exit: the parent's atexit handlers and stdio buffers belong to the parent.
  _exit(code);
}

// The most of a child's own output (a vendor library's chatter) that reaches
// the probe's stderr; the rest is read and dropped, so the child never blocks
// on a full pipe, and counted. Callers such as torchcompat_detect() keep the
// probe's stderr in memory.
constexpr std::size_t diagnostics_cap = 64u << 10;

// Passes a child's output on to stderr up to diagnostics_cap; counts the rest.
struct Diagnostics {
  int fd = -1;
  std::size_t passed = 0;
  std::size_t dropped = 0;
  bool drop_said = false;

  // Reads what is there; false once the child's end is closed.
  bool read_some() {
    char buffer[8192];
    const ssize_t n = read(fd, buffer, sizeof buffer);
    if (n < 0 && (errno == EINTR || errno == EAGAIN)) return true;
    if (n <= 0) return false;
    const auto size = static_cast<std::size_t>(n);
    const std::size_t room = diagnostics_cap - passed;
    const std::size_t pass = size < room ? size : room;
    if (pass > 0) write_all(STDERR_FILENO, std::string(buffer, pass));
    passed += pass;
    dropped += size - pass;
    return true;
  }

  // What is left in the pipe now, without waiting for more; a helper process
  // that outlived the child and keeps writing is given up on after 16 MiB.
  void drain() {
    const std::size_t stop_at = passed + dropped + (16u << 20);
    while (passed + dropped < stop_at) {
      pollfd request{fd, POLLIN, 0};
      if (poll(&request, 1, 0) <= 0 || !read_some()) return;
    }
  }

  // The pipe may already be closed: its end of file can be seen before the
  // payload's, and the drop must be said either way.
  void finish() {
    if (fd >= 0) {
      drain();
      close(fd);
      fd = -1;
    }
    if (dropped > 0 && !drop_said) {
      drop_said = true;
      write_all(STDERR_FILENO, "\ntorchcompat-probe: " + std::to_string(dropped) +
                                   " more bytes of a vendor library's output were dropped\n");
    }
  }
};

enum class ReadEnd { end_of_file, deadline, overflow };

// Reads until end of file, the deadline, or more than payload_cap bytes,
// passing the child's own output on meanwhile.
ReadEnd read_until_eof(int read_fd, Clock::time_point deadline, std::string& payload, Diagnostics& diagnostics) {
  char buffer[8192];
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    if (left.count() <= 0) return ReadEnd::deadline;
    pollfd requests[2] = {{read_fd, POLLIN, 0}, {diagnostics.fd, POLLIN, 0}};
    const nfds_t count = diagnostics.fd >= 0 ? 2 : 1;
    const int ready = poll(requests, count, static_cast<int>(left.count()));
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) return ReadEnd::deadline;
    if (count == 2 && requests[1].revents != 0 && !diagnostics.read_some()) {
      close(diagnostics.fd);
      diagnostics.fd = -1;
    }
    if (requests[0].revents == 0) continue;
    const ssize_t n = read(read_fd, buffer, sizeof buffer);
    if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
    if (n <= 0) return ReadEnd::end_of_file;  // the child closed its end or died
    if (payload.size() + static_cast<std::size_t>(n) > payload_cap) return ReadEnd::overflow;
    payload.append(buffer, static_cast<std::size_t>(n));
  }
}

// Waits for the child to exit, killing it at the deadline; true when it
// exited on its own.
bool reap_before(pid_t child, Clock::time_point deadline, int& wait_status) {
  for (;;) {
    const pid_t got = waitpid(child, &wait_status, WNOHANG);
    if (got == child) return true;
    if (got < 0 && errno != EINTR) return true;  // nothing left to reap
    if (Clock::now() >= deadline) break;
    // The pipe is closed, so exit is imminent; poll briefly rather than block.
    poll(nullptr, 0, 1);
  }
  kill_group(child);
  while (waitpid(child, &wait_status, 0) < 0 && errno == EINTR) {
  }
  return false;
}

IsolatedOutcome describe_exit(int wait_status, std::string payload) {
  IsolatedOutcome outcome;
  if (WIFSIGNALED(wait_status)) {
    outcome.status = Status::crashed;
    outcome.reason = "crashed (signal " + std::to_string(WTERMSIG(wait_status)) + ")";
  } else if (WIFEXITED(wait_status) && WEXITSTATUS(wait_status) == 0) {
    outcome.status = Status::found;
  } else {
    outcome.status = Status::error;
    outcome.reason = "exited with code " + std::to_string(WEXITSTATUS(wait_status));
    const auto last_newline = payload.rfind('\n');
    if (WEXITSTATUS(wait_status) == work_threw_exit_code && last_newline != std::string::npos) {
      outcome.reason += ": " + payload.substr(last_newline + 1);
      payload.erase(last_newline);
    }
  }
  outcome.payload = std::move(payload);
  return outcome;
}

}  // namespace

IsolatedOutcome run_isolated_streaming(const std::function<void(const Emit&)>& work,
                                       std::chrono::milliseconds timeout) {
  int fds[2];
  if (pipe(fds) != 0) {
    return {Status::error, {}, std::string("cannot create a pipe: ") + std::strerror(errno)};
  }
  int output[2];
  if (pipe(output) != 0) {
    const int saved = errno;
    close(fds[0]);
    close(fds[1]);
    return {Status::error, {}, std::string("cannot create a pipe: ") + std::strerror(saved)};
  }
  for (int fd : {fds[0], fds[1], output[0], output[1]}) fcntl(fd, F_SETFD, FD_CLOEXEC);
  // Anything buffered now would otherwise be printed twice, once by each process.
  std::fflush(nullptr);
  const pid_t parent = getpid();
  const pid_t child = fork();
  if (child < 0) {
    const int saved = errno;
    for (int fd : {fds[0], fds[1], output[0], output[1]}) close(fd);
    return {Status::error, {}, std::string("cannot fork: ") + std::strerror(saved)};
  }
  if (child == 0) {
    close(fds[0]);
    close(output[0]);
    run_child(work, fds[1], output[1], parent);
  }
  // Also here: the parent may kill before the child has run its setpgid.
  setpgid(child, child);
  close(fds[1]);
  close(output[1]);
  const auto deadline = Clock::now() + timeout;
  std::string payload;
  Diagnostics diagnostics;
  diagnostics.fd = output[0];
  const ReadEnd end = read_until_eof(fds[0], deadline, payload, diagnostics);
  close(fds[0]);
  int wait_status = 0;
  if (end != ReadEnd::end_of_file) {
    kill_group(child);
    while (waitpid(child, &wait_status, 0) < 0 && errno == EINTR) {
    }
    // After the kill: what the group wrote before it died, and no more.
    diagnostics.finish();
    if (end == ReadEnd::overflow) {
      return {Status::error, std::move(payload),
              "sent more than " + std::to_string(payload_cap >> 20) + " MiB, so it was stopped"};
    }
    return {Status::timed_out, std::move(payload), describe_timeout(timeout)};
  }
  const bool exited = reap_before(child, deadline, wait_status);
  diagnostics.finish();
  if (!exited) return {Status::timed_out, std::move(payload), describe_timeout(timeout)};
  return describe_exit(wait_status, std::move(payload));
}

IsolatedOutcome run_isolated(const std::function<std::string()>& work,
                             std::chrono::milliseconds timeout) {
  return run_isolated_streaming([&work](const Emit& emit) { emit(work()); }, timeout);
}

IsolatedOutcome run_isolated_task(const ChildTask& task, std::chrono::milliseconds timeout) {
  const ChildWork work = task.work;
  if (work == nullptr) return {Status::error, {}, "no child task named \"" + task.name + "\""};
  return run_isolated_streaming([&](const Emit& emit) { work(emit, task.arguments); }, timeout);
}

}  // namespace torchcompat

#endif
