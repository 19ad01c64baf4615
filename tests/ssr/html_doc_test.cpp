// dx::ssr::HtmlDoc — op batches applied to a tree and serialized, with hand-built batches (schemas/ops.md).
#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>

#include <cstring>
#include <string>
#include <vector>

#include "dx/schema/ops.h"
#include "dx/ssr/html_doc.h"

using namespace dx::schema;

namespace {

// Lays a batch out in a fake linear memory as the runtime does: ops, NUL-separated strings, the header.
struct BatchBuilder {
  std::vector<uint32_t> ops;
  std::vector<std::string> strings;
  bool with_lengths = false;

  uint32_t s(const std::string& v) {
    strings.push_back(v);
    return uint32_t(strings.size() - 1);
  }
  BatchBuilder& op(Op code, std::vector<uint32_t> args) {
    ops.push_back(code);
    ops.insert(ops.end(), args.begin(), args.end());
    return *this;
  }
  // Returns the memory; the header is at 0.
  std::vector<uint8_t> memory() const {
    std::vector<uint8_t> mem(64);
    auto put32 = [&](size_t at, uint32_t v) {
      if (mem.size() < at + 4) mem.resize(at + 4);
      std::memcpy(mem.data() + at, &v, 4);
    };
    uint32_t ops_at = 64;
    for (size_t i = 0; i < ops.size(); i++) put32(ops_at + 4 * i, ops[i]);
    uint32_t str_at = uint32_t(ops_at + 4 * ops.size());
    std::string table;
    for (const std::string& v : strings) table += v + '\0';
    mem.resize(str_at + table.size());
    std::memcpy(mem.data() + str_at, table.data(), table.size());
    uint32_t lens_at = 0;
    if (with_lengths) {
      lens_at = uint32_t((mem.size() + 3) & ~size_t(3));
      for (size_t i = 0; i < strings.size(); i++) {
        uint32_t units = 0;  // UTF-16 units of a UTF-8 string
        for (size_t k = 0; k < strings[i].size(); k++) {
          unsigned char c = static_cast<unsigned char>(strings[i][k]);
          if ((c & 0xC0) != 0x80) units += c >= 0xF0 ? 2 : 1;
        }
        put32(lens_at + 4 * i, units);
      }
    }
    put32(0, uint32_t(ops.size()));
    put32(4, ops_at);
    put32(8, uint32_t(strings.size()));
    put32(12, str_at);
    put32(16, uint32_t(table.size()));
    put32(20, lens_at);
    mem.resize((mem.size() + 3) & ~size_t(3));
    return mem;
  }
};

std::string apply_ok(dx::ssr::HtmlDoc& doc, const BatchBuilder& b) {
  std::vector<uint8_t> mem = b.memory();
  std::string err;
  INFO(err);
  REQUIRE(doc.apply(mem.data(), uint32_t(mem.size()), 0, &err));
  return doc.inner_html();
}

std::string apply_err(const BatchBuilder& b) {
  dx::ssr::HtmlDoc doc;
  std::vector<uint8_t> mem = b.memory();
  std::string err;
  CHECK_FALSE(doc.apply(mem.data(), uint32_t(mem.size()), 0, &err));
  return err;
}

}  // namespace

TEST_CASE("a template cloned, filled and inserted serializes as the browser would show it", "[ssr]") {
  BatchBuilder b;
  uint32_t html = b.s("<ul class=\"list\"><li>one</li><li data-x=\"a&amp;b\"> </li></ul><p> </p>");
  uint32_t paths = b.s("f fn ffnf fnf");
  b.op(kOpTemplate, {0, html, paths});
  b.op(kOpClone, {0, 4, 2, 3, 4, 5});
  b.op(kOpText, {4, b.s("a < b & \"c\"")});
  b.op(kOpText, {5, b.s("x\xC2\xA0y")});
  b.op(kOpAttr, {3, b.s("title"), b.s("say \"hi\" & <bye>")});
  b.op(kOpInsert, {1, 2, 0});
  b.op(kOpInsert, {1, 3, 0});
  dx::ssr::HtmlDoc doc;
  CHECK(apply_ok(doc, b) ==
        "<ul class=\"list\"><li>one</li><li data-x=\"a&amp;b\">a &lt; b &amp; \"c\"</li></ul>"
        "<p title=\"say &quot;hi&quot; &amp; <bye>\">x&nbsp;y</p>");
}

