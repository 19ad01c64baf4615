// array_ops.cpp — JavaScript's Array.prototype methods on runtime arrays (ABI.md, "Runtime functions"):
// slice, indexOf/includes, reverse, pop, shift, unshift, splice and sort (V8's TimSort step for step, with a
// comparator closure called through the function table, or the default order by String(x) in UTF-16 code units).
// Arrays of nullable numbers and booleans (`(number | null)[]`, inspect.h: two NaN payloads, 2 / 3) have their
// own search, join and sort (the `_nullable` exports); the plain ones never look at the payloads.
//
// Arrays that live on the heap keep their reference counts and the write barrier's invariants:
//  * elements that leave the array (pop, shift, splice) get a deferred decrement and their slots are zeroed
//    (a logged slot past the length must not evacuate anything);
//  * new elements (unshift, splice) are stored through the barrier;
//  * elements moved to other slots (reverse, shift, unshift, splice, sort) keep their counts, but a moved
//    arena element has its new slot logged, so evacuation finds it where it now is.
// Static arrays (generated constants) are immutable: mutating one is fatal.
#include "arena.h"
#include "collect.h"
#include "inspect.h"
#include "objects.h"
#include "page.h"
#include "str.h"
#include "str_ops.h"

extern "C" uint32_t dx_num_to_str(double v);

