// ops.cpp — the op buffer and its string table (contract in ops.h, format in schemas/ops.md).
#include "ops.h"

#include "app.h"
#include "str.h"

namespace dx::rt {

namespace {

Vec32 g_words;             // op words
Vec32 g_lens;              // UTF-16 length of each string in the table
Ref g_bytes = 0;           // string table: UTF-8, each string followed by a 0 byte
uint32_t g_blen = 0, g_bcap = 0;
bool g_has_nul = false;    // some string contains U+0000: readers must cut by g_lens
Ref g_header = 0;          // the batch header (6 words), allocated once

// Interning: a direct-mapped cache Ref → index for runtime strings, a memo per dxb string. Entries of
// older batches are told apart by the batch generation.
constexpr uint32_t kCacheSize = 256;
struct CacheEntry { Ref key; uint32_t index, gen; };
CacheEntry g_cache[kCacheSize];
Vec32 g_dxb_memo;          // per dxb string: gen, index
uint32_t g_gen = 0;

Ref byte_space(uint32_t n) {
  if (n > 0x7FFFFFFFu - g_blen) fatal("op buffer: string table too large");
  if (g_blen + n > g_bcap) {
    uint32_t want = g_bcap < 4096 ? 4096 : g_bcap * 2;
    while (want < g_blen + n) want *= 2;
    Ref b = heap_alloc(want);
    mem_copy(b, g_bytes, g_blen);
    if (g_bytes) heap_free(g_bytes);
    g_bytes = b;
    g_bcap = heap_block_size(b);
  }
  Ref p = g_bytes + g_blen;
  g_blen += n;
  return p;
}

// Finishes the string whose `n` UTF-8 bytes were just written at `p`; returns its index.
uint32_t seal(Ref p, uint32_t n, uint32_t utf16_len) {
  const uint8_t* b = mem(p);
  for (uint32_t i = 0; i < n; ++i)
    if (b[i] == 0) { g_has_nul = true; break; }
  st8(byte_space(1), 0);
  g_lens.push(utf16_len);
  return g_lens.len - 1;
}

uint32_t utf16_length(const uint8_t* s, uint32_t n) {
  uint32_t units = 0;
  for (uint32_t i = 0; i < n; ++i) {
    uint8_t c = s[i];
    if ((c & 0xC0) != 0x80) units += c >= 0xF0 ? 2 : 1;  // lead bytes; 4-byte sequences are pairs
  }
  return units;
}

}  // namespace

void ops_reset() {
  g_words = g_lens = g_dxb_memo = Vec32();
  g_bytes = g_blen = g_bcap = 0;
  g_has_nul = false;
  g_header = 0;
  for (CacheEntry& e : g_cache) e = {0, 0, 0};
  g_gen = 0;
}

void ops_begin() {
  g_words.len = 0;
  g_lens.len = 0;
  g_blen = 0;
  g_has_nul = false;
  ++g_gen;
  if (!g_header) g_header = heap_alloc(4 * schema::kBatchHeaderWords);
}

Ref ops_finish() {
  using namespace schema;
  st32(g_header + 4 * kBatchOpWords, g_words.len);
  st32(g_header + 4 * kBatchOps, g_words.data);
  st32(g_header + 4 * kBatchStringCount, g_lens.len);
  st32(g_header + 4 * kBatchStringBytes, g_bytes);
  st32(g_header + 4 * kBatchStringBytesLen, g_blen);
  st32(g_header + 4 * kBatchStringLengths, g_has_nul ? g_lens.data : 0);
  return g_header;
}

uint32_t ops_words() { return g_words.len; }

Ref op_space(uint32_t n) {
  g_words.reserve(g_words.len + n);
  Ref p = g_words.data + 4 * g_words.len;
  g_words.len += n;
  return p;
}

uint32_t op_str(Ref s) {
  CacheEntry& e = g_cache[(s >> 3) & (kCacheSize - 1)];
  if (e.gen == g_gen && e.key == s) return e.index;
  uint32_t n = utf8_size(s);
  Ref p = byte_space(n);
  write_utf8(s, mem(p));
  uint32_t index = seal(p, n, str_len(s));
  e = {s, index, g_gen};
  return index;
}

uint32_t op_dxb_str(uint32_t i) {
  if (g_dxb_memo.len == 0) {
    uint32_t n = app_dxb().string_count();
    g_dxb_memo.reserve(2 * n);
    for (uint32_t k = 0; k < 2 * n; ++k) g_dxb_memo.push(0);
  }
  if (g_dxb_memo.at(2 * i) == g_gen) return g_dxb_memo.at(2 * i + 1);
  schema::DxbView::Str s = app_dxb().string(i);
  Ref p = byte_space(s.size);
  __builtin_memcpy(mem(p), s.data, s.size);
  uint32_t index = seal(p, s.size, utf16_length(s.data, s.size));
  g_dxb_memo.set(2 * i, g_gen);
  g_dxb_memo.set(2 * i + 1, index);
  return index;
}

uint32_t op_cstr(const char* message) {
  uint32_t n = 0;
  while (message[n]) ++n;
  Ref p = byte_space(n);
  for (uint32_t i = 0; i < n; ++i) st8(p + i, uint8_t(message[i]));
  return seal(p, n, utf16_length(mem(p), n));
}

uint32_t op_template_paths(uint32_t t) {
  const schema::DxbView& dxb = app_dxb();
  schema::DxbTemplate tpl = dxb.template_at(t);
  uint32_t count = uint32_t(tpl.root_count) + tpl.slot_count, size = count ? count - 1 : 0;
  for (uint32_t k = 0; k < count; ++k) size += dxb.string(dxb.path(tpl.first_path + k)).size;
  Ref p = byte_space(size);
  uint8_t* out = mem(p);
  for (uint32_t k = 0, w = 0; k < count; ++k) {
    if (k) out[w++] = ' ';
    schema::DxbView::Str s = dxb.string(dxb.path(tpl.first_path + k));
    __builtin_memcpy(out + w, s.data, s.size);
    w += s.size;
  }
  return seal(p, size, size);  // f, n and spaces: one code unit per byte
}

void op_error(const char* message) { emit(schema::kOpError, op_cstr(message)); }

}  // namespace dx::rt
