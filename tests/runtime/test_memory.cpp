// Memory: arena vs heap, the write barrier, evacuation (identity and sharing kept), deferred decrements,
// frees at rc 0, arrays growing on the heap mid-batch, and a long run that must stop growing.
#include <catch2/catch.hpp>
#include <cstdio>
#include <cstring>
#include <string>

#include "abi.h"
#include "arena.h"
#include "harness.h"
#include "heap.h"
#include "list.h"
#include "object.h"
#include "page.h"
#include "str.h"

namespace rt = dx::rt;
using namespace dxt;

namespace {

uint32_t make(const std::string& s) {
  return rt::str_from_utf8(reinterpret_cast<const uint8_t*>(s.data()), uint32_t(s.size()));
}
uint32_t rc(uint32_t o) { return rt::ld32(o); }
// "s<i>" (snprintf: GCC 12 at -O3 warns falsely (-Wrestrict) on "s" + std::to_string(i)).
std::string label(int i) {
  char buf[16];
  snprintf(buf, sizeof buf, "s%d", i);
  return buf;
}
uint32_t field(uint32_t o, uint32_t off) { return rt::ld32(o + off); }
void set(uint32_t holder, uint32_t off, uint32_t v) { dx_write_ref(holder, holder + off, v); }

// Runs `fn(page)` as a click handler in one batch.
template <class F>
void in_batch(Harness& h, F fn) {
  h.handler[kHClick] = [fn](Ref inst, Ref) { fn(inst); };
  h.dispatch(kHClick, h.page_node(kPnMain));
}

}  // namespace

TEST_CASE("memory: new objects are arena objects, the page is a heap instance", "[mem]") {
  Harness h;
  h.start();
  in_batch(h, [](Ref page) {
    CHECK(rt::is_heap(page));
    CHECK(rc(page) == rt::kOwned);
    uint32_t s = make("x"), r = dx_new_record(kShpRec), a = dx_new_array(0, 3), c = dx_new_closure(7, r);
    uint32_t raw = dx_alloc(13);
    for (uint32_t o : {s, r, a, c, raw}) {
      CHECK(rt::is_arena(o));
      CHECK_FALSE(rt::is_heap(o));
      CHECK(o % 8 == 0);
    }
    for (uint32_t i = 0; i < 13; ++i) CHECK(rt::ld8(raw + i) == 0);
    CHECK(rt::ld32(r + 4) == (rt::kRecord | (kShpRec << 8)));
    CHECK(rt::ld32(a + 8) == 3);
    CHECK(rt::ldf64(rt::ld32(a + 16) + 16) == 0.0);
    CHECK(rt::ld32(c + 8) == 7);
    CHECK(rt::ld32(c + 12) == r);
  });
}

TEST_CASE("memory: evacuation keeps identity and sharing, and counts references", "[mem]") {
  Harness h;
  h.start();
  auto fill = [](Ref page) {
    uint32_t s = make("shared"), r = dx_new_record(kShpRec), a = dx_new_array(4, 0);
    set(r, kRecStr, s);
    dx_array_push_i32(a, r);
    dx_array_push_i32(a, r);
    set(page, kPgRec, r);
    set(page, kPgArr, a);
    set(page, kPgStr, s);
  };
  auto drop = [](Ref page) {
    set(page, kPgRec, 0);
    set(page, kPgArr, 0);
    set(page, kPgStr, 0);
  };
  in_batch(h, fill);
  Ref page = h.page();
  uint32_t r = field(page, kPgRec), a = field(page, kPgArr), s = field(page, kPgStr);
  REQUIRE(rt::is_heap(r));
  REQUIRE(rt::is_heap(a));
  REQUIRE(rt::is_heap(s));
  uint32_t data = field(a, 16);
  CHECK(rt::is_heap(data));
  CHECK(field(a, 8) == 2);
  CHECK(rt::ld32(data) == r);      // one copy of the record, shared
  CHECK(rt::ld32(data + 4) == r);
  CHECK(field(r, kRecStr) == s);   // one copy of the string, shared
  CHECK(read_str(s) == "shared");
  CHECK(rc(r) == 3);               // page field + two array elements
  CHECK(rc(s) == 2);               // page field + record field
  CHECK(rc(a) == 1);

  SECTION("a decrement waits for the end of the batch") {
    in_batch(h, [](Ref pg) {
      uint32_t local = field(pg, kPgRec);  // a local: not counted
      set(pg, kPgRec, 0);                  // would free it if decrements were immediate
      uint32_t r2 = dx_new_record(kShpRec);
      set(r2, kRecRec, local);
      set(pg, kPgRec, r2);
      CHECK(rc(local) == 3);               // still counted until the batch ends
    });
    uint32_t r2 = field(page, kPgRec);
    CHECK(rt::is_heap(r2));
    CHECK(field(r2, kRecRec) == r);
    CHECK(rc(r) == 3);  // −1 page field, +1 the new record's field
    CHECK(rc(r2) == 1);
  }
  SECTION("dropping every reference frees everything") {
    in_batch(h, drop);
    uint32_t empty = rt::heap_live_bytes();  // the runtime's own tables are warm now
    in_batch(h, fill);
    uint32_t full = rt::heap_live_bytes();
    in_batch(h, drop);
    CHECK(rt::heap_live_bytes() == empty);
    // record (32) + string (24) + array header (24) + its data block (16)
    CHECK(full - empty == 32 + 24 + 24 + 16);
  }
}