namespace dx::rt {

namespace {

// What pop/shift of an empty number array give: undefined of `number | undefined`.
constexpr double kNumUndefined = __builtin_bit_cast(double, kNumUndefinedBits);

// A nullable number's null or undefined (the two payloads are adjacent).
bool num_is_nullish(double v) { return __builtin_bit_cast(uint64_t, v) - kNumUndefinedBits <= 1; }

void check_mutable(Ref a, const char* what) {
  if (!a || !(is_arena(a) || is_heap(a))) fatal(what);
}

bool heap_refs(Ref a) { return is_heap(a) && elem_is_ref(array_kind(a)); }

// Logs the slots [from, to) of a heap array that hold arena objects (after elements moved there).
void relog(Ref a, uint32_t from, uint32_t to) {
  if (!heap_refs(a)) return;
  Ref d = array_data(a);
  for (uint32_t i = from; i < to; ++i)
    if (Ref v = ld32(d + 4 * i); v && is_arena(v)) log_slot(a, d + 4 * i);
}

// Stores a new element at index i (the slot's old content has already been accounted for).
void store_new(Ref a, uint32_t i, Ref items, uint32_t k) {
  uint32_t kind = array_kind(a);
  if (kind == kElemNumber) {
    stf64(array_data(a) + 8 * i, ldf64(array_data(items) + 8 * k));
    return;
  }
  Ref slot = array_data(a) + 4 * i;
  st32(slot, 0);
  uint32_t v = ld32(array_data(items) + 4 * k);
  if (elem_is_ref(kind)) write_ref(a, slot, v);
  else st32(slot, v);
}

// ToIntegerOrInfinity, then a relative index clamped to [0, len] (slice, splice).
uint32_t rel_index(double d, uint32_t len) {
  double r = to_integer(d);
  if (r < 0) {
    r += double(len);
    return r <= 0 ? 0 : uint32_t(r);
  }
  return r >= double(len) ? len : uint32_t(r);
}

// indexOf/includes start: len when nothing is to be searched.
uint32_t search_start(double from, uint32_t len) {
  double n = to_integer(from);
  if (n >= double(len)) return len;
  if (n >= 0) return uint32_t(n);
  n += double(len);
  return n <= 0 ? 0 : uint32_t(n);
}

// `arr.unshift(...arr)`: the items are read after the array moved, so they are copied first.
Ref copy_if_same(Ref items, Ref a) { return items && items == a ? array_concat(a, 0) : items; }

}  // namespace

Ref array_slice(Ref a, double start, double end) {
  uint32_t len = array_len(a), kind = a ? array_kind(a) : kElemNumber;
  uint32_t from = rel_index(start, len), to = rel_index(end, len);
  uint32_t n = to > from ? to - from : 0;
  Ref r = array_new(kind, n);
  if (n) mem_copy(array_data(r), array_data(a) + from * elem_size(kind), n * elem_size(kind));
  return r;
}

double array_index_of_f64(Ref a, double v, double from, bool same_value_zero) {
  uint32_t len = array_len(a);
  if (len == 0) return -1;
  if (array_kind(a) != kElemNumber) fatal("dx_array_index_of_f64: not a number array");
  Ref d = array_data(a);
  bool nan = v != v;
  for (uint32_t i = search_start(from, len); i < len; ++i) {
    double e = ldf64(d + 8 * i);
    if (e == v || (same_value_zero && nan && e != e)) return double(i);
  }
  return -1;
}

namespace {

// indexOf (`===`: null finds null, NaN nothing) / includes (SameValueZero: NaN finds a NaN, not a null) of a
// nullable number array: a null or undefined v compares bits, a number compares as a number.
double array_index_of_nullable(Ref a, double v, double from, bool same_value_zero) {
  uint32_t len = array_len(a);
  if (len == 0) return -1;
  if (array_kind(a) != kElemNumber) fatal("dx_array_index_of_nullable: not a number array");
  Ref d = array_data(a);
  uint64_t vb = __builtin_bit_cast(uint64_t, v);
  bool nullish = num_is_nullish(v), nan = same_value_zero && !nullish && v != v;
  for (uint32_t i = search_start(from, len); i < len; ++i) {
    double e = ldf64(d + 8 * i);
    if (nullish ? __builtin_bit_cast(uint64_t, e) == vb : e == v || (nan && e != e && !num_is_nullish(e))) return double(i);
  }
  return -1;
}

// join of a nullable number or boolean array: null and undefined elements write "" (Array.prototype.join).
Ref array_join_nullable(Ref a, Ref sep) {
  uint32_t n = array_len(a);
  if (n == 0) return str_empty();
  uint32_t kind = array_kind(a), slen = str_len(sep);
  if (kind != kElemNumber && kind != kElemU32) fatal("dx_array_join_nullable: not a number or boolean array");
  StrBuf b;
  Ref d = array_data(a);
  for (uint32_t i = 0; i < n; ++i) {
    if (i) b.append(sep, 0, slen);
    Ref e = 0;
    if (kind == kElemNumber) {
      if (double v = ldf64(d + 8 * i); !num_is_nullish(v)) e = dx_num_to_str(v);
    } else if (uint32_t v = ld32(d + 4 * i); v < kBoolUndefined) {
      e = str_from_latin1(v ? "true" : "false");
    }
    if (e) b.append(e, 0, str_len(e));
  }
  return b.finish();
}

}  // namespace

double array_index_of_u32(Ref a, uint32_t v, double from) {
  uint32_t len = array_len(a);
  if (len == 0) return -1;
  uint32_t kind = array_kind(a);
  if (kind == kElemNumber) fatal("dx_array_index_of_i32: a number array");
  Ref d = array_data(a);
  for (uint32_t i = search_start(from, len); i < len; ++i) {
    uint32_t e = ld32(d + 4 * i);
    if (e == v || (kind == kElemString && str_eq(e, v))) return double(i);
  }
  return -1;
}

Ref array_reverse(Ref a) {
  uint32_t n = array_len(a);
  if (n < 2) return a;
  check_mutable(a, "dx_array_reverse: a static array");
  uint32_t esz = elem_size(array_kind(a));
  Ref d = array_data(a);
  for (uint32_t i = 0, j = n - 1; i < j; ++i, --j) {
    if (esz == 8) {
      double x = ldf64(d + 8 * i);
      stf64(d + 8 * i, ldf64(d + 8 * j));
      stf64(d + 8 * j, x);
    } else {
      uint32_t x = ld32(d + 4 * i);
      st32(d + 4 * i, ld32(d + 4 * j));
      st32(d + 4 * j, x);
    }
  }
  relog(a, 0, n);
  return a;
}

namespace {

// Removes `count` elements at `at` (already read by the caller): deferred decrements, the tail moved down,
// the vacated slots zeroed.
void remove_range(Ref a, uint32_t at, uint32_t count) {
  uint32_t len = array_len(a), esz = elem_size(array_kind(a));
  Ref d = array_data(a);
  if (heap_refs(a))
    for (uint32_t i = at; i < at + count; ++i) release_later(ld32(d + 4 * i));
  mem_copy(d + at * esz, d + (at + count) * esz, (len - at - count) * esz);
  mem_zero(d + (len - count) * esz, count * esz);
  st32(a + kArrLen, len - count);
  relog(a, at, len - count);
}

}  // namespace

double array_pop_f64(Ref a) {
  uint32_t n = array_len(a);
  if (n == 0) return kNumUndefined;
  check_mutable(a, "dx_array_pop: a static array");
  double v = ldf64(array_data(a) + 8 * (n - 1));
  remove_range(a, n - 1, 1);
  return v;
}

uint32_t array_pop_u32(Ref a) {
  uint32_t n = array_len(a);
  if (n == 0) return 0;
  check_mutable(a, "dx_array_pop: a static array");
  uint32_t v = ld32(array_data(a) + 4 * (n - 1));
  remove_range(a, n - 1, 1);
  return v;
}

double array_shift_f64(Ref a) {
  if (array_len(a) == 0) return kNumUndefined;
  check_mutable(a, "dx_array_shift: a static array");
  double v = ldf64(array_data(a));
  remove_range(a, 0, 1);
  return v;
}

uint32_t array_shift_u32(Ref a) {
  if (array_len(a) == 0) return 0;
  check_mutable(a, "dx_array_shift: a static array");
  uint32_t v = ld32(array_data(a));
  remove_range(a, 0, 1);
  return v;
}

Ref array_splice(Ref a, double start, double delete_count, Ref items) {
  check_mutable(a, "dx_array_splice: a static array");
  uint32_t len = array_len(a), kind = array_kind(a), esz = elem_size(kind);
  if (items && array_kind(items) != kind) fatal("dx_array_splice: items of another element kind");
  items = copy_if_same(items, a);
  uint32_t at = rel_index(start, len);
  double dc = to_integer(delete_count);
  uint32_t del = dc <= 0 ? 0 : dc >= double(len - at) ? len - at : uint32_t(dc);
  Ref removed = array_new(kind, del);
  if (del) mem_copy(array_data(removed), array_data(a) + at * esz, del * esz);
  uint32_t m = array_len(items);
  if (m < del) {
    remove_range(a, at + m, del - m);  // decrements for the surplus, tail moved down
    if (heap_refs(a))
      for (uint32_t i = at; i < at + m; ++i) release_later(ld32(array_data(a) + 4 * i));
  } else {
    if (heap_refs(a))
      for (uint32_t i = at; i < at + del; ++i) release_later(ld32(array_data(a) + 4 * i));
    if (m > del) {
      array_reserve(a, len - del + m);
      Ref d = array_data(a);
      mem_copy(d + (at + m) * esz, d + (at + del) * esz, (len - at - del) * esz);
      st32(a + kArrLen, len - del + m);
      relog(a, at + m, len - del + m);
    }
  }
  for (uint32_t k = 0; k < m; ++k) store_new(a, at + k, items, k);
  return removed;
}

double array_unshift(Ref a, Ref items) {
  check_mutable(a, "dx_array_unshift: a static array");
  if (items && array_kind(items) != array_kind(a)) fatal("dx_array_unshift: items of another element kind");
  items = copy_if_same(items, a);
  uint32_t len = array_len(a), m = array_len(items), esz = elem_size(array_kind(a));
  if (m) {
    array_reserve(a, len + m);
    Ref d = array_data(a);
    mem_copy(d + m * esz, d, len * esz);
    st32(a + kArrLen, len + m);
    relog(a, m, len + m);
    for (uint32_t k = 0; k < m; ++k) store_new(a, k, items, k);
  }
  return double(len + m);
}

// --- sort -----------------------------------------------------------------------------------------------

namespace {

struct SortCtx {
  uint32_t kind;
  Ref elems;  // a copy of the elements (the spec's SortIndexedProperties list)
  Ref keys;   // default order: String(x) of each element
  uint32_t fn, env;
  bool by_key;
};

// SortCompare of elements i and j: < 0 when i goes first, > 0 when j does (NaN counts as +0).
double compare(const SortCtx& c, uint32_t i, uint32_t j) {
  if (c.by_key) return str_cmp(ld32(c.keys + 4 * i), ld32(c.keys + 4 * j));
  double v = c.kind == kElemNumber ? call_fn_f64(c.fn, c.env, ldf64(c.elems + 8 * i), ldf64(c.elems + 8 * j))
                                   : call_fn_i32(c.fn, c.env, ld32(c.elems + 4 * i), ld32(c.elems + 4 * j));
  return v != v ? 0 : v;
}

Ref default_key(uint32_t kind, Ref elems, uint32_t i, bool nullable) {
  if (nullable && kind == kElemNumber && num_is_nullish(ldf64(elems + 8 * i))) return str_from_latin1("null");
  if (nullable && kind == kElemU32) {  // a nullable boolean: false / true / null (undefined is not sorted)
    uint32_t v = ld32(elems + 4 * i);
    return str_from_latin1(v == 0 ? "false" : v == 1 ? "true" : "null");
  }
  switch (kind) {
    case kElemNumber: return dx_num_to_str(ldf64(elems + 8 * i));
    case kElemU32: return dx_num_to_str(double(ld32(elems + 4 * i)));
    case kElemString: return ld32(elems + 4 * i);
    case kElemArray: return array_join(ld32(elems + 4 * i), str_from_latin1(","));
    default: return str_from_latin1("[object Object]");  // records: all equal, the order is kept
  }
}

// V8's TimSort (third_party/v8/builtins/array-sort.tq, a port of CPython's listsort), step for step: the
// comparator sees the same calls in the same order as in V8, so even an inconsistent comparator gives V8's
// order. `w` is the working list (element indices), `tmp` scratch of n entries.
struct TimSort {
  const SortCtx& c;
  uint32_t* w;
  uint32_t* tmp;
  int32_t min_gallop = 7;
  int32_t run_base[85], run_len[85];  // pending runs (V8's kMaxMergePending)
  int32_t runs = 0;

