#include <gtest/gtest.h>
#include <signal.h>

#include <cerrno>
#include <fstream>
#include <string>
#include <thread>

#include "isolation/run_process.hpp"

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

// Whether a process still runs (a zombie waiting for its new parent counts as gone).
bool still_running(int pid) {
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string text;
  if (!std::getline(stat, text)) return false;
  const auto close_paren = text.rfind(')');
  return close_paren != std::string::npos && close_paren + 2 < text.size() && text[close_paren + 2] != 'Z';
}

TEST(RunProcess, ATimeoutEndsTheGrandchildrenToo) {
  // The shell starts a long sleep and says its pid; a kill of the shell alone would leave it running.
  ProcessResult ran = run_process({"/bin/sh", "-c", "sleep 30 & echo $!; wait"}, milliseconds(500));
  ASSERT_EQ(ran.status, Status::timed_out) << ran.reason;
  const int grandchild = std::stoi(ran.out);
  bool gone = false;
  for (int i = 0; i < 100 && !gone; ++i) {
    gone = !still_running(grandchild);
    if (!gone) std::this_thread::sleep_for(milliseconds(10));
  }
  EXPECT_TRUE(gone) << "sleep " << grandchild << " survived the timeout";
}

TEST(RunProcess, OutputIsCapped) {
  ProcessResult ran = run_process({"/bin/sh", "-c", "head -c 5000000 /dev/zero"}, milliseconds(10000));
  EXPECT_EQ(ran.status, Status::found) << ran.reason;
  EXPECT_EQ(ran.out.size(), std::size_t{1} << 20);
}

TEST(RunProcess, AProgramThatFinishedInTimeIsNotTimedOutByALateReader) {
  // The probe was busy with another detector past this program's deadline;
  // the program had long finished, so its answer stands.
  RunningProcess process = start_process({"/bin/sh", "-c", "echo done"}, milliseconds(200));
  std::this_thread::sleep_for(milliseconds(500));
  ProcessResult ran = wait_process(process);
  EXPECT_EQ(ran.status, Status::found) << ran.reason;
  EXPECT_EQ(ran.out, "done\n");
}

TEST(RunProcess, AProgramStillRunningAtTheDeadlineTimesOut) {
  RunningProcess process = start_process({"/bin/sh", "-c", "sleep 5"}, milliseconds(200));
  std::this_thread::sleep_for(milliseconds(300));
  ProcessResult ran = wait_process(process);
  EXPECT_EQ(ran.status, Status::timed_out);
}

}  // namespace
}  // namespace torchcompat
