// The resumption snapshot (schemas/snapshot.md): writer and validating reader, base64, the page's script.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "dx/ssr/snapshot.h"
#include "dx/ssr/word_stream.h"

using dx::ssr::Listener;
using dx::ssr::Snapshot;

TEST_CASE("a snapshot keeps the changed memory, node order and listeners, and reads back", "[ssr][snapshot]") {
  std::vector<uint8_t> initial(3 * 65536, 0), now(4 * 65536, 0);
  for (size_t i = 0; i < initial.size(); i++) initial[i] = now[i] = uint8_t(i * 7);
  now[100] ^= 1;                    // one byte in the first chunk
  now[65536 + 40] ^= 0xFF;          // two changes one chunk apart: bridged into one range
  now[65536 + 100] ^= 0xFF;
  now[3 * 65536 + 5] = 9;           // in the grown page (the fresh memory has no byte there: compared with 0)
  std::vector<uint32_t> order = {2, 3, 0, dx::ssr::HtmlDoc::kOrderEmptyText | 4};
  std::vector<Listener> ls = {{2, "click", 0, 8}, {3, "input", 5, 1}};
  std::vector<uint8_t> bytes = dx::ssr::encode_snapshot(initial, now, order, ls);

  Snapshot s;
  std::string err;
  REQUIRE(dx::ssr::decode_snapshot(bytes, &s, &err));
  CHECK(s.pages == 4);
  REQUIRE(s.ranges.size() == 3);
  std::vector<uint8_t> rebuilt = initial;
  rebuilt.resize(now.size(), 0);
  for (const auto& r : s.ranges) std::copy(r.bytes.begin(), r.bytes.end(), rebuilt.begin() + r.offset);
  CHECK(rebuilt == now);
  CHECK(s.order == order);
  REQUIRE(s.listeners.size() == 2);
  CHECK(s.listeners[1].event == "input");
  CHECK(s.listeners[1].handler == 5);
  CHECK(s.listeners[1].flags == 1);

  // Every truncation and a trailing byte are refused.
  for (size_t n = 0; n < bytes.size(); n++) {
    Snapshot t;
    CHECK_FALSE(dx::ssr::decode_snapshot(std::vector<uint8_t>(bytes.begin(), bytes.begin() + long(n)), &t, &err));
  }
  std::vector<uint8_t> longer = bytes;
  longer.push_back(0);
  Snapshot t;
  CHECK_FALSE(dx::ssr::decode_snapshot(longer, &t, &err));
  std::vector<uint8_t> bad_magic = bytes;
  bad_magic[3] = '1';  // the previous version's
  CHECK_FALSE(dx::ssr::decode_snapshot(bad_magic, &t, &err));
}

TEST_CASE("base64 both ways, and the snapshot found in a page", "[ssr][snapshot]") {
  for (std::string text : {"", "f", "fo", "foo", "foob", "fooba", "foobar"}) {
    std::vector<uint8_t> in(text.begin(), text.end()), out;
    std::string b64 = dx::ssr::base64(in);
    REQUIRE(dx::ssr::unbase64(b64, &out));
    CHECK(out == in);
  }
  CHECK(dx::ssr::base64(std::vector<uint8_t>{'f', 'o', 'o', 'b', 'a', 'r'}) == "Zm9vYmFy");
  std::string page = "<s>";
  dx::ssr::append_base64(page, std::vector<uint8_t>{'f', 'o', 'o', 'b'});
  CHECK(page == "<s>Zm9vYg==");
  std::vector<uint8_t> out;
  CHECK_FALSE(dx::ssr::unbase64("Zm9", &out));
  CHECK_FALSE(dx::ssr::unbase64("Zm9v!mFy", &out));
  page = "<html><body><div id=\"dx-root\"></div><script type=\"application/dx-state\" id=\"dx-state\">" +
                     dx::ssr::base64(std::vector<uint8_t>{'D', 'X', 'S', '2'}) + "</script></body></html>";
  REQUIRE(dx::ssr::snapshot_in_html(page, &out));
  CHECK(out == std::vector<uint8_t>{'D', 'X', 'S', '2'});
  CHECK_FALSE(dx::ssr::snapshot_in_html("<html></html>", &out));
}

