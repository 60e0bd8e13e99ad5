#include <gtest/gtest.h>

#include "primitives/json_reader.hpp"
#include "rendering/json_writer.hpp"

namespace torchcompat {
namespace {

TEST(JsonQuote, EscapesQuotesBackslashesAndControls) {
  EXPECT_EQ(json_quote("a\"b\\c"), R"("a\"b\\c")");
  EXPECT_EQ(json_quote("line\nnext\ttab"), R"("line\nnext\ttab")");
  EXPECT_EQ(json_quote(std::string("\x01\x1f\x7f", 3)), R"("\u0001\u001f\u007f")");
  EXPECT_EQ(json_quote(std::string("nul\0x", 5)), R"("nul\u0000x")");
}

TEST(JsonQuote, KeepsValidUtf8AndReplacesInvalidBytes) {
  EXPECT_EQ(json_quote("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80"), "\"caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80\"");
  EXPECT_EQ(json_quote("\xff"), "\"\xEF\xBF\xBD\"");
  EXPECT_EQ(json_quote("\xc3"), "\"\xEF\xBF\xBD\"");             // truncated sequence
  EXPECT_EQ(json_quote("\xc0\xaf"), "\"\xEF\xBF\xBD\xEF\xBF\xBD\"");  // overlong '/'
  EXPECT_EQ(json_quote("\xed\xa0\x80"), "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");  // surrogate
}

TEST(JsonWriter, WritesNestedContainersAndNulls) {
  JsonWriter json;
  json.begin_object();
  json.key("a");
  json.begin_array();
  json.integer(1);
  json.boolean(false);
  json.string_or_null("");
  json.end_array();
  json.key("b");
  json.begin_object();
  json.end_object();
  json.end_object();
  auto parsed = parse_json(json.text());
  ASSERT_TRUE(parsed.value) << parsed.error << "\n" << json.text();
  const JsonValue* a = parsed.value->member("a");
  ASSERT_TRUE(a);
  ASSERT_EQ(a->items.size(), 3u);
  EXPECT_EQ(a->items[0].text, "1");
  EXPECT_EQ(a->items[1].kind, JsonValue::Kind::boolean);
  EXPECT_EQ(a->items[2].kind, JsonValue::Kind::null);
  EXPECT_EQ(parsed.value->member("b")->kind, JsonValue::Kind::object);
}

TEST(JsonReader, RoundTripsEscapedStrings) {
  std::string original = "q\"\\\n\x01 \xc3\xa9";
  auto parsed = parse_json("{\"k\": " + json_quote(original) + "}");
  ASSERT_TRUE(parsed.value) << parsed.error;
  EXPECT_EQ(parsed.value->member("k")->text, original);
}

TEST(JsonReader, RejectsMalformedDocuments) {
  for (const char* bad : {"", "{", "{\"a\"}", "{\"a\":}", "[1,]", "[1 2]", "\"unterminated", "tru",
                          "{} extra", "\"bad \\x escape\"", "\"\\u12\"", "01x", "-"})
    EXPECT_FALSE(parse_json(bad).value) << bad;
}

TEST(JsonReader, StopsAtPathologicalNesting) {
  auto parsed = parse_json(std::string(10000, '[') + std::string(10000, ']'));
  EXPECT_FALSE(parsed.value);
  EXPECT_NE(parsed.error.find("nesting too deep"), std::string::npos);
}

}  // namespace
}  // namespace torchcompat