  TimSort(const SortCtx& ctx, uint32_t* work, uint32_t* scratch) : c(ctx), w(work), tmp(scratch) {}

  double cmp(uint32_t x, uint32_t y) { return compare(c, x, y); }

  int32_t gallop_left(uint32_t key, const uint32_t* base, int32_t length, int32_t hint) {
    int32_t last = 0, ofs = 1;
    if (cmp(base[hint], key) < 0) {
      int32_t max = length - hint;
      while (ofs < max) {
        if (cmp(base[hint + ofs], key) >= 0) break;
        last = ofs;
        ofs = (ofs << 1) + 1;
        if (ofs <= 0) ofs = max;
      }
      if (ofs > max) ofs = max;
      last += hint;
      ofs += hint;
    } else {
      int32_t max = hint + 1;
      while (ofs < max) {
        if (cmp(base[hint - ofs], key) < 0) break;
        last = ofs;
        ofs = (ofs << 1) + 1;
        if (ofs <= 0) ofs = max;
      }
      if (ofs > max) ofs = max;
      int32_t t = last;
      last = hint - ofs;
      ofs = hint - t;
    }
    ++last;
    while (last < ofs) {
      int32_t m = last + ((ofs - last) >> 1);
      if (cmp(base[m], key) < 0) last = m + 1;
      else ofs = m;
    }
    return ofs;
  }