TEST_CASE("classes, properties, removal, clear and moves", "[ssr]") {
  BatchBuilder b;
  b.op(kOpTemplate, {0, b.s("<div class=\"a b\"><input type=\"checkbox\"><textarea>old</textarea><span>s</span></div>"),
                     b.s("f ff ffn ffn2")});
  b.op(kOpClone, {0, 4, 2, 3, 4, 5});
  b.op(kOpClassToggle, {2, b.s("b"), 0});
  b.op(kOpClassToggle, {2, b.s("c"), 1});
  b.op(kOpClassToggle, {2, b.s("c"), 1});
  b.op(kOpPropBool, {3, b.s("checked"), 1});
  b.op(kOpProp, {3, b.s("value"), b.s("on")});
  b.op(kOpProp, {4, b.s("value"), b.s("new <text>")});
  b.op(kOpInsert, {1, 2, 0});
  dx::ssr::HtmlDoc doc;
  CHECK(apply_ok(doc, b) ==
        "<div class=\"a c\"><input type=\"checkbox\" checked=\"\" value=\"on\"><textarea>new &lt;text&gt;</textarea>"
        "<span>s</span></div>");

  BatchBuilder m;  // the same document, next batch: move the span first, remove the textarea, then clear
  m.op(kOpInsert, {2, 5, 3});
  m.op(kOpRemove, {4});
  m.op(kOpFree, {4});
  m.op(kOpPropBool, {3, m.s("checked"), 0});
  m.op(kOpProp, {3, m.s("value"), m.s("")});
  m.op(kOpClass, {2, m.s("z")});
  CHECK(apply_ok(doc, m) == "<div class=\"z\"><span>s</span><input type=\"checkbox\"></div>");

  BatchBuilder c;
  c.op(kOpClear, {2});
  CHECK(apply_ok(doc, c) == "<div class=\"z\"></div>");
}

TEST_CASE("adjacent text nodes stay apart; empty ones vanish; comments and void elements", "[ssr]") {
  BatchBuilder b;
  b.op(kOpTemplate, {0, b.s("<p> </p><br><!---->"), b.s("f ff fn fn2")});
  b.op(kOpTemplate, {1, b.s(" "), b.s("f")});
  b.op(kOpClone, {0, 4, 2, 3, 4, 5});
  b.op(kOpText, {3, b.s("a")});
  for (uint32_t id : {6u, 7u, 8u}) b.op(kOpClone, {1, 1, id});
  b.op(kOpText, {6, b.s("b")});
  b.op(kOpText, {7, b.s("")});
  b.op(kOpText, {8, b.s("c")});
  for (uint32_t id : {6u, 7u, 8u}) b.op(kOpInsert, {2, id, 0});
  for (uint32_t id : {2u, 4u, 5u}) b.op(kOpInsert, {1, id, 0});
  dx::ssr::HtmlDoc doc;
  CHECK(apply_ok(doc, b) == "<p>a<!---->b<!---->c</p><br><!---->");
}

TEST_CASE("TEXT_NUM prints its double as JavaScript's String does", "[ssr]") {
  // The double's bits as the op carries them: the low word, then the high one.
  auto num = [](BatchBuilder& b, uint32_t node, double v) {
    uint64_t bits;
    std::memcpy(&bits, &v, 8);
    b.op(kOpTextNum, {node, uint32_t(bits), uint32_t(bits >> 32)});
  };
  const std::vector<std::pair<double, const char*>> cases = {
      {0.0, "0"}, {-0.0, "0"}, {1.0 / 3, "0.3333333333333333"}, {0.1 + 0.2, "0.30000000000000004"}, {1e21, "1e+21"},
      {-1e21, "-1e+21"}, {123456789012345680000.0, "123456789012345680000"}, {5e-7, "5e-7"}, {0.000001, "0.000001"},
      {-1.7976931348623157e308, "-1.7976931348623157e+308"}, {5e-324, "5e-324"}, {HUGE_VAL, "Infinity"},
      {-HUGE_VAL, "-Infinity"}, {std::nan(""), "NaN"}, {42, "42"}, {-7.25, "-7.25"}};
  BatchBuilder b;
  b.op(kOpTemplate, {0, b.s("<i> </i>"), b.s("f ff")});
  std::string want;
  uint32_t id = 2;
  for (const auto& [v, text] : cases) {
    b.op(kOpClone, {0, 2, id, id + 1});
    num(b, id + 1, v);
    b.op(kOpInsert, {1, id, 0});
    want += std::string("<i>") + text + "</i>";
    id += 2;
  }
  dx::ssr::HtmlDoc doc;
  CHECK(apply_ok(doc, b) == want);
  BatchBuilder bad;  // on an element: refused
  bad.op(kOpTemplate, {0, bad.s("<i> </i>"), bad.s("f ff")});
  bad.op(kOpClone, {0, 2, 2, 3});
  num(bad, 2, 1.5);
  CHECK(apply_err(bad).find("TEXT_NUM") != std::string::npos);
}

