// Array.prototype methods against node (slice, indexOf/includes, reverse, pop, shift, unshift, splice, sort
// with comparators and the default order) on number and string arrays with edge values (NaN, -0, ±Infinity,
// non-ASCII, astral, lone surrogates, duplicates for stability), and the write barrier's invariants when the
// array lives on the heap: every mutation, then a collection, leaves correct contents and counts.
#include <catch2/catch.hpp>
#include <cmath>
#include <functional>
#include <limits>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "abi.h"
#include "arena.h"
#include "entry.h"
#include "harness.h"
#include "heap.h"
#include "object.h"
#include "objects.h"
#include "oracle.h"
#include "page.h"
#include "platform.h"
#include "str.h"

extern "C" {
uint32_t dx_array_slice(uint32_t arr, double start, double end);
double dx_array_index_of_f64(uint32_t arr, double v, double from);
uint32_t dx_array_includes_f64(uint32_t arr, double v, double from);
double dx_array_index_of_i32(uint32_t arr, uint32_t v, double from);
uint32_t dx_array_includes_i32(uint32_t arr, uint32_t v, double from);
uint32_t dx_array_reverse(uint32_t arr);
double dx_array_pop_f64(uint32_t arr);
uint32_t dx_array_pop_i32(uint32_t arr);
double dx_array_shift_f64(uint32_t arr);
uint32_t dx_array_shift_i32(uint32_t arr);
double dx_array_unshift(uint32_t arr, uint32_t items);
uint32_t dx_array_splice(uint32_t arr, double start, double count, uint32_t items);
uint32_t dx_array_sort(uint32_t arr, uint32_t cmp);
}

namespace rt = dx::rt;
using dxt::enc_num;
using dxt::enc_str;

namespace {

const double kInf = std::numeric_limits<double>::infinity();

// Comparators "in the function table": fn 1 x-y, 2 y-x, 3 NaN, 4 (x%3)-(y%3) for numbers; 5 by code units,
// 6 by length for strings.
uint32_t g_calls = 0;  // comparator calls

double cmp_f64(uint32_t fn, uint32_t, double a, double b) {
  ++g_calls;
  switch (fn) {
    case 1: return a - b;
    case 2: return b - a;
    case 3: return std::nan("");
    case 4: return std::fmod(a, 3) - std::fmod(b, 3);
    default: throw std::runtime_error("bad comparator");
  }
}
double cmp_i32(uint32_t fn, uint32_t, uint32_t a, uint32_t b) {
  ++g_calls;
  if (fn == 5) return rt::str_cmp(a, b);
  if (fn == 6) return double(rt::str_len(a)) - double(rt::str_len(b));
  if (fn == 3) return std::nan("");
  throw std::runtime_error("bad comparator");
}

struct Bare {
  Bare() {
    rt::native::reset();
    rt::runtime_init(0x20000);
    rt::native::hooks.call_f64 = cmp_f64;
    rt::native::hooks.call_i32 = cmp_i32;
  }
  ~Bare() { rt::native::hooks = {}; }
};

// A test array: numbers or strings (UTF-16), with its encoding for node.
struct Arr {
  bool strings = false;
  std::vector<double> nums;
  std::vector<std::u16string> strs;
  size_t size() const { return strings ? strs.size() : nums.size(); }
  std::string enc() const {
    std::vector<std::string> e;
    for (double v : nums) e.push_back(enc_num(v));
    for (const auto& s : strs) e.push_back(enc_str(s));
    return dxt::enc_arr(e);
  }
  uint32_t make() const {
    uint32_t a = dx_new_array(strings ? rt::kElemString : rt::kElemNumber, 0);
    for (double v : nums) dx_array_push_f64(a, v);
    for (const auto& s : strs) dx_array_push_i32(a, dxt::make_str16(s));
    return a;
  }
};

const std::vector<double> kNums = {0.0, -0.0, 1, 2, 3, 9, 10, 100, -1, 1.5, std::nan(""), kInf, -kInf, 1e21, 1e-7, 4, 5};
const std::vector<std::u16string> kStrs = {u"", u"a", u"b", u"B", u"ab", u"10", u"9", u"\u00E9", u"\u20AC",
                                           u"\U0001F600", u"\xD800", u"a", u"ba", u"\uFF5E"};
const std::vector<double> kIdx = {0.0, -0.0, 1, 2, -1, -2, 1.5, -1.5, std::nan(""), kInf, -kInf, 5, 100, -100};

struct Case {
  std::string line;
  std::function<std::string()> run;
};


}  // namespace