  int32_t gallop_right(uint32_t key, const uint32_t* base, int32_t length, int32_t hint) {
    int32_t last = 0, ofs = 1;
    if (cmp(key, base[hint]) < 0) {
      int32_t max = hint + 1;
      while (ofs < max) {
        if (cmp(key, base[hint - ofs]) >= 0) break;
        last = ofs;
        ofs = (ofs << 1) + 1;
        if (ofs <= 0) ofs = max;
      }
      if (ofs > max) ofs = max;
      int32_t t = last;
      last = hint - ofs;
      ofs = hint - t;
    } else {
      int32_t max = length - hint;
      while (ofs < max) {
        if (cmp(key, base[hint + ofs]) < 0) break;
        last = ofs;
        ofs = (ofs << 1) + 1;
        if (ofs <= 0) ofs = max;
      }
      if (ofs > max) ofs = max;
      last += hint;
      ofs += hint;
    }
    ++last;
    while (last < ofs) {
      int32_t m = last + ((ofs - last) >> 1);
      if (cmp(key, base[m]) < 0) ofs = m;
      else last = m + 1;
    }
    return ofs;
  }

  static void move(uint32_t* dst, const uint32_t* src, int32_t n) {
    if (n > 0) __builtin_memmove(dst, src, size_t(n) * 4);
  }

