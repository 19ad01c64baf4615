// The op buffer (schemas/ops.md): raw words and header, every DOM op's operands, string interning, the
// NUL-safe string path, TEMPLATE/CLONE/INSERT from dx_start.
#include <catch2/catch.hpp>
#include <cstring>
#include <string>

#include "abi.h"
#include "dx/schema/ops.h"
#include "harness.h"
#include "str.h"

namespace rt = dx::rt;
namespace sc = dx::schema;
using namespace dxt;

namespace {
uint32_t make(const std::string& s) {
  return rt::str_from_utf8(reinterpret_cast<const uint8_t*>(s.data()), uint32_t(s.size()));
}
}  // namespace

TEST_CASE("ops: dx_start sends templates, clones the page and mounts it in node 1", "[ops]") {
  Harness h;
  Batch b = h.start();
  REQUIRE(b.ops.size() >= 4 + 1 + 2);
  for (uint32_t t = 0; t < 4; ++t) {
    const Op& op = b.ops[t];
    REQUIRE(op.code == sc::kOpTemplate);
    CHECK(op.args[0] == t);
  }
  CHECK(b.str(b.ops[0].args[1]) == "<main><ul></ul><p> </p></main><!---->");
  CHECK(b.str(b.ops[0].args[2]) == "f fn ff ffnf");
  CHECK(b.str(b.ops[2].args[2]) == "f fn ff");
  const Op& clone = b.ops[4];
  REQUIRE(clone.code == sc::kOpClone);
  CHECK(clone.args[0] == kTplPage);
  CHECK(clone.args[1] == 4);
  CHECK(clone.args[2] == 2);  // ids start at 2: 0 is null, 1 the mount element
  CHECK(clone.args[5] == 5);
  CHECK(b.ops[5].code == sc::kOpInsert);
  CHECK(b.ops[5].args == std::vector<uint32_t>{1, 2, 0});
  CHECK(b.ops[6].args == std::vector<uint32_t>{1, 3, 0});
  CHECK(h.dom.at(1).children == std::vector<uint32_t>{2, 3});
  CHECK(h.page_node(kPnUl) == 4);
}

TEST_CASE("ops: raw words, header and string table of a small batch", "[ops]") {
  Harness h;
  h.start();
  uint32_t node = h.page_node(kPnText);
  h.handler[kHClick] = [node](Ref, Ref) { dx_text(node, make("hi")); };
  Ref in = dx_input(0);
  (void)in;
  Ref header = dx_dispatch(kHClick, h.page_node(kPnMain), 0, 0, 0);
  CHECK(rt::ld32(header + 0) == 3);  // op words
  Ref ops = rt::ld32(header + 4);
  CHECK(rt::ld32(ops) == sc::kOpText);
  CHECK(rt::ld32(ops + 4) == node);
  CHECK(rt::ld32(ops + 8) == 0);
  CHECK(rt::ld32(header + 8) == 1);   // one string
  CHECK(rt::ld32(header + 16) == 3);  // "hi\0"
  CHECK(std::memcmp(rt::mem(rt::ld32(header + 12)), "hi\0", 3) == 0);
  CHECK(rt::ld32(header + 20) == 0);  // no U+0000: cut at NUL
}