TEST_CASE("array ops match node", "[array][node]") {
  Bare bare;
  std::mt19937 rng(31);
  auto gen = [&](bool strings) {
    Arr a;
    a.strings = strings;
    for (uint32_t k = 0, n = rng() % 9; k < n; ++k) {
      if (strings) a.strs.push_back(kStrs[rng() % kStrs.size()]);
      else a.nums.push_back(kNums[rng() % kNums.size()]);
    }
    return a;
  };
  auto idx = [&] { return rng() % 2 ? kIdx[rng() % kIdx.size()] : double(int(rng() % 11) - 5); };
  // The array after an in-place call, appended to the result as the oracle prints [result, array].
  auto pair = [](const std::string& result, uint32_t arr) {
    std::string a = dxt::enc_ref_arr(arr);
    return "[" + result + "," + a + "]";
  };
  std::vector<Case> cases;
  for (int i = 0; i < 3000; ++i) {
    bool strings = i % 2 == 1;
    Arr a = gen(strings), items = gen(strings);
    double s = idx(), e = idx();
    std::string ea = a.enc();
    cases.push_back({"aslice\t" + ea + "\t" + enc_num(s) + "\t" + enc_num(e),
                     [=] { return dxt::enc_ref_arr(dx_array_slice(a.make(), s, e)); }});
    if (strings) {
      std::u16string v = kStrs[rng() % kStrs.size()];
      cases.push_back({"aindexOf\t" + ea + "\t" + enc_str(v) + "\t" + enc_num(s),
                       [=] { return enc_num(dx_array_index_of_i32(a.make(), dxt::make_str16(v, true), s)); }});
      cases.push_back({"aincludes\t" + ea + "\t" + enc_str(v) + "\t" + enc_num(s),
                       [=] { return dxt::enc_bool(dx_array_includes_i32(a.make(), dxt::make_str16(v), s)); }});
    } else {
      double v = kNums[rng() % kNums.size()];
      cases.push_back({"aindexOf\t" + ea + "\t" + enc_num(v) + "\t" + enc_num(s),
                       [=] { return enc_num(dx_array_index_of_f64(a.make(), v, s)); }});
      cases.push_back({"aincludes\t" + ea + "\t" + enc_num(v) + "\t" + enc_num(s),
                       [=] { return dxt::enc_bool(dx_array_includes_f64(a.make(), v, s)); }});
    }
    cases.push_back({"areverse\t" + ea, [=] {
                       uint32_t r = a.make();
                       uint32_t got = dx_array_reverse(r);
                       return pair(got == r ? dxt::enc_ref_arr(r) : "not the same array", r);
                     }});
    // pop/shift on an empty array: the compiler checks the length and yields undefined itself.
    cases.push_back({"apop\t" + ea, [=] {
                       uint32_t r = a.make();
                       if (rt::array_len(r) == 0) return pair("u", r);
                       return pair(strings ? dxt::enc_ref_str(dx_array_pop_i32(r)) : enc_num(dx_array_pop_f64(r)), r);
                     }});
    cases.push_back({"ashift\t" + ea, [=] {
                       uint32_t r = a.make();
                       if (rt::array_len(r) == 0) return pair("u", r);
                       return pair(strings ? dxt::enc_ref_str(dx_array_shift_i32(r)) : enc_num(dx_array_shift_f64(r)), r);
                     }});
    cases.push_back({"aunshift\t" + ea + "\t" + items.enc(), [=] {
                       uint32_t r = a.make();
                       return pair(enc_num(dx_array_unshift(r, items.make())), r);
                     }});
    bool null_items = items.size() == 0 && rng() % 2;  // no items: the compiler may pass 0
    cases.push_back({"asplice\t" + ea + "\t" + enc_num(s) + "\t" + enc_num(e) + "\t" + items.enc(), [=] {
                       uint32_t r = a.make();
                       uint32_t removed = dx_array_splice(r, s, e, null_items ? 0 : items.make());
                       return pair(dxt::enc_ref_arr(removed), r);
                     }});
    cases.push_back({"asplice1\t" + ea + "\t" + enc_num(s), [=] {  // deleteCount omitted: +Infinity
                       uint32_t r = a.make();
                       return pair(dxt::enc_ref_arr(dx_array_splice(r, s, kInf, 0)), r);
                     }});
    static const char* const kNumCmp[] = {"none", "num", "desc", "nan", "mod3"};
    static const char* const kStrCmp[] = {"none", "units", "len", "nan"};
    uint32_t which = strings ? rng() % 4 : rng() % 5;
    std::string name = strings ? kStrCmp[which] : kNumCmp[which];
    uint32_t fn = strings ? (which == 0 ? 0 : which == 1 ? 5 : which == 2 ? 6 : 3) : which;
    Arr big = a;  // longer arrays for sorting (merge passes, stability)
    // The runtime takes V8's TimSort steps, so even an inconsistent comparator (x - y with NaN or ±Infinity
    // elements) gives V8's order, after as many comparator calls. Large arrays: several runs, merges and
    // galloping (partly sorted blocks).
    bool large = i % 10 == 0;
    if (large && !strings && rng() % 2) {
      for (uint32_t block = 0, nb = 2 + rng() % 6; block < nb; ++block) {
        double v = double(int(rng() % 200) - 100);
        bool up = rng() % 3 != 0;
        for (uint32_t k = 0, len = rng() % 120; k < len; ++k) {
          big.nums.push_back(v);
          v += (up ? 1 : -1) * double(rng() % 4);
        }
        if (rng() % 4 == 0) big.nums.push_back(kNums[rng() % kNums.size()]);
      }
    }
    for (uint32_t k = 0, n = large ? 64 + rng() % 300 : rng() % 56; k < n; ++k) {
      if (strings) big.strs.push_back(kStrs[rng() % kStrs.size()]);
      else {
        double v = rng() % 3 ? kNums[rng() % kNums.size()] : double(int(rng() % 2000) - 1000) / 8;
        big.nums.push_back(v);
      }
    }
    std::string ename = enc_str(std::u16string(name.begin(), name.end()));
    if (fn != 0)
      cases.push_back({"asortcalls\t" + big.enc() + "\t" + ename, [=] {
                         g_calls = 0;
                         dx_array_sort(big.make(), dx_new_closure(fn, 0));
                         return enc_num(double(g_calls));
                       }});
    cases.push_back({"asort\t" + big.enc() + "\t" + ename,
                     [=] {
                       uint32_t r = big.make();
                       uint32_t cmp = fn ? dx_new_closure(fn, 0) : 0;
                       uint32_t got = dx_array_sort(r, cmp);
                       return pair(got == r ? dxt::enc_ref_arr(r) : "not the same array", r);
                     }});
  }
  std::vector<std::string> lines;
  for (const auto& c : cases) lines.push_back(c.line);
  std::vector<std::string> expected = dxt::run_oracle(lines);
  size_t mismatches = 0;
  for (size_t i = 0; i < cases.size(); ++i) {
    std::string got = cases[i].run();
    if (got != expected[i] && ++mismatches <= 20)
      FAIL_CHECK(cases[i].line << "\n  runtime: " << got << "\n  node:    " << expected[i]);
    if (i % 256 == 0) rt::arena_reset();
  }
  CHECK(mismatches == 0);
}