  void merge_low(int32_t base_a, int32_t na, int32_t base_b, int32_t nb) {
    move(tmp, w + base_a, na);
    int32_t dest = base_a, a = 0, b = base_b;  // a indexes tmp, b indexes w
    w[dest++] = w[b++];
    if (--nb == 0) { move(w + dest, tmp + a, na); return; }
    if (na == 1) { move(w + dest, w + b, nb); w[dest + nb] = tmp[a]; return; }
    for (;;) {
      int32_t acount = 0, bcount = 0;
      for (;;) {
        if (cmp(w[b], tmp[a]) < 0) {
          w[dest++] = w[b++];
          ++bcount;
          acount = 0;
          if (--nb == 0) { move(w + dest, tmp + a, na); return; }
          if (bcount >= min_gallop) break;
        } else {
          w[dest++] = tmp[a++];
          ++acount;
          bcount = 0;
          if (--na == 1) { move(w + dest, w + b, nb); w[dest + nb] = tmp[a]; return; }
          if (acount >= min_gallop) break;
        }
      }
      ++min_gallop;
      bool first = true;
      while (first || acount >= 7 || bcount >= 7) {
        first = false;
        min_gallop -= min_gallop > 1 ? 1 : 0;
        int32_t k = gallop_right(w[b], tmp + a, na, 0);
        acount = k;
        if (k) {
          move(w + dest, tmp + a, k);
          dest += k; a += k; na -= k;
          if (na == 1) { move(w + dest, w + b, nb); w[dest + nb] = tmp[a]; return; }
          if (na == 0) return;
        }
        w[dest++] = w[b++];
        if (--nb == 0) { move(w + dest, tmp + a, na); return; }
        k = gallop_left(tmp[a], w + b, nb, 0);
        bcount = k;
        if (k) {
          move(w + dest, w + b, k);
          dest += k; b += k; nb -= k;
          if (nb == 0) { move(w + dest, tmp + a, na); return; }
        }
        w[dest++] = tmp[a++];
        if (--na == 1) { move(w + dest, w + b, nb); w[dest + nb] = tmp[a]; return; }
      }
      ++min_gallop;
    }
  }