namespace {

// The writer's ranges as the format defines them, one 32-byte chunk at a time (the writer skips unchanged
// memory by blocks and words: it must find exactly these).
std::vector<std::pair<uint32_t, uint32_t>> reference_ranges(const std::vector<uint8_t>& initial,
                                                            const std::vector<uint8_t>& now) {
  auto differs = [&](size_t at) {
    for (size_t i = at; i < std::min(at + 32, now.size()); i++)
      if (now[i] != (i < initial.size() ? initial[i] : 0)) return true;
    return false;
  };
  std::vector<std::pair<uint32_t, uint32_t>> out;
  for (size_t at = 0; at < now.size();) {
    if (!differs(at)) {
      at += 32;
      continue;
    }
    size_t end = at + 32;
    while (end < now.size() && (differs(end) || (end + 32 < now.size() && differs(end + 32)))) end += 32;
    end = std::min(end, now.size());
    out.emplace_back(uint32_t(at), uint32_t(end - at));
    at = end;
  }
  return out;
}

}  // namespace

TEST_CASE("the snapshot's ranges are the changed 32-byte chunks, whatever the pattern", "[ssr][snapshot]") {
  uint32_t seed = 12345;
  auto rnd = [&] { return seed = seed * 1103515245u + 12345u, (seed >> 8) & 0xFFFFFF; };
  for (int round = 0; round < 60; round++) {
    // The fresh memory may be shorter than the rendered one, by grown pages or by less (compared with 0).
    size_t nsize = 65536 * (round % 2 ? 2 : 1);
    size_t isize = round % 3 == 0 ? 65536 - size_t(rnd() % 3000) : 65536;
    std::vector<uint8_t> initial(isize), now(nsize, 0);
    bool sparse = round % 5 != 0;  // mostly zero, with a few 4 KiB blocks holding one byte, as a fresh memory
    for (size_t i = 0; i < isize; i++)
      initial[i] = now[i] = sparse ? (rnd() % 20000 == 0 ? uint8_t(1 + rnd() % 255) : 0) : rnd() % 4 ? 0 : uint8_t(rnd());
    int changes = int(rnd() % 40);
    for (int c = 0; c < changes; c++) {  // single bytes, runs, changes a chunk or two apart, at the ends
      size_t at = c == 0 ? 0 : c == 1 ? nsize - 1 : size_t(rnd()) % nsize;
      size_t len = rnd() % 4 == 0 ? size_t(rnd() % 700) : 1;
      for (size_t i = at; i < std::min(at + len, nsize); i++) now[i] = uint8_t(now[i] + 1 + rnd() % 200);
      if (rnd() % 3 == 0 && at + 64 < nsize) now[at + 32 + rnd() % 40] ^= 0x10;
    }
    Snapshot s;
    std::string err;
    REQUIRE(dx::ssr::decode_snapshot(dx::ssr::encode_snapshot(initial, now, {}, {}), &s, &err));
    std::vector<std::pair<uint32_t, uint32_t>> got;
    for (const auto& r : s.ranges) {
      got.emplace_back(r.offset, uint32_t(r.bytes.size()));
      CHECK(std::equal(r.bytes.begin(), r.bytes.end(), now.begin() + r.offset));
    }
    INFO("round " << round);
    CHECK(got == reference_ranges(initial, now));

    // Spent ranges (the render's op batch) read as 0: the same snapshot as from a copy with them zeroed,
    // whether they overlap, touch, repeat, run past the end or lie where the fresh memory is not 0.
    std::vector<std::pair<uint64_t, uint64_t>> spent;
    for (int k = int(rnd() % 5); k > 0; k--) spent.emplace_back(rnd() % (nsize + 100), rnd() % 4 ? rnd() % 300 : rnd() % 70000);
    if (round % 4 == 0) spent.emplace_back(0, 40), spent.emplace_back(20, 10), spent.emplace_back(60, 0);
    std::vector<uint8_t> zeroed = now;
    for (auto [at, len] : spent)
      for (uint64_t i = at; i < std::min<uint64_t>(at + len, nsize); i++) zeroed[i] = 0;
    // With the fresh memory's zero blocks indexed (here many are zero, some hold a stray byte).
    dx::ssr::FreshMemory fresh(initial);
    std::vector<uint8_t> expected = dx::ssr::encode_snapshot(initial, zeroed, {2, 0}, {{2, "click", 1, 0}});
    CHECK(dx::ssr::encode_snapshot(fresh, now, {2, 0}, {{2, "click", 1, 0}}, spent) == expected);
    if (spent.empty()) CHECK(dx::ssr::encode_snapshot(fresh, now, {2, 0}, {{2, "click", 1, 0}}) == expected);
  }
}

