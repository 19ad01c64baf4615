// Map and Set (runtime-wasm/src/collections.cpp) kept on the heap across batches: entries written in one
// batch and read in the next, holes and their squeezing, reference counts of keys and values, and a long run
// of sets and deletes that must stop growing memory. Their JS semantics are checked against V8 by
// tests/diff/cases/collections.ts.
#include <catch2/catch.hpp>
#include <cstdio>
#include <string>
#include <vector>

#include "abi.h"
#include "harness.h"
#include "heap.h"
#include "object.h"
#include "page.h"
#include "str.h"

namespace rt = dx::rt;
using namespace dxt;

namespace {

uint32_t make(const std::string& s) { return rt::str_from_utf8(reinterpret_cast<const uint8_t*>(s.data()), uint32_t(s.size())); }
uint32_t field(uint32_t o, uint32_t off) { return rt::ld32(o + off); }
void set(uint32_t holder, uint32_t off, uint32_t v) { dx_write_ref(holder, holder + off, v); }
std::string key(uint32_t i) {
  char buf[16];
  snprintf(buf, sizeof buf, "k%u", i);
  return buf;
}

template <class F>
void in_batch(Harness& h, F fn) {
  h.handler[kHClick] = [fn](Ref inst, Ref) { fn(inst); };
  h.dispatch(kHClick, h.page_node(kPnMain));
}

// The live keys of a string-keyed map, in order.
std::vector<std::string> keys_of(uint32_t m) {
  std::vector<std::string> out;
  uint32_t arr = dx_coll_array(m, 0);
  for (uint32_t i = 0, n = rt::ld32(arr + 8); i < n; ++i) out.push_back(read_str(rt::ld32(rt::ld32(arr + 16) + 4 * i)));
  return out;
}

std::string get(uint32_t m, const std::string& k) {
  int32_t i = dx_coll_find_i32(m, make(k));
  if (i < 0) return "<none>";
  return read_str(rt::ld32(rt::ld32(field(m, 16) + 16) + 4 * uint32_t(i)));
}

}  // namespace

TEST_CASE("collections: a Map on the heap keeps its entries, order and counts across batches", "[coll]") {
  Harness h;
  h.start();
  in_batch(h, [](Ref page) {
    uint32_t m = dx_coll_new(kShpMap, rt::kElemString, rt::kElemString);
    for (const char* k : {"b", "a", "c"}) dx_coll_put_i32(m, dx_coll_add_i32(m, make(k)), make(std::string("v") + k));
    set(page, kPgRec, m);  // evacuated with its arrays and strings at the end of the batch
  });
  Ref page = h.page();
  uint32_t m = field(page, kPgRec);
  REQUIRE(rt::is_heap(m));
  CHECK(rt::is_heap(field(m, 8)));
  CHECK(rt::is_heap(field(m, 12)));
  CHECK(keys_of(m) == std::vector<std::string>{"b", "a", "c"});
  CHECK(get(m, "a") == "va");
  uint32_t va = rt::ld32(rt::ld32(field(m, 16) + 16) + 4);
  CHECK(rt::ld32(va) == 1);  // counted once, by the values array

  in_batch(h, [](Ref page) {  // a heap map changed in place: new arena strings reach it through the barrier
    uint32_t m = field(page, kPgRec);
    CHECK(dx_coll_delete_i32(m, make("a")) == 1);
    CHECK(dx_coll_delete_i32(m, make("a")) == 0);
    dx_coll_put_i32(m, dx_coll_add_i32(m, make("d")), make("vd"));
    dx_coll_put_i32(m, dx_coll_add_i32(m, make("b")), make("vb2"));
    dx_coll_put_i32(m, dx_coll_add_i32(m, make("a")), make("va2"));
  });
  CHECK(keys_of(m) == std::vector<std::string>{"b", "c", "d", "a"});
  CHECK(get(m, "b") == "vb2");
  CHECK(get(m, "a") == "va2");
  CHECK(get(m, "d") == "vd");
  CHECK(get(m, "x") == "<none>");
  CHECK(dx_coll_size(m) == 4);
  uint32_t vd = rt::ld32(rt::ld32(field(m, 16) + 16) + 4 * uint32_t(dx_coll_find_i32(m, make("d"))));
  CHECK(rt::is_heap(vd));
  CHECK(rt::ld32(vd) == 1);

  in_batch(h, [](Ref page) { dx_coll_clear(field(page, kPgRec)); });
  CHECK(dx_coll_size(m) == 0);
  CHECK(keys_of(m).empty());
  CHECK(dx_coll_find_i32(m, make("b")) == -1);
}

