#include <gtest/gtest.h>

#include "app/detect_all.hpp"
#include "detectors/detect_glibc.hpp"
#include "primitives/file_system.hpp"
#include "rendering/render_json.hpp"

#if defined(__GLIBC__)
#include <gnu/libc-version.h>
#endif

namespace torchcompat {
namespace {

TEST(DetectGlibc, KeepsMajorAndMinor) {
  EXPECT_EQ(glibc_major_minor("2.36"), "2.36");
  EXPECT_EQ(glibc_major_minor("2.39.9000"), "2.39");
  EXPECT_EQ(glibc_major_minor("2.28.0.1"), "2.28");
}

TEST(DetectGlibc, RefusesWhatIsNoVersion) {
  for (const char* reported : {"", "2", "2.", ".36", "2.36-1", "2.36.", "glibc 2.36", "2..36", "12345.1", " 2.36"}) {
    EXPECT_EQ(glibc_major_minor(reported), "") << reported;
  }
}

#if defined(__GLIBC__)
// The running C library's own answer, and the probe reports it on every run, cache or not.
TEST(DetectGlibc, AnswersAsTheRunningLibrary) {
  const std::string expected = glibc_major_minor(gnu_get_libc_version());
  ASSERT_FALSE(expected.empty());
  EXPECT_EQ(detect_glibc(), expected);
  Options options;
  options.use_cache = false;
  options.skip_python = true;
  const Report report = detect_everything(options, host_file_system(), Overrides{});
  EXPECT_EQ(report.glibc, expected);
  EXPECT_NE(render_json(report, "test").find("\"glibc\": \"" + expected + "\""), std::string::npos);
}
#endif

}  // namespace
}  // namespace torchcompat