  void merge_high(int32_t base_a, int32_t na, int32_t base_b, int32_t nb) {
    move(tmp, w + base_b, nb);
    int32_t dest = base_b + nb - 1, b = nb - 1, a = base_a + na - 1;  // b indexes tmp, a indexes w
    w[dest--] = w[a--];
    auto copy_a = [&] {  // nb == 1: the rest of A moves up, B's first element goes in front
      dest -= na; a -= na;
      move(w + dest + 1, w + a + 1, na);
      w[dest] = tmp[b];
    };
    auto succeed = [&] { if (nb) move(w + dest - (nb - 1), tmp, nb); };
    if (--na == 0) { succeed(); return; }
    if (nb == 1) { copy_a(); return; }
    for (;;) {
      int32_t acount = 0, bcount = 0;
      for (;;) {
        if (cmp(tmp[b], w[a]) < 0) {
          w[dest--] = w[a--];
          ++acount;
          bcount = 0;
          if (--na == 0) { succeed(); return; }
          if (acount >= min_gallop) break;
        } else {
          w[dest--] = tmp[b--];
          ++bcount;
          acount = 0;
          if (--nb == 1) { copy_a(); return; }
          if (bcount >= min_gallop) break;
        }
      }
      ++min_gallop;
      bool first = true;
      while (first || acount >= 7 || bcount >= 7) {
        first = false;
        min_gallop -= min_gallop > 1 ? 1 : 0;
        int32_t k = na - gallop_right(tmp[b], w + base_a, na, na - 1);
        acount = k;
        if (k) {
          dest -= k; a -= k;
          move(w + dest + 1, w + a + 1, k);
          na -= k;
          if (na == 0) { succeed(); return; }
        }
        w[dest--] = tmp[b--];
        if (--nb == 1) { copy_a(); return; }
        k = nb - gallop_left(w[a], tmp, nb, nb - 1);
        bcount = k;
        if (k) {
          dest -= k; b -= k;
          move(w + dest + 1, tmp + b + 1, k);
          nb -= k;
          if (nb == 1) { copy_a(); return; }
          if (nb == 0) { succeed(); return; }
        }
        w[dest--] = w[a--];
        if (--na == 0) { succeed(); return; }
      }
      ++min_gallop;
    }
  }

  void merge_at(int32_t i) {
    int32_t base_a = run_base[i], na = run_len[i], base_b = run_base[i + 1], nb = run_len[i + 1];
    run_len[i] = na + nb;
    if (i == runs - 3) { run_base[i + 1] = run_base[i + 2]; run_len[i + 1] = run_len[i + 2]; }
    --runs;
    int32_t k = gallop_right(w[base_b], w + base_a, na, 0);
    base_a += k;
    na -= k;
    if (na == 0) return;
    nb = gallop_left(w[base_a + na - 1], w + base_b, nb, nb - 1);
    if (nb == 0) return;
    if (na <= nb) merge_low(base_a, na, base_b, nb);
    else merge_high(base_a, na, base_b, nb);
  }

  bool invariant(int32_t n) {  // RunInvariantEstablished
    if (n < 2) return true;
    return run_len[n - 2] > run_len[n - 1] + run_len[n];
  }

  void merge_collapse() {
    while (runs > 1) {
      int32_t n = runs - 2;
      if (!invariant(n + 1) || !invariant(n)) {
        if (run_len[n - 1] < run_len[n + 1]) --n;
        merge_at(n);
      } else if (run_len[n] <= run_len[n + 1]) {
        merge_at(n);
      } else {
        break;
      }
    }
  }

  void merge_force_collapse() {
    while (runs > 1) {
      int32_t n = runs - 2;
      if (n > 0 && run_len[n - 1] < run_len[n + 1]) --n;
      merge_at(n);
    }
  }