TEST_CASE("memory: static strings are never counted", "[mem]") {
  Harness h;
  h.start();
  uint32_t st = h.static_str("static");
  in_batch(h, [st](Ref page) { set(page, kPgStr, st); });
  CHECK(field(h.page(), kPgStr) == st);
  CHECK(rc(st) == 0xFFFFFFFFu);
  in_batch(h, [](Ref page) { set(page, kPgStr, 0); });
  CHECK(rc(st) == 0xFFFFFFFFu);
}

TEST_CASE("memory: a heap array grown in a batch keeps its arena elements", "[mem]") {
  Harness h;
  h.start();
  in_batch(h, [](Ref page) { set(page, kPgArr, dx_new_array(2, 0)); });
  uint32_t arr = field(h.page(), kPgArr);
  REQUIRE(rt::is_heap(arr));
  uint32_t baseline = 0;
  for (int round = 0; round < 3; ++round) {
    in_batch(h, [&](Ref page) {
      uint32_t a = field(page, kPgArr);
      for (int i = 0; i < 1000; ++i) dx_array_push_i32(a, make(label(i)));  // grows ~8 times
      uint32_t shared = make("twice");
      dx_array_push_i32(a, shared);
      dx_array_push_i32(a, shared);
    });
    CHECK(field(arr, 8) == 1002);
    uint32_t data = field(arr, 16);
    for (uint32_t i = 0; i < 1000; ++i) {
      uint32_t s = rt::ld32(data + 4 * i);
      REQUIRE(rt::is_heap(s));
      REQUIRE(rc(s) == 1);
      REQUIRE(read_str(s) == label(int(i)));
    }
    CHECK(rt::ld32(data + 4000) == rt::ld32(data + 4004));
    CHECK(rc(rt::ld32(data + 4000)) == 2);
    // Drop everything: only the array header's worth of memory may stay.
    in_batch(h, [](Ref page) { set(page, kPgArr, dx_new_array(2, 0)); });
    arr = field(h.page(), kPgArr);
    if (round == 0) baseline = rt::heap_live_bytes();
    else CHECK(rt::heap_live_bytes() == baseline);
  }
}

TEST_CASE("memory: closures keep records alive but never count instances", "[mem]") {
  Harness h;
  h.start();
  in_batch(h, [](Ref page) {
    uint32_t env = dx_new_record(kShpRec);
    set(env, kRecStr, make("env"));
    uint32_t a = dx_new_array(5, 0);
    dx_array_push_i32(a, dx_new_closure(1, env));
    dx_array_push_i32(a, dx_new_closure(2, page));
    set(page, kPgArr, a);
  });
  uint32_t a = field(h.page(), kPgArr), data = field(a, 16);
  uint32_t c1 = rt::ld32(data), c2 = rt::ld32(data + 4);
  REQUIRE(rt::is_heap(c1));
  uint32_t env = field(c1, 12);
  CHECK(rt::is_heap(env));
  CHECK(rc(env) == 1);
  CHECK(read_str(field(env, kRecStr)) == "env");
  CHECK(field(c2, 12) == h.page());
  CHECK(rc(h.page()) == rt::kOwned);
  uint32_t live = rt::heap_live_bytes();
  in_batch(h, [](Ref page) { set(page, kPgArr, 0); });
  CHECK(rt::heap_live_bytes() < live);
  CHECK(rc(h.page()) == rt::kOwned);
}

TEST_CASE("memory: large blocks use whole pages and are reused", "[mem]") {
  Harness h;
  h.start();
  in_batch(h, [](Ref page) {
    uint32_t a = dx_new_array(0, 0);
    for (int i = 0; i < 20000; ++i) dx_array_push_f64(a, i);  // 160 KB of data: a large block
    set(page, kPgArr, a);
    uint32_t big = dx_alloc(600000);                            // a big arena chunk, freed on reset
    CHECK(rt::is_arena(big));
  });
  uint32_t a = field(h.page(), kPgArr);
  CHECK(rt::page_tag(field(a, 16)) == rt::kTagLarge);
  CHECK(rt::ldf64(field(a, 16) + 8 * 19999) == 19999.0);
  uint32_t top = rt::pages_top();
  for (int round = 0; round < 20; ++round) {
    in_batch(h, [](Ref page) {
      uint32_t b = dx_new_array(0, 0);
      for (int i = 0; i < 20000; ++i) dx_array_push_f64(b, -i);
      set(page, kPgArr, b);
      dx_alloc(600000);
    });
  }
  CHECK(rt::pages_top() == top);
}

