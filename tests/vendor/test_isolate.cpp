#include "isolation/isolate.hpp"

#include <gtest/gtest.h>

#include <cerrno>
#include <csignal>
#include <fstream>
#include <stdexcept>
#include <string>

#include <sys/wait.h>
#include <unistd.h>

namespace torchcompat {
namespace {

using std::chrono::milliseconds;

TEST(Isolate, ReturnsTheChildsPayload) {
  const auto outcome = run_isolated([] { return std::string("hello from the child"); }, milliseconds(5000));
  EXPECT_EQ(outcome.status, Status::found);
  EXPECT_EQ(outcome.payload, "hello from the child");
  EXPECT_TRUE(outcome.reason.empty());
}

TEST(Isolate, CarriesAPayloadLargerThanThePipeBuffer) {
  std::string big(4 << 20, 'x');
  for (std::size_t i = 0; i < big.size(); i += 4096) big[i] = static_cast<char>('a' + i / 4096 % 26);
  const auto outcome = run_isolated([&big] { return big; }, milliseconds(20000));
  ASSERT_EQ(outcome.status, Status::found);
  EXPECT_EQ(outcome.payload, big);
}

TEST(Isolate, NamesTheSignalThatKilledTheChild) {
  const auto outcome = run_isolated(
      []() -> std::string {
        std::raise(SIGSEGV);
        return "unreachable";
      },
      milliseconds(5000));
  EXPECT_EQ(outcome.status, Status::crashed);
  EXPECT_EQ(outcome.reason, "crashed (signal " + std::to_string(SIGSEGV) + ")");
  EXPECT_TRUE(outcome.payload.empty());
}

TEST(Isolate, KillsAChildThatHangsAndSaysAfterHowLong) {
  const auto started = std::chrono::steady_clock::now();
  const auto outcome = run_isolated(
      []() -> std::string {
        for (;;) pause();
      },
      milliseconds(300));
  const auto took = std::chrono::steady_clock::now() - started;
  EXPECT_EQ(outcome.status, Status::timed_out);
  EXPECT_EQ(outcome.reason, "timed out after 0.3 s");
  EXPECT_LT(took, std::chrono::seconds(5));
}

TEST(Isolate, KillsAChildThatClosesItsPipeButNeverExits) {
  const auto outcome = run_isolated(
      []() -> std::string {
        for (int fd = 3; fd < 256; ++fd) close(fd);
        for (;;) pause();
      },
      milliseconds(300));
  EXPECT_EQ(outcome.status, Status::timed_out);
}

TEST(IsolateStreaming, KeepsWhatWasSentBeforeACrash) {
  const auto outcome = run_isolated_streaming(
      [](const Emit& emit) {
        emit("step=one\n");
        emit("step=two\n");
        std::raise(SIGSEGV);
        emit("step=three\n");
      },
      milliseconds(5000));
  EXPECT_EQ(outcome.status, Status::crashed);
  EXPECT_EQ(outcome.payload, "step=one\nstep=two\n");
}

TEST(IsolateStreaming, KeepsWhatWasSentBeforeAHang) {
  const auto outcome = run_isolated_streaming(
      [](const Emit& emit) {
        emit("calling=cuInit\n");
        for (;;) pause();
      },
      milliseconds(300));
  EXPECT_EQ(outcome.status, Status::timed_out);
  EXPECT_EQ(outcome.payload, "calling=cuInit\n");
}

TEST(IsolateStreaming, SeparatesAnExceptionsMessageFromWhatWasSent) {
  const auto outcome = run_isolated_streaming(
      [](const Emit& emit) {
        emit("a=1\n");
        throw std::runtime_error("bad\nthing");
      },
      milliseconds(5000));
  EXPECT_EQ(outcome.status, Status::error);
  EXPECT_EQ(outcome.reason, "exited with code 3: bad thing");
  EXPECT_EQ(outcome.payload, "a=1\n");
}

TEST(Isolate, ReportsAnExceptionAsAnExitCode) {
  const auto outcome =
      run_isolated([]() -> std::string { throw std::runtime_error("no such thing"); }, milliseconds(5000));
  EXPECT_EQ(outcome.status, Status::error);
  EXPECT_EQ(outcome.reason, "exited with code 3: no such thing");
}

TEST(Isolate, WholeSecondsAreWrittenWithoutAFraction) {
  const auto outcome = run_isolated(
      []() -> std::string {
        for (;;) pause();
      },
      milliseconds(1000));
  EXPECT_EQ(outcome.reason, "timed out after 1 s");
}

TEST(Isolate, LeavesNoChildBehind) {
  for (int i = 0; i < 3; ++i) {
    run_isolated([] { return std::string("x"); }, milliseconds(5000));
    run_isolated(
        []() -> std::string {
          for (;;) pause();
        },
        milliseconds(50));
  }
  // Every child was reaped: there is nothing left to wait for.
  EXPECT_EQ(waitpid(-1, nullptr, WNOHANG), -1);
  EXPECT_EQ(errno, ECHILD);
}

TEST(Isolate, AFloodingChildIsStopped) {
  const auto outcome = run_isolated_streaming(
      [](const Emit& emit) {
        const std::string chunk(1 << 20, 'x');
        for (;;) emit(chunk);
      },
      milliseconds(20000));
  EXPECT_EQ(outcome.status, Status::error);
  EXPECT_NE(outcome.reason.find("sent more than 16 MiB"), std::string::npos) << outcome.reason;
  EXPECT_LE(outcome.payload.size(), std::size_t{16} << 20);
}

// The child's own output past the cap is dropped and the drop said, also when
// the end of that output is seen before the end of the payload (here for sure:
// the child closes its stderr, then waits before it sends and exits).
TEST(Isolate, TheDropIsSaidWhenTheChildsOutputEndsFirst) {
  testing::internal::CaptureStderr();
  const auto outcome = run_isolated_streaming(
      [](const Emit& emit) {
        const std::string chatter(256 << 10, 'c');
        if (write(STDERR_FILENO, chatter.data(), chatter.size()) < 0) _exit(5);
        close(STDOUT_FILENO);
        close(STDERR_FILENO);
        usleep(300 * 1000);
        emit("done");
      },
      milliseconds(20000));
  const std::string said = testing::internal::GetCapturedStderr();
  EXPECT_EQ(outcome.status, Status::found) << outcome.reason;
  EXPECT_EQ(outcome.payload, "done");
  EXPECT_NE(said.find("more bytes of a vendor library's output were dropped"), std::string::npos)
      << said.size() << " bytes on stderr";
}

TEST(Isolate, ATimeoutEndsWhatTheChildStarted) {
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  const auto outcome = run_isolated(
      [&fds]() -> std::string {
        const pid_t helper = fork();
        if (helper == 0) {
          for (;;) pause();
        }
        const std::string pid = std::to_string(helper) + "\n";
        if (write(fds[1], pid.data(), pid.size()) < 0) return "";
        for (;;) pause();
      },
      milliseconds(300));
  close(fds[1]);
  EXPECT_EQ(outcome.status, Status::timed_out);
  char buffer[32] = {};
  ASSERT_GT(read(fds[0], buffer, sizeof buffer - 1), 0);
  close(fds[0]);
  const pid_t helper = std::stoi(buffer);
  bool gone = false;
  for (int i = 0; i < 100 && !gone; ++i) {
    errno = 0;
    // The helper's parent is gone; once killed it is reaped by init (or is a zombie of it).
    std::ifstream stat("/proc/" + std::to_string(helper) + "/stat");
    std::string text;
    gone = !std::getline(stat, text) || text.find(") Z") != std::string::npos;
    if (!gone) usleep(10000);
  }
  EXPECT_TRUE(gone) << "helper " << helper << " survived the timeout";
}

}  // namespace
}  // namespace torchcompat
