#include <gtest/gtest.h>

#include "app/cli.hpp"

namespace torchcompat {
namespace {

TEST(CommandLine, DefaultsToATextReport) {
  CommandLine command = parse_command_line({});
  EXPECT_EQ(command.action, CliAction::run);
  EXPECT_EQ(command.options.format, Format::text);
  EXPECT_FALSE(command.options.cuda_root);
  EXPECT_FALSE(command.options.skip_python);
}

TEST(CommandLine, ReadsEveryOptionInBothSpellings) {
  CommandLine command = parse_command_line(
      {"--format", "json", "--cuda-root=/opt/cuda-12", "--python", "/usr/bin/python3", "--timeout=0.25"});
  EXPECT_EQ(command.options.format, Format::json);
  EXPECT_EQ(command.options.cuda_root.value_or(""), "/opt/cuda-12");
  EXPECT_EQ(command.options.python.value_or(""), "/usr/bin/python3");
  EXPECT_EQ(command.options.detector_timeout.count(), 250);
  EXPECT_TRUE(parse_command_line({"--no-python"}).options.skip_python);
  EXPECT_EQ(parse_command_line({"--timeout", "3"}).options.detector_timeout.count(), 3000);
}

TEST(CommandLine, HelpAndVersion) {
  EXPECT_EQ(parse_command_line({"--help"}).action, CliAction::help);
  EXPECT_EQ(parse_command_line({"-h"}).action, CliAction::help);
  EXPECT_EQ(parse_command_line({"--version"}).action, CliAction::version);
  EXPECT_NE(usage_text().find("--format text|json"), std::string::npos);
}

TEST(CommandLine, UsageErrorsSayWhatIsWrong) {
  struct Case {
    std::vector<std::string> args;
    const char* message;
  };
  for (const Case& c : {Case{{"--format", "xml"}, "--format expects text or json"},
                        Case{{"--format"}, "--format needs a value"},
                        Case{{"--timeout", "0"}, "--timeout expects"},
                        Case{{"--timeout", "-1"}, "--timeout expects"},
                        Case{{"--timeout", "5s"}, "--timeout expects"},
                        Case{{"--timeout", "nan"}, "--timeout expects"},
                        Case{{"--timeout", "100000"}, "--timeout expects"},
                        Case{{"--cuda-root", ""}, "--cuda-root needs a directory"},
                        Case{{"--python", "p", "--no-python"}, "contradict"},
                        Case{{"--no-python=yes"}, "takes no value"},
                        Case{{"--gpu"}, "unknown argument \"--gpu\""},
                        Case{{"extra"}, "unknown argument \"extra\""}}) {
    try {
      parse_command_line(c.args);
      ADD_FAILURE() << "accepted: " << c.args.front();
    } catch (const UsageError& error) {
      EXPECT_NE(std::string(error.what()).find(c.message), std::string::npos) << error.what();
    }
  }
}

}  // namespace
}  // namespace torchcompat
