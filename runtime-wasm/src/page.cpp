// page.cpp — the page allocator (contract in page.h).
#include "page.h"

namespace dx::rt {

uint8_t g_page_tags[65536];

namespace {

struct Span { uint32_t first, count; };  // page numbers

// Free spans sorted by address, never adjacent (adjacent spans are merged). When the table is full a
// freed span is dropped (leaked) rather than failing: this needs > 1024 separate holes.
constexpr uint32_t kMaxSpans = 1024;
Span g_spans[kMaxSpans];
uint32_t g_span_count = 0;
uint32_t g_top = 0;    // first page never handed out (page number)
uint32_t g_first = 0;  // first page the allocator owns

void set_tags(uint32_t first, uint32_t count, uint8_t tag) {
  for (uint32_t i = 0; i < count; ++i) g_page_tags[first + i] = tag;
}

void remove_span(uint32_t i) {
  for (uint32_t k = i + 1; k < g_span_count; ++k) g_spans[k - 1] = g_spans[k];
  --g_span_count;
}

// Best fit: the smallest span that holds `count` pages (lowest address on ties).
bool take_from_spans(uint32_t count, uint32_t* first) {
  uint32_t best = kMaxSpans;
  for (uint32_t i = 0; i < g_span_count; ++i)
    if (g_spans[i].count >= count && (best == kMaxSpans || g_spans[i].count < g_spans[best].count)) best = i;
  if (best == kMaxSpans) return false;
  *first = g_spans[best].first;
  g_spans[best].first += count;
  g_spans[best].count -= count;
  if (g_spans[best].count == 0) remove_span(best);
  return true;
}

}  // namespace

void pages_init(Ref heap_base) {
  g_first = (heap_base + kPageBytes - 1) >> kPageShift;
  g_top = g_first;
  g_span_count = 0;
}

void pages_reset() {
  for (uint32_t i = 0; i < 65536; ++i) g_page_tags[i] = kTagStatic;
  g_span_count = 0;
  g_top = g_first = 0;
}

Ref pages_top() { return g_top << kPageShift; }

namespace detail {
uint32_t span_count() { return g_span_count; }
void span_at(uint32_t i, uint32_t* first, uint32_t* count) { *first = g_spans[i].first, *count = g_spans[i].count; }
}  // namespace detail

Ref pages_alloc(uint32_t count, uint8_t tag) {
  uint32_t first;
  if (!take_from_spans(count, &first)) {
    if (count > 65536 - g_top) fatal("out of memory: linear memory limit reached");
    first = g_top;
    uint32_t need = g_top + count, have = mem_pages();
    if (need > have) {
      // Grow by at least 1/8 of the current size: fewer memory.grow calls, fewer buffer changes in JS.
      uint32_t want = need - have, extra = have / 8;
      if (want < extra) want = extra;
      if (!mem_grow(want) && !mem_grow(need - have)) fatal("out of memory: memory.grow failed");
    }
    g_top = need;
  }
  set_tags(first, count, tag);
  return first << kPageShift;
}

void pages_free(Ref start, uint32_t count) {
  uint32_t first = start >> kPageShift;
  set_tags(first, count, kTagFree);
  if (first + count == g_top) {  // give back to the top, then absorb a free span that now ends there
    g_top = first;
    if (g_span_count && g_spans[g_span_count - 1].first + g_spans[g_span_count - 1].count == g_top) {
      g_top = g_spans[g_span_count - 1].first;
      set_tags(g_top, g_spans[g_span_count - 1].count, kTagStatic);
      --g_span_count;
    }
    set_tags(g_top, first + count - g_top, kTagStatic);
    return;
  }
  uint32_t i = 0;  // insertion point: first span after `first`
  while (i < g_span_count && g_spans[i].first < first) ++i;
  bool merge_prev = i > 0 && g_spans[i - 1].first + g_spans[i - 1].count == first;
  bool merge_next = i < g_span_count && first + count == g_spans[i].first;
  if (merge_prev && merge_next) {
    g_spans[i - 1].count += count + g_spans[i].count;
    remove_span(i);
  } else if (merge_prev) {
    g_spans[i - 1].count += count;
  } else if (merge_next) {
    g_spans[i].first = first;
    g_spans[i].count += count;
  } else if (g_span_count < kMaxSpans) {
    for (uint32_t k = g_span_count; k > i; --k) g_spans[k] = g_spans[k - 1];
    g_spans[i] = {first, count};
    ++g_span_count;
  }
}

}  // namespace dx::rt