TEST_CASE("collections: number keys by SameValueZero, holes squeezed out in order", "[coll]") {
  Harness h;
  h.start();
  in_batch(h, [](Ref page) {
    uint32_t s = dx_coll_new(kShpMap, rt::kElemNumber, 0xFFFFFFFFu);  // a Set of numbers (no values array)
    dx_coll_add_f64(s, -0.0);
    dx_coll_add_f64(s, __builtin_nan(""));
    CHECK(dx_coll_add_f64(s, 0.0) == 0);
    CHECK(dx_coll_add_f64(s, -__builtin_nan("")) == 1);
    CHECK(dx_coll_find_f64(s, 0.0) == 0);
    CHECK(rt::ldf64(rt::ld32(field(s, 12) + 16)) == 0.0);
    CHECK(!__builtin_signbit(rt::ldf64(rt::ld32(field(s, 12) + 16))));  // -0 stored as +0
    for (int i = 1; i <= 100; ++i) dx_coll_add_f64(s, i);
    for (int i = 1; i <= 90; ++i) CHECK(dx_coll_delete_f64(s, i) == 1);
    for (int i = 200; i < 260; ++i) dx_coll_add_f64(s, i);  // rebuilds squeeze the 90 holes out
    CHECK(dx_coll_size(s) == 2 + 10 + 60);
    uint32_t arr = dx_coll_array(s, 0);
    CHECK(rt::ld32(arr + 8) == 72);
    CHECK(rt::ldf64(rt::ld32(arr + 16) + 8 * 2) == 91.0);
    CHECK(rt::ldf64(rt::ld32(arr + 16) + 8 * 71) == 259.0);
    CHECK(rt::ld32(field(s, 12) + 8) < 72 + 90);  // the keys array holds fewer holes than were made
    for (int i = 91; i <= 100; ++i) CHECK(dx_coll_find_f64(s, i) >= 0);
    CHECK(dx_coll_find_f64(s, 50) == -1);
    set(page, kPgRec, s);
  });
}

TEST_CASE("memory: 100,000 batches of Map sets and deletes stop growing the heap", "[mem][coll][slow]") {
  Harness h;
  h.start();
  in_batch(h, [](Ref page) { set(page, kPgRec, dx_coll_new(kShpMap, rt::kElemString, rt::kElemString)); });
  uint32_t counter = 0;
  h.handler[kHClick] = [&](Ref page, Ref) {  // a window of 64 live keys: add one, delete the oldest
    uint32_t m = field(page, kPgRec), i = counter++;
    dx_coll_put_i32(m, dx_coll_add_i32(m, make(key(1000000 + i))), make("value " + key(i)));
    if (i >= 64) dx_coll_delete_i32(m, make(key(1000000 + i - 64)));
  };
  h.click_main(1000);
  uint32_t top = rt::pages_top(), live = rt::heap_live_bytes();
  h.click_main(99000);
  CHECK(counter == 100000);
  CHECK(rt::pages_top() == top);
  CHECK(rt::heap_live_bytes() <= live + 4096);
  uint32_t m = field(h.page(), kPgRec);
  CHECK(dx_coll_size(m) == 64);
  CHECK(keys_of(m).front() == key(1000000 + 100000 - 64));
  CHECK(get(m, key(1000000 + 99999)) == "value " + key(99999));
}