namespace {

std::vector<uint32_t> round_trip(const std::vector<uint32_t>& words, size_t* encoded_size = nullptr) {
  std::vector<uint8_t> bytes;
  dx::ssr::put_words(bytes, words);
  if (encoded_size) *encoded_size = bytes.size();
  std::vector<uint32_t> back(words.size(), 0xDEADBEEF);
  size_t at = 0;
  REQUIRE(dx::ssr::get_words(bytes, &at, back));
  CHECK(at == bytes.size());
  // Every truncation is refused, never read past.
  for (size_t n = 0; n < bytes.size(); n++) {
    size_t a = 0;
    std::vector<uint32_t> t(words.size());
    CHECK_FALSE(dx::ssr::get_words(std::span<const uint8_t>(bytes.data(), n), &a, t));
  }
  return back;
}

}  // namespace

TEST_CASE("word streams read back exactly, whatever the words", "[ssr][snapshot]") {
  uint32_t seed = 777;
  auto rnd = [&] { return seed = seed * 1103515245u + 12345u, seed >> 3; };
  std::vector<std::vector<uint32_t>> cases = {{}, {0}, {0xFFFFFFFF}, {0x80000000, 0x7FFFFFFF, 0, 1, 0xFFFFFFFF}};
  for (int round = 0; round < 40; round++) {
    std::vector<uint32_t> w(rnd() % 600);
    uint32_t stride = 1 + rnd() % 20;
    for (size_t i = 0; i < w.size(); i++) {
      switch (round % 4) {
        case 0: w[i] = rnd(); break;                                         // noise: raw runs
        case 1: w[i] = i % stride == 0 ? uint32_t(i * 40) : rnd() % 3; break;  // records: a pointer, small fields
        case 2: w[i] = rnd() % 5 ? 0 : uint32_t(rnd() % 1000) - 500; break;   // sparse, negative numbers
        default: w[i] = i % 7 == 0 ? rnd() : uint32_t(i / stride) | 0x80000000u;  // mixed, bit 31 set
      }
    }
    cases.push_back(std::move(w));
  }
  for (const auto& w : cases) {
    INFO("words " << w.size());
    CHECK(round_trip(w) == w);
  }
}

TEST_CASE("word streams pack records laid out at a stride to a few bytes", "[ssr][snapshot]") {
  // 1,000 rows of 10 words: an id counting up, pointers advancing by the record size, constant flags.
  std::vector<uint32_t> rows;
  for (uint32_t r = 0; r < 1000; r++)
    for (uint32_t f = 0; f < 10; f++) rows.push_back(f == 0 ? r + 1 : f < 4 ? 0x10000 + 40 * r + 4 * f : f == 9 ? 0 : 7);
  size_t size = 0;
  CHECK(round_trip(rows, &size) == rows);
  CHECK(size < 100);  // 40,000 bytes of memory
  // Node ids in document order: ten per row, one after another.
  std::vector<uint32_t> ids(10000);
  for (uint32_t i = 0; i < ids.size(); i++) ids[i] = 2 + i;
  CHECK(round_trip(ids, &size) == ids);
  CHECK(size < 16);
}

TEST_CASE("malformed word streams are refused", "[ssr][snapshot]") {
  std::vector<uint32_t> w(4);
  auto refused = [&](std::vector<uint8_t> bytes) {
    size_t at = 0;
    return !dx::ssr::get_words(bytes, &at, w);
  };
  CHECK(refused({0xC1, 0}));        // order 3
  CHECK(refused({0x40, 0}));        // order 1 without a stride
  CHECK(refused({0x00, 3}));        // token kind 3
  CHECK(refused({0x00, 4 << 2 | 1}));  // a run of 5 words where 4 are left
  CHECK(refused({0x00, 0x80, 0x80, 0x80, 0x80, 0x80, 0}));  // a varint of more than 5 bytes
  CHECK_FALSE(refused({0x00, 3 << 2 | 1}));  // 4 exact predictions (zeros)
}

TEST_CASE("the worked example of schemas/snapshot.md, byte for byte", "[ssr][snapshot]") {
  std::vector<uint8_t> initial(64 * 65536, 0), now(64 * 65536, 0);
  now[0x10000] = 1, now[0x10004] = 2;
  std::vector<uint8_t> expected = {0x44, 0x58, 0x53, 0x32, 0x40, 0x01, 0x80, 0x80, 0x01, 0x08, 0x00, 0x08, 0x10, 0x15,
                                   0x03, 0x00, 0x10, 0x18, 0x01, 0x01, 0x05, 'c',  'l',  'i',  'c',  'k',  0x01, 0x00,
                                   0x10, 0x09};
  CHECK(dx::ssr::encode_snapshot(initial, now, {2, 3, 0}, {{2, "click", 0, 0}}) == expected);
}
