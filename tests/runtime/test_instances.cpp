// Instances and the batch lifecycle: the event record, owner lookup (freed nodes ignored), flush order and
// the runaway-update bound, dx_destroy (nested rows send no REMOVE), recovery after a trap, a bad dxb.
#include <catch2/catch.hpp>
#include <cstring>
#include <stdexcept>
#include <string>

#include "abi.h"
#include "harness.h"
#include "nodes.h"
#include "object.h"
#include "page.h"

namespace rt = dx::rt;
using namespace dxt;

namespace {

Ref add_child(Ref page) {
  uint32_t child = dx_new_instance(kShpChild, kBlkChild, page);
  dx_write_ref(page, page + kPgChild, child);  // an owned field: instances are never counted
  dxgen_block_create(child);
  dx_mount(child, 0, rt::ld32(page + kPgIds + 4 * kPnAnchor));
  return child;
}

}  // namespace

TEST_CASE("dispatch: the handler gets the event record with decoded strings", "[dispatch]") {
  Harness h;
  h.start();
  std::string value, key;
  uint32_t checked = 99, calls = 0;
  h.handler[kHKey] = [&](Ref inst, Ref ev) {
    ++calls;
    CHECK(inst == h.page());
    CHECK(rt::is_arena(ev));
    value = read_str(rt::ld32(ev));
    key = read_str(rt::ld32(ev + 4));
    checked = rt::ld32(ev + 8);
  };
  h.dispatch(kHKey, h.page_node(kPnText), "h\xC3\xA9llo \xF0\x9F\x98\x80", "Enter", 1);
  CHECK(calls == 1);
  CHECK(value == "h\xC3\xA9llo \xF0\x9F\x98\x80");
  CHECK(key == "Enter");
  CHECK(checked == 1);
  h.dispatch(kHKey, h.page_node(kPnText));
  CHECK((value.empty() && key.empty() && checked == 0));
  h.dispatch(kHKey, 999);  // unknown id: ignored
  h.dispatch(kHKey, 0);
  h.dispatch(7, h.page_node(kPnMain));  // unknown handler: ignored
  CHECK(calls == 2);
}

TEST_CASE("dispatch: the handler runs on the nearest instance of its block, freed nodes are ignored",
          "[dispatch]") {
  Harness h;
  h.create[kBlkPage] = [](Ref page) {
    dx_clone(page, kTplPage, kPgIds);
    add_child(page);
  };
  h.start();
  Ref child = rt::ld32(h.page() + kPgChild);
  uint32_t span = rt::ld32(child + kChIds);
  Ref seen = 0;
  h.handler[kHClick] = [&](Ref inst, Ref) { seen = inst; };
  h.dispatch(kHClick, span);  // a node of the child; the handler belongs to the page block
  CHECK(seen == h.page());
  h.handler[kHKey] = [&](Ref pg, Ref) {
    dx_destroy(rt::ld32(pg + kPgChild));
    rt::st32(pg + kPgChild, 0);
  };
  h.dispatch(kHKey, h.page_node(kPnMain));
  CHECK(rt::node_owner(span) == 0);
  seen = 0;
  h.dispatch(kHClick, span);  // a click that raced with the removal
  CHECK(seen == 0);
}

TEST_CASE("flush: parents update before children, follow-up invalidations run, dirty is cleared",
          "[flush]") {
  Harness h;
  h.create[kBlkPage] = [](Ref page) {
    dx_clone(page, kTplPage, kPgIds);
    add_child(page);
  };
  h.start();
  Ref page = h.page(), child = rt::ld32(page + kPgChild);
  CHECK(rt::inst_depth(child) == 1);
  std::vector<Ref> order;
  uint32_t page_dirty_seen = 0;
  h.update[kBlkPage] = [&](Ref inst, uint32_t mask) {
    order.push_back(inst);
    page_dirty_seen = rt::ld32(inst + 16);
    CHECK(mask == 0);
    dx_invalidate(child, 8);  // an update may invalidate more
  };
  h.update[kBlkChild] = [&](Ref inst, uint32_t) { order.push_back(inst); };
  h.handler[kHClick] = [&](Ref, Ref) {
    dx_invalidate(child, 1);
    dx_invalidate(page, 2);
    dx_invalidate(page, 4);
  };
  h.dispatch(kHClick, h.page_node(kPnMain));
  REQUIRE(order.size() == 2);
  CHECK(order[0] == page);
  CHECK(order[1] == child);
  CHECK(page_dirty_seen == 6);
  CHECK(rt::ld32(page + 16) == 0);
  CHECK(rt::ld32(child + 16) == 0);
  CHECK((rt::inst_flags(child) & rt::kFlagQueued) == 0);
}

