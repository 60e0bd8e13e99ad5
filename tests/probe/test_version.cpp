#include <gtest/gtest.h>

#include "primitives/version.hpp"

namespace torchcompat {
namespace {

TEST(Version, ParsesDottedNumbers) {
  auto v = parse_version("12.4.131");
  ASSERT_TRUE(v);
  EXPECT_EQ(v->parts, (std::vector<long>{12, 4, 131}));
  EXPECT_EQ(v->numbers(), "12.4.131");
  EXPECT_TRUE(v->suffix.empty());
}

TEST(Version, KeepsSuffixOnlyWhenAllowed) {
  EXPECT_FALSE(parse_version("2.4.0+cu121"));
  auto v = parse_version("2.4.0+cu121", 4, true);
  ASSERT_TRUE(v);
  EXPECT_EQ(v->numbers(), "2.4.0");
  EXPECT_EQ(v->suffix, "+cu121");
  auto pre = parse_version("1.13.0a0+gitunknown", 4, true);
  ASSERT_TRUE(pre);
  EXPECT_EQ(pre->numbers(), "1.13.0");
  EXPECT_EQ(pre->suffix, "a0+gitunknown");
}

TEST(Version, RejectsMalformed) {
  for (const char* bad : {"", "abc", ".4", "12.", "1..2", "-1.0", " 12.4", "12.4 ", "1.2.3.4.5",
                          "1234567890.1"})
    EXPECT_FALSE(parse_version(bad)) << '"' << bad << '"';
}

TEST(Version, ComparesNumerically) {
  auto v = [](const char* text) { return *parse_version(text); };
  EXPECT_LT(compare_versions(v("12.4"), v("12.10")), 0);
  EXPECT_GT(compare_versions(v("13.0"), v("12.9.1")), 0);
  EXPECT_EQ(compare_versions(v("12.4"), v("12.4.0")), 0);
}

TEST(Version, DottedVersionPartCounts) {
  EXPECT_TRUE(is_dotted_version("11.4", 2, 2));
  EXPECT_FALSE(is_dotted_version("11", 2, 2));
  EXPECT_FALSE(is_dotted_version("11.4.1", 2, 2));
  EXPECT_TRUE(is_dotted_version("470.82.01", 2, 3));
}

}  // namespace
}  // namespace torchcompat
