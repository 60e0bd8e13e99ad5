#include <gtest/gtest.h>
#include <signal.h>

#include <cerrno>

#include "run_process.hpp"

namespace torchcompat {
namespace {

using std::chrono::milliseconds;

TEST(RunProcess, CapturesStdoutAndStderrSeparately) {
  ProcessResult ran = run_process({"/bin/sh", "-c", "echo out; echo err >&2"}, milliseconds(5000));
  EXPECT_EQ(ran.status, Status::found) << ran.reason;
  EXPECT_EQ(ran.exit_code, 0);
  EXPECT_EQ(ran.out, "out\n");
  EXPECT_EQ(ran.err, "err\n");
}

TEST(RunProcess, ExitCodeAndSignalAreReasons) {
  ProcessResult failed = run_process({"/bin/sh", "-c", "exit 3"}, milliseconds(5000));
  EXPECT_EQ(failed.status, Status::error);
  EXPECT_EQ(failed.reason, "exited with code 3");
  ProcessResult crashed = run_process({"/bin/sh", "-c", "kill -SEGV $$"}, milliseconds(5000));
  EXPECT_EQ(crashed.status, Status::crashed);
  EXPECT_EQ(crashed.reason, "crashed (signal 11)");
}

TEST(RunProcess, MissingProgramCannotStart) {
  ProcessResult ran = run_process({"/nonexistent/nvcc", "--version"}, milliseconds(5000));
  EXPECT_EQ(ran.status, Status::error);
  EXPECT_NE(ran.reason.find("could not start"), std::string::npos) << ran.reason;
}

TEST(RunProcess, HangIsKilledAtTheTimeout) {
  auto started = std::chrono::steady_clock::now();
  ProcessResult ran = run_process({"/bin/sleep", "30"}, milliseconds(200));
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));
  EXPECT_EQ(ran.status, Status::timed_out);
  EXPECT_EQ(ran.reason, "timed out after 0.2 s");
}

TEST(RunProcess, ClosingOutputEarlyDoesNotEscapeTheTimeout) {
  ProcessResult ran = run_process({"/bin/sh", "-c", "exec >&- 2>&-; exec sleep 30"}, milliseconds(300));
  EXPECT_EQ(ran.status, Status::timed_out);
}

TEST(RunProcess, AbandonedProcessIsKilledAndReaped) {
  int pid = -1;
  {
    RunningProcess process = start_process({"/bin/sleep", "30"}, milliseconds(60000));
    pid = process.pid;
    ASSERT_GT(pid, 0);
  }
  errno = 0;
  EXPECT_EQ(::kill(pid, 0), -1);  // reaped: the pid no longer exists, not even as a zombie
  EXPECT_EQ(errno, ESRCH);
}

TEST(RunProcess, TwoStepsLetWorkHappenMeanwhile) {
  RunningProcess process = start_process({"/bin/sh", "-c", "echo later"}, milliseconds(5000));
  ProcessResult ran = wait_process(process);
  EXPECT_EQ(ran.out, "later\n");
  EXPECT_EQ(describe_timeout(milliseconds(5000)), "5 s");
  EXPECT_EQ(describe_timeout(milliseconds(1250)), "1.25 s");
}

}  // namespace
}  // namespace torchcompat