TEST_CASE("flush: an update that keeps invalidating is stopped with an ERROR op", "[flush]") {
  Harness h;
  h.start();
  uint32_t runs = 0;
  h.update[kBlkPage] = [&](Ref inst, uint32_t) {
    ++runs;
    dx_invalidate(inst, 1);
  };
  h.handler[kHClick] = [](Ref inst, Ref) { dx_invalidate(inst, 1); };
  h.dispatch(kHClick, h.page_node(kPnMain));
  REQUIRE(h.dom.errors == 1);
  CHECK(h.dom.error_messages[0].find("flush") != std::string::npos);
  CHECK(runs > 100);
  CHECK(runs < 10000);
  h.update[kBlkPage] = nullptr;
  h.dispatch(kHClick, h.page_node(kPnMain));  // the queue was reset: the runtime carries on
  CHECK(h.dom.errors == 1);
}

TEST_CASE("destroy: the page and everything it owns, rows inside its nodes send no REMOVE", "[destroy]") {
  Harness h;
  h.create[kBlkPage] = [](Ref page) {
    dx_clone(page, kTplPage, kPgIds);
    add_child(page);
    uint32_t a = dx_new_array(0, 0);
    for (int i = 0; i < 5; ++i) dx_array_push_f64(a, i);
    dx_for(page, kPgList, a, 0, kBlkRow, rt::ld32(page + kPgIds + 4 * kPnUl), 0, 0, 0);
  };
  h.start();
  CHECK(h.dom.at(h.page_node(kPnUl)).children.size() == 5);
  CHECK(rt::nodes_live() == 4 + 3 + 10);
  h.handler[kHClick] = [](Ref page, Ref) {
    dx_write_ref(page, page + kPgStr, dx_num_to_str(1));  // a logged slot in a holder about to die
    dx_destroy(page);
  };
  h.dom.reset_counts();
  h.dispatch(kHClick, h.page_node(kPnMain));
  CHECK(h.dom.at(1).children.empty());
  CHECK(h.dom.removes == 2 + 2);  // the page's roots and the anchored child's; no row
  CHECK(h.dom.frees == 17);
  CHECK(rt::nodes_live() == 0);
  uint32_t calls = 0;
  h.handler[kHClick] = [&](Ref, Ref) { ++calls; };
  h.dispatch(kHClick, 2);
  CHECK(calls == 0);
}

TEST_CASE("recovery: a batch that trapped is collected by the next one", "[dispatch]") {
  Harness h;
  h.start();
  rt::native::hooks.fatal = [](const char* what) { throw std::runtime_error(what); };
  h.handler[kHClick] = [](Ref page, Ref) {
    uint32_t s = dx_num_to_str(42);
    dx_write_ref(page, page + kPgStr, s);  // logged, not yet evacuated
    dx_clone(page, 3, kPgIds);             // wrong template: the runtime traps
  };
  Ref in = dx_input(0);
  (void)in;
  CHECK_THROWS_WITH(dx_dispatch(kHClick, h.page_node(kPnMain), 0, 0, 0),
                    Catch::Matchers::Contains("dx_clone"));
  h.handler[kHClick] = [](Ref, Ref) {};
  Batch b = h.dispatch(kHClick, h.page_node(kPnMain));  // a trap that is not an app `throw`: a generic report
  REQUIRE(b.count(dx::schema::kOpError) == 1);
  CHECK(b.str(b.ops[0].args[0]).find("aborted the last call") != std::string::npos);
  uint32_t s = rt::ld32(h.page() + kPgStr);
  CHECK(rt::is_heap(s));
  CHECK(read_str(s) == "42");
  CHECK(rt::ld32(s) == 1);
}