  int32_t count_and_make_run(int32_t low_arg, int32_t high) {
    int32_t low = low_arg + 1;
    if (low == high) return 1;
    int32_t run = 2;
    uint32_t prev = w[low];
    bool descending = cmp(w[low], w[low - 1]) < 0;
    for (int32_t i = low + 1; i < high; ++i) {
      double order = cmp(w[i], prev);
      if (descending ? order >= 0 : order < 0) break;
      prev = w[i];
      ++run;
    }
    if (descending)
      for (int32_t i = low_arg, j = low_arg + run - 1; i < j; ++i, --j) {
        uint32_t t = w[i];
        w[i] = w[j];
        w[j] = t;
      }
    return run;
  }

  void binary_insertion(int32_t low, int32_t start, int32_t high) {
    if (low == start) ++start;
    for (; start < high; ++start) {
      int32_t left = low, right = start;
      uint32_t pivot = w[start];
      while (left < right) {
        int32_t mid = left + ((right - left) >> 1);
        if (cmp(pivot, w[mid]) < 0) right = mid;
        else left = mid + 1;
      }
      for (int32_t p = start; p > left; --p) w[p] = w[p - 1];
      w[left] = pivot;
    }
  }

  void sort(int32_t n) {
    int32_t min_run = n, r = 0;
    while (min_run >= 64) { r |= min_run & 1; min_run >>= 1; }
    min_run += r;
    int32_t low = 0, remaining = n;
    while (remaining != 0) {
      int32_t run = count_and_make_run(low, low + remaining);
      if (run < min_run) {
        int32_t forced = min_run < remaining ? min_run : remaining;
        binary_insertion(low, low + run, low + forced);
        run = forced;
      }
      run_base[runs] = low;
      run_len[runs] = run;
      ++runs;
      merge_collapse();
      low += run;
      remaining -= run;
    }
    merge_force_collapse();
  }
};

}  // namespace

namespace {

// `nullable`: a nullable number or boolean array, whose undefined elements go to the end without being
// compared (SortIndexedProperties skips them; CompareArrayElements never sees one) and whose nulls sort as
// "null" in the default order.
Ref sort(Ref a, Ref cmp, bool nullable) {
  uint32_t n = array_len(a);
  if (n < 2) return a;
  check_mutable(a, "dx_array_sort: a static array");
  SortCtx c{};
  c.kind = array_kind(a);
  uint32_t esz = elem_size(c.kind);
  if (!cmp && c.kind == kElemClosure) fatal("dx_array_sort: default order of functions");
  if (nullable && c.kind != kElemNumber && c.kind != kElemU32) fatal("dx_array_sort_nullable: not a number or boolean array");
  c.elems = arena_alloc(n * esz);
  uint32_t m = 0;  // the elements that are sorted (all but the undefined ones)
  Ref d = array_data(a);
  for (uint32_t i = 0; i < n; ++i) {
    if (esz == 8) {
      double v = ldf64(d + 8 * i);
      if (nullable && __builtin_bit_cast(uint64_t, v) == kNumUndefinedBits) continue;
      stf64(c.elems + 8 * m++, v);
    } else {
      uint32_t v = ld32(d + 4 * i);
      if (nullable && v == kBoolUndefined) continue;
      st32(c.elems + 4 * m++, v);
    }
  }
  if (cmp) {
    c.fn = ld32(cmp + kClosureFn);
    c.env = ld32(cmp + kClosureEnv);
  } else {
    c.by_key = true;
    c.keys = arena_alloc(4 * (m ? m : 1));
    for (uint32_t i = 0; i < m; ++i) st32(c.keys + 4 * i, default_key(c.kind, c.elems, i, nullable));
  }
  Ref src = arena_alloc(4 * (m ? m : 1));
  for (uint32_t i = 0; i < m; ++i) st32(src + 4 * i, i);
  if (m >= 2) {
    TimSort ts(c, reinterpret_cast<uint32_t*>(mem(src)), reinterpret_cast<uint32_t*>(mem(arena_alloc(4 * m))));
    ts.sort(int32_t(m));
  }
  // Write back (the comparator may have changed the array: only the first min(n, length) slots), the sorted
  // elements, then the undefined ones.
  uint32_t len = array_len(a), end = n < len ? n : len;
  d = array_data(a);
  for (uint32_t k = 0; k < end; ++k) {
    if (k >= m) {
      if (esz == 8) stf64(d + 8 * k, kNumUndefined);
      else st32(d + 4 * k, kBoolUndefined);
      continue;
    }
    uint32_t from = ld32(src + 4 * k);
    if (esz == 8) stf64(d + 8 * k, ldf64(c.elems + 8 * from));
    else st32(d + 4 * k, ld32(c.elems + 4 * from));
  }
  relog(a, 0, end);
  return a;
}

}  // namespace

Ref array_sort(Ref a, Ref cmp) { return sort(a, cmp, false); }

}  // namespace dx::rt

