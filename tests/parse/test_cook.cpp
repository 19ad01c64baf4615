// Literal cooking: JS string escapes, numbers, HTML entities, JSX text whitespace. The JSX expectations are
// what Babel (@babel/parser + cleanJSXElementLiteralChild) produces for the same text, worked out by hand.
#include <catch2/catch.hpp>
#include <cmath>

#include "parse/cook.h"

using dxc::parse::CookIssue;
using dxc::parse::cook_js_string;
using dxc::parse::cook_jsx_text;
using dxc::parse::decode_html_entities;
using dxc::parse::js_number_string;
using dxc::parse::parse_js_number;

static std::string cook(std::string_view raw, bool tmpl = false) {
  std::vector<CookIssue> issues;
  std::string out = cook_js_string(raw, tmpl, issues);
  REQUIRE(issues.empty());
  return out;
}

TEST_CASE("cook_js_string: simple escapes", "[cook]") {
  CHECK(cook("plain") == "plain");
  CHECK(cook("") == "");
  CHECK(cook(R"(a\nb\tc\rd)") == "a\nb\tc\rd");
  CHECK(cook(R"(\b\f\v)") == "\b\f\v");
  CHECK(cook(R"(\0)") == std::string("\0", 1));
  CHECK(cook(R"(\08)") == std::string("\0" "8", 2));
  CHECK(cook(R"(\\ \' \" \`)") == "\\ ' \" `");
  CHECK(cook(R"(\q\$\é)") == "q$é");  // identity escapes, also of a multi-byte character
  CHECK(cook("é€😀") == "é€😀");        // literal UTF-8 passes through
}

TEST_CASE("cook_js_string: hex, unicode and octal escapes", "[cook]") {
  CHECK(cook(R"(\x41\x7a)") == "Az");
  CHECK(cook(R"(\xe9)") == "é");
  CHECK(cook(R"(\u0041\u00e9\u20AC)") == "Aé€");
  CHECK(cook(R"(\u{41}\u{1F600}\u{00000041})") == "A😀A");
  CHECK(cook(R"(\u{10FFFF})") == "\xF4\x8F\xBF\xBF");
  CHECK(cook(R"(\101\7\377)") == "A\x07\xC3\xBF");  // legacy octal (sloppy mode): \377 is U+00FF
}

TEST_CASE("cook_js_string: surrogate pairs become one code point", "[cook]") {
  CHECK(cook(R"(\uD83D\uDE00)") == "😀");
  CHECK(cook(R"(\uD83D\uDE00)") == "\xF0\x9F\x98\x80");
  CHECK(cook(R"(\ud83d\ude00!)") == "😀!");
  CHECK(cook(R"(\uD83D\u{DE00})") == "😀");  // JS strings are UTF-16: this is the same pair
  CHECK(cook("\\uD83D\\\n\\uDE00") == "😀");  // a line continuation does not split it
}

TEST_CASE("cook_js_string: lone surrogates are reported", "[cook]") {
  std::vector<CookIssue> issues;
  CHECK(cook_js_string(R"(a\uD800b)", false, issues) == "a\xEF\xBF\xBD" "b");
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].kind == CookIssue::LoneSurrogate);
  CHECK(issues[0].offset == 1);
  CHECK(issues[0].length == 6);

  issues.clear();
  CHECK(cook_js_string(R"(\uDE00)", false, issues) == "\xEF\xBF\xBD");  // a lone low surrogate
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].offset == 0);

  issues.clear();
  CHECK(cook_js_string(R"(\uD83D\uD83D\uDE00)", false, issues) == "\xEF\xBF\xBD😀");  // high, then a pair
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].offset == 0);

  issues.clear();
  cook_js_string(R"(\uD83D\n)", false, issues);  // an escape in between: lone
  CHECK(issues.size() == 1);

  issues.clear();
  cook_js_string(R"(x\u{D800})", false, issues);
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].offset == 1);
  CHECK(issues[0].length == 8);
}

TEST_CASE("cook_js_string: line continuations", "[cook]") {
  CHECK(cook("a\\\nb") == "ab");
  CHECK(cook("a\\\r\nb") == "ab");
  CHECK(cook("a\\\rb") == "ab");
  CHECK(cook("a\\\xE2\x80\xA8" "b") == "ab");  // \ + U+2028
}