TEST_CASE("throw: reported with its location by the next batch, writes before it stand", "[dispatch][throw]") {
  Harness h;
  h.start();
  struct Trap {};
  uint32_t updates = 0;
  h.update[kBlkPage] = [&](Ref, uint32_t) { ++updates; };
  h.handler[kHClick] = [&](Ref page, Ref) {
    dx_write_ref(page, page + kPgStr, dx_num_to_str(42));  // a write before the throw
    dx_invalidate(page, 1);
    dx_throw(h.static_str("bad \xE9vent"), h.static_str("pages/index.tsx:12:5"));
    throw Trap{};  // generated code traps (`unreachable`) right after dx_throw
  };
  Ref in = dx_input(0);
  (void)in;
  CHECK_THROWS_AS(dx_dispatch(kHClick, h.page_node(kPnMain), 0, 0, 0), Trap);
  CHECK(updates == 0);
  Batch b = decode_batch(dx_dispatch(0xFFFFFFFFu, 0, 0, 0, 0));  // what dx.js does after a trap
  REQUIRE(b.count(dx::schema::kOpError) == 1);
  CHECK(b.str(b.ops[0].args[0]) == "Error: bad \xC3\xA9vent\n    at pages/index.tsx:12:5");
  CHECK(updates == 1);  // the invalidation before the throw was flushed
  uint32_t s = rt::ld32(h.page() + kPgStr);
  CHECK((rt::is_heap(s) && read_str(s) == "42"));
  // The app keeps running; an empty message reads "Error".
  uint32_t calls = 0;
  h.handler[kHClick] = [&](Ref, Ref) {
    if (++calls == 2) { dx_throw(0, h.static_str("a.tsx:1:1")); throw Trap{}; }
  };
  CHECK(h.dispatch(kHClick, h.page_node(kPnMain)).count(dx::schema::kOpError) == 0);
  CHECK_THROWS_AS(dx_dispatch(kHClick, h.page_node(kPnMain), 0, 0, 0), Trap);
  Batch e = h.dispatch(kHClick, h.page_node(kPnMain));  // no recovery call: the next event reports it
  REQUIRE(e.count(dx::schema::kOpError) == 1);
  CHECK(e.str(e.ops[0].args[0]) == "Error\n    at a.tsx:1:1");
  CHECK(calls == 3);
}

TEST_CASE("start: an invalid app.dxb is reported, not trusted", "[dispatch]") {
  Harness h;
  rt::st8(1024, 'X');  // break the magic
  Batch b = h.start();
  REQUIRE(b.ops.size() == 1);
  CHECK(b.ops[0].code == dx::schema::kOpError);
  CHECK(b.str(b.ops[0].args[0]).find("app.dxb is invalid: bad magic") != std::string::npos);
  Ref in = dx_input(0);
  (void)in;
  Batch d = decode_batch(dx_dispatch(0, 2, 0, 0, 0));
  CHECK(d.ops.empty());
}

TEST_CASE("destroy: rows of a list at a slot anchor inside the owner send no REMOVE", "[destroy]") {
  Harness h;
  h.create[kBlkPage] = [](Ref page) {
    dx_clone(page, kTplPage, kPgIds);
    uint32_t a = dx_new_array(0, 0);
    for (int i = 0; i < 4; ++i) dx_array_push_f64(a, i);
    // parent 0, anchor = a slot node inside <main>, as dxc emits a list among other children
    dx_for(page, kPgList, a, 0, kBlkRow, 0, rt::ld32(page + kPgIds + 4 * kPnText), 0, 0);
  };
  h.start();
  uint32_t main = h.page_node(kPnMain);
  std::vector<std::string> texts;
  for (uint32_t c : h.dom.at(main).children) texts.push_back(h.dom.text_of(c));
  CHECK(texts == std::vector<std::string>{"", "0", "1", "2", "3", ""});  // ul, rows, the anchor (text slot)
  h.handler[kHClick] = [](Ref page, Ref) {
    uint32_t a = dx_new_array(0, 0);
    for (int i : {3, 1, 2, 0}) dx_array_push_f64(a, i);
    dx_for(page, kPgList, a, 0, kBlkRow, 0, rt::ld32(page + kPgIds + 4 * kPnText), 0, 0);
  };
  h.dom.reset_counts();
  h.dispatch(kHClick, main);
  texts.clear();
  for (uint32_t c : h.dom.at(main).children) texts.push_back(h.dom.text_of(c));
  CHECK(texts == std::vector<std::string>{"", "3", "1", "2", "0", ""});
  CHECK(h.dom.moves == 2);
  h.handler[kHClick] = [](Ref page, Ref) { dx_destroy(page); };
  h.dom.reset_counts();
  h.dispatch(kHClick, main);
  CHECK(h.dom.removes == 2);  // main and the page's anchor: the rows left inside <main>
  CHECK(h.dom.frees == 4 + 8);
  CHECK(rt::nodes_live() == 0);
}