TEST_CASE("the string-lengths table cuts strings that hold U+0000 and non-BMP text", "[ssr]") {
  BatchBuilder b;
  b.with_lengths = true;
  b.op(kOpTemplate, {0, b.s("<b> </b>"), b.s("f ff")});
  b.op(kOpClone, {0, 2, 2, 3});
  b.op(kOpText, {3, b.s("\xF0\x9F\x98\x80 ok")});
  b.op(kOpInsert, {1, 2, 0});
  dx::ssr::HtmlDoc doc;
  CHECK(apply_ok(doc, b) == "<b>\xF0\x9F\x98\x80 ok</b>");
}

TEST_CASE("clones share their template's attributes until one changes; kept strings survive many batches", "[ssr]") {
  BatchBuilder b;
  b.op(kOpTemplate, {0, b.s("<li class=\"row\" title=\"t\"><img alt=\"x\"> </li>"), b.s("f ff ffn")});
  b.op(kOpTemplate, {1, b.s("<style>a > b { }</style>"), b.s("f")});
  for (uint32_t k = 0; k < 3; k++) b.op(kOpClone, {0, 3, 2 + 3 * k, 3 + 3 * k, 4 + 3 * k});
  b.op(kOpClassToggle, {2, b.s("on"), 1});      // the first clone's list becomes its own …
  b.op(kOpRemoveAttr, {5, b.s("title")});       // … and the second's
  b.op(kOpAttr, {8, b.s("title"), b.s("t")});   // the same value: nothing to copy
  b.op(kOpClone, {1, 1, 11});
  for (uint32_t k = 0; k < 3; k++) b.op(kOpInsert, {1, 2 + 3 * k, 0});
  b.op(kOpInsert, {1, 11, 0});
  dx::ssr::HtmlDoc doc;
  CHECK(apply_ok(doc, b) ==
        "<li class=\"row on\" title=\"t\"><img alt=\"x\"> </li><li class=\"row\"><img alt=\"x\"> </li>"
        "<li class=\"row\" title=\"t\"><img alt=\"x\"> </li><style>a > b { }</style>");

  // Texts beyond one block of kept strings (64 KiB), one longer than a block: each stays intact.
  dx::ssr::HtmlDoc big;
  BatchBuilder t;
  t.op(kOpTemplate, {0, t.s("<p> </p>"), t.s("f ff")});
  std::string expected;
  for (uint32_t k = 0; k < 40; k++) {
    std::string text = k == 20 ? std::string(100000, 'L') : std::string(3000 + k, char('a' + k % 26));
    t.op(kOpClone, {0, 2, 2 + 2 * k, 3 + 2 * k});
    t.op(kOpText, {3 + 2 * k, t.s(text)});
    t.op(kOpInsert, {1, 2 + 2 * k, 0});
    expected += "<p>" + text + "</p>";
  }
  CHECK(apply_ok(big, t) == expected);
  BatchBuilder u;  // a later batch: its memory is gone after apply, the document keeps its own copies
  u.op(kOpText, {3, u.s("changed")});
  expected.replace(3, 3000, "changed");
  CHECK(apply_ok(big, u) == expected);
}