TEST_CASE("cook_js_string: templates normalize raw line breaks", "[cook]") {
  CHECK(cook("a\r\nb\rc\nd", true) == "a\nb\nc\nd");
  CHECK(cook(R"(\r\n)", true) == "\r\n");  // escapes are not normalized
  CHECK(cook(R"(\`\${x})", true) == "`${x}");
}

TEST_CASE("cook_js_string: malformed escapes are kept and reported", "[cook]") {
  for (std::string_view bad : {R"(\x4)", R"(\xZZ)", R"(\u12)", R"(\u{110000})", R"(\u{})", R"(\u{41)"}) {
    std::vector<CookIssue> issues;
    cook_js_string(bad, false, issues);
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].kind == CookIssue::BadEscape);
    CHECK(issues[0].offset == 0);
  }
  std::vector<CookIssue> issues;
  CHECK(cook_js_string(R"(\x4)", false, issues) == R"(\x4)");
  issues.clear();
  CHECK(cook_js_string("ab\\", false, issues) == "ab\\");
  CHECK(issues.size() == 1);
}

TEST_CASE("parse_js_number", "[cook]") {
  auto num = [](std::string_view s) { return parse_js_number(s).value(); };
  CHECK(num("0") == 0);
  CHECK(num("42") == 42);
  CHECK(num("3.14") == 3.14);
  CHECK(num("0.1") == 0.1);
  CHECK(num(".5") == 0.5);
  CHECK(num("5.") == 5);
  CHECK(num("1e3") == 1000);
  CHECK(num("1E-3") == 0.001);
  CHECK(num("2.5e+2") == 250);
  CHECK(num("1_000_000") == 1000000);
  CHECK(num("1_0.0_1") == 10.01);
  CHECK(num("0x1F") == 31);
  CHECK(num("0XfF") == 255);
  CHECK(num("0xFF_FF") == 65535);
  CHECK(num("0o17") == 15);
  CHECK(num("0O777") == 511);
  CHECK(num("0b101") == 5);
  CHECK(num("0B1_0") == 2);
  CHECK(num("017") == 15);  // legacy octal
  CHECK(num("019") == 19);  // not octal: decimal
  CHECK(num("08") == 8);
  CHECK(num("00") == 0);
  // Correct rounding past 2^53, whatever the base.
  CHECK(num("9007199254740993") == 9007199254740992.0);
  CHECK(num("0x20000000000001") == 9007199254740992.0);
  CHECK(num("0x20000000000003") == 9007199254740996.0);
  CHECK(num("0b100000000000000000000000000000000000000000000000000001") == 9007199254740992.0);
  CHECK(num("0xFFFFFFFFFFFFFFFFFFFF") == 1208925819614629174706176.0);
  CHECK(std::isinf(num("1e400")));
  CHECK(std::isinf(num("0x" + std::string(300, 'F'))));
  CHECK(num("1e-400") == 0);
  CHECK(num("0." + std::string(400, '0') + "1") == 0);
  CHECK(num("1.7976931348623157e308") == 1.7976931348623157e308);
  CHECK(num("5e-324") == 5e-324);

  CHECK_FALSE(parse_js_number("1n").has_value());
  CHECK_FALSE(parse_js_number("0x1Fn").has_value());
  CHECK_FALSE(parse_js_number("").has_value());
  CHECK_FALSE(parse_js_number("0x").has_value());
  CHECK_FALSE(parse_js_number("0b102").has_value());
  CHECK_FALSE(parse_js_number("12abc").has_value());
}

TEST_CASE("js_number_string: String(x) as node prints it (a numeric property key's string)", "[cook]") {
  // node -e 'console.log(String(x))' for each
  const std::pair<double, const char*> cases[] = {
      {1, "1"}, {2.5, "2.5"}, {16, "16"}, {1e21, "1e+21"}, {1e-7, "1e-7"}, {1.5e-7, "1.5e-7"},
      {123456789012345680000.0, "123456789012345680000"}, {0.1 + 0.2, "0.30000000000000004"}, {-0.0, "0"}, {-1, "-1"},
      {5e-324, "5e-324"}, {1.7976931348623157e308, "1.7976931348623157e+308"}, {NAN, "NaN"}, {INFINITY, "Infinity"},
      {-INFINITY, "-Infinity"}, {100, "100"}, {0.000001, "0.000001"}, {1e20, "100000000000000000000"}, {12.5e-10, "1.25e-9"}};
  for (const auto& [x, want] : cases) {
    INFO(want);
    CHECK(js_number_string(x) == want);
  }
}