TEST_CASE("ops: each DOM call encodes its operands", "[ops]") {
  Harness h;
  h.start();
  uint32_t n = h.page_node(kPnMain), cls = h.static_str("class"), val = h.static_str("value");
  uint32_t checked = h.static_str("checked"), on = h.static_str("on");
  h.handler[kHClick] = [&](Ref, Ref) {
    dx_attr(n, cls, make("a b"));
    dx_attr_remove(n, cls);
    dx_prop_str(n, val, make("typed"));
    dx_prop_bool(n, checked, 7);
    dx_class(n, make("x y"));
    dx_class_toggle(n, on, 1);
    dx_class_toggle(n, on, 0);
    dx_listen(n, kHKey);
    dx_text(h.page_node(kPnText), 0);
  };
  Batch b = h.dispatch(kHClick, n);
  REQUIRE(b.ops.size() == 9);
  auto s = [&](size_t i, size_t k) { return b.str(b.ops[i].args[k]); };
  CHECK(b.ops[0].code == sc::kOpAttr);
  CHECK((s(0, 1) == "class" && s(0, 2) == "a b"));
  CHECK(b.ops[1].code == sc::kOpRemoveAttr);
  CHECK(b.ops[1].args[1] == b.ops[0].args[1]);  // "class" interned: one table entry per batch
  CHECK((b.ops[2].code == sc::kOpProp && s(2, 1) == "value" && s(2, 2) == "typed"));
  CHECK((b.ops[3].code == sc::kOpPropBool && s(3, 1) == "checked" && b.ops[3].args[2] == 1));
  CHECK((b.ops[4].code == sc::kOpClass && s(4, 1) == "x y"));
  CHECK((b.ops[5].code == sc::kOpClassToggle && b.ops[5].args[2] == 1 && b.ops[6].args[2] == 0));
  CHECK(b.ops[7].code == sc::kOpListen);
  CHECK(b.ops[7].args == std::vector<uint32_t>{n, b.ops[7].args[1], kHKey, 10});
  CHECK(s(7, 1) == "keydown");
  CHECK((b.ops[8].code == sc::kOpText && s(8, 1).empty()));
  CHECK(h.dom.at(n).attrs.empty());
  CHECK(h.dom.at(n).props["checked"] == "true");
  CHECK(h.dom.at(n).cls == "x y");
  CHECK(h.dom.at(n).listeners["keydown"] == kHKey);
  // class, a b, value, typed, checked, x y, on, keydown, "": "class" and "on" are sent once each.
  CHECK(b.strings.size() == 9);
}

TEST_CASE("ops: strings containing U+0000 switch the batch to explicit lengths", "[ops]") {
  Harness h;
  h.start();
  const std::string with_nul("a\0b", 3), astral = "\xF0\x9F\x98\x80 x", bom = "\xEF\xBB\xBF" "lead";
  h.handler[kHClick] = [&](Ref, Ref) {
    dx_text(h.page_node(kPnText), make(bom));
    dx_text(h.page_node(kPnText), make(with_nul));
    dx_text(h.page_node(kPnText), make(astral));
    dx_text(h.page_node(kPnText), make(""));
  };
  Batch b = h.dispatch(kHClick, h.page_node(kPnMain));
  CHECK(b.sized);
  REQUIRE(b.strings.size() == 4);
  CHECK(b.strings[0] == bom);
  CHECK(b.strings[1] == with_nul);
  CHECK(b.strings[2] == astral);
  CHECK(b.strings[3].empty());
  // The next batch without U+0000 is back to NUL-separated.
  h.handler[kHClick] = [&](Ref, Ref) { dx_text(h.page_node(kPnText), make(astral)); };
  b = h.dispatch(kHClick, h.page_node(kPnMain));
  CHECK_FALSE(b.sized);
  CHECK(b.strings == std::vector<std::string>{astral});
}

TEST_CASE("ops: OpCursor rejects truncated and unknown ops", "[ops]") {
  const uint32_t ok[] = {sc::kOpClone, 1, 2, 7, 8, sc::kOpRemove, 7};
  const uint32_t truncated[] = {sc::kOpClone, 1, 3, 7, 8};
  const uint32_t unknown[] = {99, 1};
  uint32_t op, n;
  const uint32_t* args;
  sc::OpCursor a{ok, 7};
  REQUIRE(a.next(&op, &args, &n));
  CHECK((op == sc::kOpClone && n == 4 && args[3] == 8));
  REQUIRE(a.next(&op, &args, &n));
  CHECK((op == sc::kOpRemove && n == 1));
  CHECK_FALSE(a.next(&op, &args, &n));
  CHECK_FALSE(a.bad);
  sc::OpCursor b{truncated, 5};
  CHECK_FALSE(b.next(&op, &args, &n));
  CHECK(b.bad);
  sc::OpCursor c{unknown, 2};
  CHECK_FALSE(c.next(&op, &args, &n));
  CHECK(c.bad);
  for (uint32_t code = 1; code < sc::kOpCount; ++code) CHECK(sc::op_name(code) != nullptr);
}