TEST_CASE("memory: 100,000 batches that allocate and drop stop growing the heap", "[mem][slow]") {
  Harness h;
  h.start();
  uint32_t prefix = h.static_str("item ");
  uint32_t counter = 0;
  h.handler[kHClick] = [&](Ref page, Ref) {
    double n = 1000000 + counter++;  // fixed width: the same size classes every time
    uint32_t s = dx_str_concat(prefix, dx_num_to_str(n));
    uint32_t r = dx_new_record(kShpRec), rows = dx_new_array(4, 0), shared = dx_new_record(kShpRec);
    rt::stf64(r + kRecNum, n);
    set(r, kRecStr, s);
    set(shared, kRecStr, s);
    for (int k = 0; k < 10; ++k) {  // r → rows → row → shared (no cycle: cycles are not collected)
      uint32_t row = dx_new_record(kShpRec);
      set(row, kRecStr, dx_str_concat(s, dx_num_to_str(k * 0.5)));
      set(row, kRecRec, shared);
      dx_array_push_i32(rows, row);
    }
    set(r, kRecArr, rows);
    set(page, kPgRec, r);   // the previous record tree dies here
    set(page, kPgStr, s);
    uint32_t arr = field(page, kPgArr);
    if (!arr || counter % 50 == 0) set(page, kPgArr, dx_new_array(2, 0));
    else dx_array_push_i32(arr, s);  // a heap array growing across batches
    dx_text(rt::ld32(page + kPgIds + 4 * kPnText), s);
  };
  h.click_main(1000);
  uint32_t top = rt::pages_top(), live = rt::heap_live_bytes();
  h.click_main(99000);
  CHECK(counter == 100000);
  CHECK(rt::pages_top() == top);
  CHECK(rt::heap_live_bytes() <= live + 1024);
  Ref r = field(h.page(), kPgRec);
  CHECK(rt::ldf64(r + kRecNum) == 1099999.0);
  CHECK(read_str(field(r, kRecStr)) == "item 1099999");
  CHECK(rc(r) == 1);
  uint32_t rows = field(r, kRecArr), shared = field(rt::ld32(field(rows, 16)), kRecRec);
  CHECK(rc(shared) == 10);  // one reference from each row
  CHECK(rc(field(r, kRecStr)) == 3);  // page.str, r.str, shared.str
}

TEST_CASE("memory: a closure over an instance destroyed in the same batch is released safely", "[mem]") {
  // The todo sample's shape: a row's handlers are closures whose env is the row instance; a list update
  // destroys the row and drops the closures in one batch. Instances are never counted, alive or freed.
  Harness h;
  h.create[kBlkPage] = [](Ref page) { dx_clone(page, kTplPage, kPgIds); };
  h.start();
  auto render = [](Ref page, std::initializer_list<double> items) {
    uint32_t a = dx_new_array(0, 0);
    for (double v : items) dx_array_push_f64(a, v);
    dx_for(page, kPgList, a, 0, kBlkRow, rt::ld32(page + kPgIds + 4 * kPnUl), 0, 0, 0);
  };
  in_batch(h, [&](Ref page) {
    render(page, {1, 2, 3});
    uint32_t closures = dx_new_array(5, 0);
    uint32_t state = rt::ld32(page + kPgList);
    for (uint32_t i = 0; i < 3; ++i) dx_array_push_i32(closures, dx_new_closure(i, rt::list_row(state, i)));
    set(page, kPgArr, closures);
  });
  uint32_t live = 0;
  for (int round = 0; round < 4; ++round) {
    in_batch(h, [&](Ref page) {
      render(page, {});      // destroys the rows (freed at the end of the batch)
      set(page, kPgArr, 0);  // frees the closures, whose envs are those rows
    });
    in_batch(h, [&](Ref page) {
      render(page, {1, 2, 3});
      uint32_t closures = dx_new_array(5, 0);
      uint32_t state = rt::ld32(page + kPgList);
      for (uint32_t i = 0; i < 3; ++i) dx_array_push_i32(closures, dx_new_closure(i, rt::list_row(state, i)));
      set(page, kPgArr, closures);
    });
    if (round == 0) live = rt::heap_live_bytes();  // the runtime's own tables are warm from here on
    else CHECK(rt::heap_live_bytes() == live);
  }
}