TEST_CASE("listeners are remembered for live nodes only, a reused id does not inherit them", "[ssr]") {
  BatchBuilder b;
  b.op(kOpTemplate, {0, b.s("<button>x</button>"), b.s("f")});
  b.op(kOpClone, {0, 1, 2});
  b.op(kOpListen, {2, b.s("click"), 7, kListenPreventDefault});
  b.op(kOpClone, {0, 1, 3});
  b.op(kOpListen, {3, b.s("input"), 8, kListenValue});
  b.op(kOpInsert, {1, 2, 0});
  b.op(kOpInsert, {1, 3, 0});
  b.op(kOpRemove, {2});
  b.op(kOpFree, {2});
  b.op(kOpClone, {0, 1, 2});  // id 2 again, a new node
  b.op(kOpInsert, {1, 2, 0});
  dx::ssr::HtmlDoc doc;
  apply_ok(doc, b);
  std::vector<dx::ssr::Listener> ls = doc.listeners();
  REQUIRE(ls.size() == 1);
  CHECK(ls[0].node == 3);
  CHECK(ls[0].event == "input");
  CHECK(ls[0].handler == 8);
  CHECK(ls[0].flags == kListenValue);
}

TEST_CASE("ERROR and CONSOLE ops are collected", "[ssr]") {
  BatchBuilder b;
  b.op(kOpError, {b.s("Error: boom\n    at pages/index.tsx:3:9")});
  b.op(kOpConsole, {1, b.s("careful")});
  dx::ssr::HtmlDoc doc;
  apply_ok(doc, b);
  REQUIRE(doc.errors().size() == 1);
  CHECK(doc.errors()[0].find("boom") != std::string::npos);
  REQUIRE(doc.console().size() == 1);
  CHECK(doc.console()[0] == "warn: careful");
}

TEST_CASE("malformed batches are refused with a reason, never crash", "[ssr]") {
  {
    BatchBuilder b;
    b.op(kOpText, {9, b.s("x")});
    CHECK(apply_err(b).find("TEXT") != std::string::npos);  // unknown node id
  }
  {
    BatchBuilder b;
    b.op(kOpClone, {3, 0});
    CHECK(apply_err(b).find("unknown template") != std::string::npos);
  }
  {
    BatchBuilder b;
    b.op(kOpTemplate, {0, b.s("<i></i>"), b.s("f fff")});
    b.op(kOpClone, {0, 2, 2, 3});
    CHECK(apply_err(b).find("leaves the template") != std::string::npos);
  }
  {
    BatchBuilder b;  // a node inserted into its own descendant
    b.op(kOpTemplate, {0, b.s("<div><span></span></div>"), b.s("f ff")});
    b.op(kOpClone, {0, 2, 2, 3});
    b.op(kOpInsert, {3, 2, 0});
    CHECK(apply_err(b).find("INSERT") != std::string::npos);
  }
  {
    BatchBuilder b;
    b.ops = {99};
    CHECK_FALSE(apply_err(b).empty());
  }
  {
    BatchBuilder b;  // a string index past the table
    b.op(kOpError, {5});
    CHECK(apply_err(b).find("ERROR") != std::string::npos);
  }
  dx::ssr::HtmlDoc doc;
  std::vector<uint8_t> tiny(8, 0xFF);
  std::string err;
  CHECK_FALSE(doc.apply(tiny.data(), uint32_t(tiny.size()), 0, &err));
  BatchBuilder ok;
  std::vector<uint8_t> mem = ok.memory();
  CHECK_FALSE(doc.apply(mem.data(), uint32_t(mem.size()), uint32_t(mem.size()), &err));
  // Every truncation of a valid batch's memory is refused or applied, never read past the end.
  BatchBuilder b;
  b.op(kOpTemplate, {0, b.s("<p> </p>"), b.s("f ff")});
  b.op(kOpClone, {0, 2, 2, 3});
  b.op(kOpInsert, {1, 2, 0});
  std::vector<uint8_t> full = b.memory();
  for (size_t n = 0; n < full.size(); n++) {
    std::vector<uint8_t> cut(full.begin(), full.begin() + long(n));
    dx::ssr::HtmlDoc d;
    d.apply(cut.data(), uint32_t(cut.size()), 0, &err);
  }
}