namespace {
template <class F>
void in_batch(dxt::Harness& h, F fn) {
  h.handler[dxt::kHClick] = [fn](dxt::Ref inst, dxt::Ref) { fn(inst); };
  h.dispatch(dxt::kHClick, h.page_node(dxt::kPnMain));
}
uint32_t mk8(const std::string& s) {
  return rt::str_from_utf8(reinterpret_cast<const uint8_t*>(s.data()), uint32_t(s.size()));
}
std::vector<std::string> contents(uint32_t arr) {
  std::vector<std::string> out;
  for (uint32_t i = 0; i < rt::array_len(arr); ++i) out.push_back(dxt::read_str(rt::ld32(rt::array_data(arr) + 4 * i)));
  return out;
}
double by_units(uint32_t, uint32_t, uint32_t a, uint32_t b) { return rt::str_cmp(a, b); }
}  // namespace

TEST_CASE("array ops on a heap array keep the barrier's invariants", "[array][memory]") {
  dxt::Harness h;
  rt::native::hooks.call_i32 = by_units;
  h.start();
  using V = std::vector<std::string>;
  in_batch(h, [](dxt::Ref page) {
    uint32_t a = dx_new_array(rt::kElemString, 0);
    for (const char* s : {"d", "b", "a"}) dx_array_push_i32(a, mk8(s));
    dx_write_ref(page, page + dxt::kPgArr, a);
  });
  uint32_t live0 = rt::heap_live_bytes();
  auto arr = [&] { return rt::ld32(h.page() + dxt::kPgArr); };
  REQUIRE(rt::is_heap(arr()));
  // Arena strings come in through unshift and splice, elements move (reverse, sort, shift), others leave.
  in_batch(h, [&](dxt::Ref) {
    uint32_t items = dx_new_array(rt::kElemString, 0);
    dx_array_push_i32(items, mk8("c"));
    dx_array_push_i32(items, mk8("e"));
    CHECK(dx_array_unshift(arr(), items) == 5);
    dx_array_reverse(arr());
  });
  CHECK(contents(arr()) == V{"a", "b", "d", "e", "c"});
  for (uint32_t i = 0; i < 5; ++i) CHECK(rt::is_heap(rt::ld32(rt::array_data(arr()) + 4 * i)));
  in_batch(h, [&](dxt::Ref) {
    dx_array_sort(arr(), dx_new_closure(1, 0));
    uint32_t items = dx_new_array(rt::kElemString, 0);
    dx_array_push_i32(items, mk8("x"));
    dx_array_push_i32(items, mk8("y"));
    dx_array_push_i32(items, mk8("z"));
    uint32_t removed = dx_array_splice(arr(), 1, 1, items);  // a b c d e → a x y z c d e
    CHECK(contents(removed) == V{"b"});
    dx_array_shift_i32(arr());
    dx_array_pop_i32(arr());
    dx_array_splice(arr(), -2, 1, 0);  // x y z c d → x y z d
  });
  CHECK(contents(arr()) == V{"x", "y", "z", "d"});
  for (uint32_t i = 0; i < 4; ++i) {
    uint32_t e = rt::ld32(rt::array_data(arr()) + 4 * i);
    CHECK(rt::is_heap(e));
    CHECK(rt::ld32(e) == 1);  // counted once: by the array
  }
  CHECK(rt::array_len(arr()) == 4);
  // Dropping the elements frees them: the same cycle of mutations, repeated, does not grow the heap.
  uint32_t live = 0;
  for (int round = 0; round < 4; ++round) {
    in_batch(h, [&](dxt::Ref) {
      dx_array_splice(arr(), 0, kInf, 0);
      for (const char* s : {"d", "b", "a"}) dx_array_push_i32(arr(), mk8(s));
      uint32_t items = dx_new_array(rt::kElemString, 0);
      dx_array_push_i32(items, mk8("c"));
      dx_array_push_i32(items, mk8("e"));
      dx_array_unshift(arr(), items);
      dx_array_sort(arr(), 0);
      dx_array_reverse(arr());
      dx_array_shift_i32(arr());
      dx_array_pop_i32(arr());
      dx_array_splice(arr(), 1, 1, items);
    });
    CHECK(contents(arr()) == V{"d", "c", "e", "b"});
    if (round == 2) live = rt::heap_live_bytes();
    if (round == 3) CHECK(rt::heap_live_bytes() == live);
  }
  CHECK(live0 > 0);
}
