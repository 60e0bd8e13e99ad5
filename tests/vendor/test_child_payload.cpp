#include "isolation/child_payload.hpp"

#include <gtest/gtest.h>

namespace torchcompat {
namespace {

TEST(ChildPayload, RoundTripsValuesThatLookLikeFraming) {
  PayloadWriter out;
  out.add("name", "line one\nline two=still\\value\r").add("count", 42).add("name", "second");
  const auto entries = parse_payload(out.text());
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries[0].second, "line one\nline two=still\\value\r");
  EXPECT_EQ(entries[1].second, "42");
  ASSERT_NE(find_entry(entries, "name"), nullptr);
  EXPECT_EQ(*find_entry(entries, "name"), "line one\nline two=still\\value\r");
  EXPECT_EQ(find_entry(entries, "absent"), nullptr);
}

TEST(ChildPayload, DropsACutShortLastLineAndLinesWithoutKeys) {
  const auto entries = parse_payload("a=1\nnot a pair\n=nokey\nb=2\nc=trunc");
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].first, "a");
  EXPECT_EQ(entries[1].first, "b");
}

TEST(ChildPayload, EmptyPayloadHasNoEntries) { EXPECT_TRUE(parse_payload("").empty()); }

}  // namespace
}  // namespace torchcompat