using namespace dx::rt;

DX_EXPORT("dx_array_slice") uint32_t dx_array_slice(uint32_t arr, double start, double end) {
  return array_slice(arr, start, end);
}
DX_EXPORT("dx_array_index_of_f64") double dx_array_index_of_f64(uint32_t arr, double v, double from) {
  return array_index_of_f64(arr, v, from, false);
}
DX_EXPORT("dx_array_includes_f64") uint32_t dx_array_includes_f64(uint32_t arr, double v, double from) {
  return array_index_of_f64(arr, v, from, true) >= 0 ? 1 : 0;
}
DX_EXPORT("dx_array_index_of_i32") double dx_array_index_of_i32(uint32_t arr, uint32_t v, double from) {
  return array_index_of_u32(arr, v, from);
}
DX_EXPORT("dx_array_includes_i32") uint32_t dx_array_includes_i32(uint32_t arr, uint32_t v, double from) {
  return array_index_of_u32(arr, v, from) >= 0 ? 1 : 0;
}
DX_EXPORT("dx_array_reverse") uint32_t dx_array_reverse(uint32_t arr) { return array_reverse(arr); }
DX_EXPORT("dx_array_pop_f64") double dx_array_pop_f64(uint32_t arr) { return array_pop_f64(arr); }
DX_EXPORT("dx_array_pop_i32") uint32_t dx_array_pop_i32(uint32_t arr) { return array_pop_u32(arr); }
DX_EXPORT("dx_array_shift_f64") double dx_array_shift_f64(uint32_t arr) { return array_shift_f64(arr); }
DX_EXPORT("dx_array_shift_i32") uint32_t dx_array_shift_i32(uint32_t arr) { return array_shift_u32(arr); }
DX_EXPORT("dx_array_unshift") double dx_array_unshift(uint32_t arr, uint32_t items) { return array_unshift(arr, items); }
DX_EXPORT("dx_array_splice") uint32_t dx_array_splice(uint32_t arr, double start, double count, uint32_t items) {
  return array_splice(arr, start, count, items);
}
DX_EXPORT("dx_array_sort") uint32_t dx_array_sort(uint32_t arr, uint32_t cmp) { return array_sort(arr, cmp); }

// Nullable number and boolean arrays.
DX_EXPORT("dx_array_index_of_nullable") double dx_array_index_of_nullable(uint32_t arr, double v, double from) {
  return array_index_of_nullable(arr, v, from, false);
}
DX_EXPORT("dx_array_includes_nullable") uint32_t dx_array_includes_nullable(uint32_t arr, double v, double from) {
  return array_index_of_nullable(arr, v, from, true) >= 0 ? 1 : 0;
}
DX_EXPORT("dx_array_join_nullable") uint32_t dx_array_join_nullable(uint32_t arr, uint32_t sep) { return array_join_nullable(arr, sep); }
DX_EXPORT("dx_array_sort_nullable") uint32_t dx_array_sort_nullable(uint32_t arr, uint32_t cmp) { return sort(arr, cmp, true); }
