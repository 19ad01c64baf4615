// Arrays (ABI.md "Objects"): new with zeroed elements, push with growth for every element kind, concat
// (arena result, same kind, null operands read as empty), and concat/push on arrays that live on the heap.
#include <catch2/catch.hpp>
#include <string>

#include "abi.h"
#include "harness.h"
#include "object.h"
#include "page.h"
#include "str.h"

namespace rt = dx::rt;
using namespace dxt;

namespace {
uint32_t len(uint32_t a) { return rt::ld32(a + 8); }
uint32_t cap(uint32_t a) { return rt::ld32(a + 12); }
uint32_t data(uint32_t a) { return rt::ld32(a + 16); }
uint32_t make(const std::string& s) {
  return rt::str_from_utf8(reinterpret_cast<const uint8_t*>(s.data()), uint32_t(s.size()));
}
template <class F>
void in_batch(Harness& h, F fn) {
  h.handler[kHClick] = [fn](Ref inst, Ref) { fn(inst); };
  h.dispatch(kHClick, h.page_node(kPnMain));
}
}  // namespace

TEST_CASE("arrays: new, push and growth", "[array]") {
  Harness h;
  h.start();
  in_batch(h, [](Ref) {
    uint32_t a = dx_new_array(0, 3);
    CHECK(rt::ld32(a + 4) == rt::kArray);  // element kind 0 in meta >> 8
    CHECK((len(a) == 3 && cap(a) == 3));
    for (uint32_t i = 0; i < 3; ++i) CHECK(rt::ldf64(data(a) + 8 * i) == 0.0);
    for (int i = 0; i < 100; ++i) dx_array_push_f64(a, i * 1.5);
    CHECK(len(a) == 103);
    CHECK(cap(a) >= 103);
    CHECK(rt::ldf64(data(a) + 8 * 102) == 99 * 1.5);
    CHECK(rt::is_arena(data(a)));

    uint32_t b = dx_new_array(1, 0);  // booleans / u32
    CHECK(data(b) == 0);
    for (uint32_t i = 0; i < 50; ++i) dx_array_push_i32(b, i * 3);
    CHECK(len(b) == 50);
    CHECK(rt::ld32(data(b) + 4 * 49) == 147);

    uint32_t s = dx_new_array(2, 0), x = make("x");
    dx_array_push_i32(s, x);
    dx_array_push_i32(s, 0);
    CHECK(rt::ld32(data(s)) == x);
    CHECK(rt::ld32(data(s) + 4) == 0);
  });
}

TEST_CASE("arrays: concat", "[array]") {
  Harness h;
  h.start();
  in_batch(h, [](Ref page) {
    uint32_t a = dx_new_array(0, 0), b = dx_new_array(0, 0);
    for (int i = 0; i < 5; ++i) dx_array_push_f64(a, i);
    for (int i = 0; i < 7; ++i) dx_array_push_f64(b, 100 + i);
    uint32_t c = dx_array_concat(a, b);
    CHECK(c != a);
    CHECK(rt::is_arena(c));
    REQUIRE(len(c) == 12);
    CHECK(rt::ldf64(data(c) + 8 * 4) == 4);
    CHECK(rt::ldf64(data(c) + 8 * 5) == 100);
    CHECK(rt::ldf64(data(c) + 8 * 11) == 106);
    CHECK(len(a) == 5);  // operands unchanged
    uint32_t d = dx_array_concat(0, b), e = dx_array_concat(a, 0);
    CHECK((len(d) == 7 && len(e) == 5));
    CHECK(rt::ld32(d + 4) == rt::ld32(b + 4));
    // Refs: the result shares the elements; storing it keeps them alive on the heap.
    uint32_t s1 = dx_new_array(2, 0), s2 = dx_new_array(2, 0), shared = make("both");
    dx_array_push_i32(s1, shared);
    dx_array_push_i32(s2, make("two"));
    dx_array_push_i32(s2, shared);
    uint32_t joined = dx_array_concat(s1, s2);
    CHECK(rt::ld32(data(joined)) == rt::ld32(data(joined) + 8));
    dx_write_ref(page, page + kPgArr, joined);
  });
  uint32_t arr = rt::ld32(h.page() + kPgArr);
  REQUIRE(rt::is_heap(arr));
  REQUIRE(len(arr) == 3);
  uint32_t first = rt::ld32(data(arr)), third = rt::ld32(data(arr) + 8);
  CHECK(first == third);
  CHECK(rt::ld32(first) == 2);  // counted twice: two elements
  CHECK(read_str(rt::ld32(data(arr) + 4)) == "two");
  // Concat of a heap array with an arena one, pushed onto and stored again.
  in_batch(h, [](Ref page) {
    uint32_t old = rt::ld32(page + kPgArr), more = dx_new_array(2, 0);
    dx_array_push_i32(more, make("three"));
    uint32_t c = dx_array_concat(old, more);
    dx_array_push_i32(old, make("pushed on the heap array"));
    dx_write_ref(page, page + kPgArr, c);
  });
  arr = rt::ld32(h.page() + kPgArr);
  REQUIRE(len(arr) == 4);
  CHECK(read_str(rt::ld32(data(arr) + 12)) == "three");
  CHECK(rt::ld32(rt::ld32(data(arr))) == 2);  // "both": the old heap array is gone, the new holds it twice
}