TEST_CASE("decode_html_entities", "[cook][jsx]") {
  CHECK(decode_html_entities("a &amp; b") == "a & b");
  CHECK(decode_html_entities("&lt;div&gt;") == "<div>");
  CHECK(decode_html_entities("&quot;&apos;") == "\"'");
  CHECK(decode_html_entities("&nbsp;") == "\xC2\xA0");
  CHECK(decode_html_entities("&copy; &hellip; &mdash; &euro; &hearts; &times; &larr;") == "© … — € ♥ × ←");
  CHECK(decode_html_entities("&#123;&#125;") == "{}");
  CHECK(decode_html_entities("&#x1F600;&#X41;&#0065;") == "😀AA");
  // Not entities (Babel leaves them as written):
  CHECK(decode_html_entities("&unknown;") == "&unknown;");
  CHECK(decode_html_entities("&amp") == "&amp");
  CHECK(decode_html_entities("& amp;") == "& amp;");
  CHECK(decode_html_entities("&;") == "&;");
  CHECK(decode_html_entities("&#;&#x;") == "&#;&#x;");
  CHECK(decode_html_entities("&#xD800;") == "&#xD800;");
  CHECK(decode_html_entities("&#x110000;") == "&#x110000;");
  CHECK(decode_html_entities("&AMP;") == "&AMP;");  // names are case-sensitive
  CHECK(decode_html_entities("&thisisfartoolong;") == "&thisisfartoolong;");
  CHECK(decode_html_entities("&&amp;") == "&&");
}

TEST_CASE("cook_jsx_text: Babel's JSX whitespace rules", "[cook][jsx]") {
  // One line: kept exactly, whitespace included.
  CHECK(cook_jsx_text("hello") == "hello");
  CHECK(cook_jsx_text("  hello  ") == "  hello  ");
  CHECK(cook_jsx_text("   ") == "   ");
  // Whitespace touching a line break is trimmed; lines join with one space.
  CHECK(cook_jsx_text("\n  hello\n") == "hello");
  CHECK(cook_jsx_text("\n    hello\n    world\n  ") == "hello world");
  CHECK(cook_jsx_text("hello\n\n\n   world") == "hello world");
  CHECK(cook_jsx_text("  a  \n  b  ") == "  a b  ");
  CHECK(cook_jsx_text("a \n") == "a");
  CHECK(cook_jsx_text("\n b") == "b");
  // Only whitespace with a line break: no child at all.
  CHECK(cook_jsx_text("\n") == "");
  CHECK(cook_jsx_text("  \n  \t\n ") == "");
  // CR LF and lone CR are line breaks too.
  CHECK(cook_jsx_text("\r\n  a\r\n  b\r\n") == "a b");
  CHECK(cook_jsx_text("a\rb") == "a b");
  // Tabs become spaces, also inside a line.
  CHECK(cook_jsx_text("a\tb") == "a b");
  CHECK(cook_jsx_text("\t\thello\t\n") == "  hello");
  // Entities are decoded; &nbsp; is not whitespace for these rules.
  CHECK(cook_jsx_text("\n  Tom &amp; Jerry\n") == "Tom & Jerry");
  CHECK(cook_jsx_text("&nbsp;\n  x") == "\xC2\xA0 x");
  CHECK(cook_jsx_text("\n  &lt;b&gt; &#169; &#x2603;\n") == "<b> © ☃");
  // Babel decodes before it cleans, so an encoded line break splits lines like a real one.
  CHECK(cook_jsx_text("a&#10;  b") == "a b");
  // Other Unicode spaces are content, not trimmed (Babel trims only space and tab).
  CHECK(cook_jsx_text("\n\xE3\x80\x80x\n") == "\xE3\x80\x80x");
}
