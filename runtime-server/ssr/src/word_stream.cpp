// word_stream.cpp — the snapshot's packed u32 sequences (dx/ssr/word_stream.h, schemas/snapshot.md).
#include "dx/ssr/word_stream.h"

#include <algorithm>
#include <array>
#include <bit>

namespace dx::ssr {
namespace {

// The strides tried (with order 2; order 0 besides): record sizes in words as the runtime lays them out,
// node counts per row. Measured on tools/bench/ssr's page: order 1 and more strides gain < 2 % there and
// cost the writer twice the time.
constexpr uint32_t kStrides[] = {1, 2, 3, 4, 5, 6, 8, 10, 12, 16};
constexpr uint32_t kRawResidual = 1u << 26;  // a zigzagged residual this large costs 5 varint bytes: raw is no worse

struct Mode {
  uint32_t order = 0;   // 0: predict 0; 1: the word a stride before; 2: the line through the two strides before
  uint32_t stride = 0;  // 1..63 when order > 0
  uint8_t byte() const { return uint8_t(order << 6 | stride); }
};

uint32_t predict(const uint32_t* w, size_t i, Mode m) {
  if (m.order == 0 || i < m.stride) return 0;
  if (m.order == 1 || i < 2 * size_t(m.stride)) return w[i - m.stride];
  return 2 * w[i - m.stride] - w[i - 2 * m.stride];  // modulo 2^32, as the reader computes it
}

uint32_t zigzag(uint32_t r) { return (r << 1) ^ uint32_t(int32_t(r) >> 31); }
uint32_t unzigzag(uint32_t z) { return (z >> 1) ^ (0u - (z & 1)); }

// What a residual costs in quarter bytes: an exact prediction inside a run about nothing (a quarter byte
// stands for its share of the run's token), a raw word 4 bytes and its share of a header.
uint32_t residual_cost(uint32_t r) {
  static constexpr auto kByWidth = [] {  // zigzag bit width → the token's varint bytes × 4
    std::array<uint8_t, 33> t{};
    for (uint32_t b = 0; b <= 32; b++) t[b] = uint8_t(b + 2 > 28 ? 17 : 4 * ((b + 2 + 6) / 7));
    return t;
  }();
  return r ? kByWidth[size_t(std::bit_width(zigzag(r)))] : 1;
}

// The residuals of w[from, to) under `m` into r[from, to): the prediction's two branches hoisted out of
// the loop that runs over most of the words.
void residuals(const uint32_t* w, size_t from, size_t to, Mode m, uint32_t* r) {
  size_t s = m.stride, i = from;
  if (m.order == 0) {
    std::copy(w + from, w + to, r + from);
    return;
  }
  for (size_t head = std::min(to, m.order == 1 ? s : 2 * s); i < head; i++) r[i] = w[i] - predict(w, i, m);
  if (m.order == 1)
    for (; i < to; i++) r[i] = w[i] - w[i - s];
  else
    for (; i < to; i++) r[i] = w[i] - 2 * w[i - s] + w[i - 2 * s];
}

// The predictor that costs least on a sample: the whole stream when short, else eight windows across it.
Mode choose(std::span<const uint32_t> w, uint32_t* scratch) {
  constexpr size_t kWindow = 64, kWindows = 8;
  auto sampled = [&](Mode m, uint64_t limit) {
    uint64_t c = 0;
    auto add = [&](size_t from, size_t to) {
      residuals(w.data(), from, to, m, scratch);
      for (size_t i = from; i < to; i++) c += residual_cost(scratch[i]);
    };
    if (w.size() <= kWindow * kWindows) add(0, w.size());
    else
      for (size_t k = 0; k < kWindows && c <= limit; k++) {
        size_t from = (w.size() - kWindow) * k / (kWindows - 1);
        add(from, from + kWindow);
      }
    return c;
  };
  Mode best;
  uint64_t best_cost = sampled(best, UINT64_MAX);
  for (uint32_t s : kStrides) {
    if (s >= w.size()) break;
    Mode m{2, s};
    if (uint64_t c = sampled(m, best_cost); c < best_cost) best = m, best_cost = c;
  }
  return best;
}

void put_le32(std::vector<uint8_t>& out, uint32_t v) {
  uint8_t b[4] = {uint8_t(v), uint8_t(v >> 8), uint8_t(v >> 16), uint8_t(v >> 24)};
  out.insert(out.end(), b, b + 4);
}

}  // namespace

void put_varint(std::vector<uint8_t>& out, uint64_t v) {
  while (v >= 128) out.push_back(uint8_t(v | 128)), v >>= 7;
  out.push_back(uint8_t(v));
}

bool get_varint(std::span<const uint8_t> in, size_t* at, uint64_t* v) {
  uint64_t x = 0;
  for (uint32_t shift = 0; shift < 35; shift += 7) {
    if (*at >= in.size()) return false;
    uint8_t c = in[(*at)++];
    x |= uint64_t(c & 127) << shift;
    if (c < 128) return *v = x, true;
  }
  return false;
}

// Tokens (varints), until the count is reached: t % 4 == 0: one word, the prediction plus the residual
// unzigzag(t / 4); 1: t / 4 + 1 words equal to their predictions; 2: t / 4 + 1 words as 4 bytes each (LE).
void put_words(std::vector<uint8_t>& out, std::span<const uint32_t> w) {
  thread_local std::vector<uint32_t> r;  // the residuals (and the sample's): one buffer per thread, reused
  r.resize(w.size());
  Mode m = choose(w, r.data());
  residuals(w.data(), 0, w.size(), m, r.data());
  out.push_back(m.byte());
  size_t zeros = 0, raw = 0, raw_from = 0;
  auto flush = [&] {
    if (zeros) put_varint(out, uint64_t(zeros - 1) << 2 | 1), zeros = 0;
    if (raw) {
      put_varint(out, uint64_t(raw - 1) << 2 | 2);
      for (size_t k = raw_from; k < raw_from + raw; k++) put_le32(out, w[k]);
      raw = 0;
    }
  };
  for (size_t i = 0; i < w.size(); i++) {
    if (!r[i]) {
      if (raw) flush();
      zeros++;
    } else if (uint32_t z = zigzag(r[i]); z >= kRawResidual) {
      if (zeros) flush();
      if (!raw) raw_from = i;
      raw++;
    } else {
      if (zeros | raw) flush();
      put_varint(out, uint64_t(z) << 2);
    }
  }
  flush();
}

bool get_words(std::span<const uint8_t> in, size_t* at, std::span<uint32_t> w) {
  if (*at >= in.size()) return false;
  uint8_t b = in[(*at)++];
  Mode m{uint32_t(b >> 6), uint32_t(b & 63)};
  if (m.order == 3 || (m.order && !m.stride)) return false;
  for (size_t i = 0; i < w.size();) {
    uint64_t t;
    if (!get_varint(in, at, &t)) return false;
    uint64_t v = t >> 2;
    if ((t & 3) == 0) {
      if (v > UINT32_MAX) return false;
      w[i] = predict(w.data(), i, m) + unzigzag(uint32_t(v));
      i++;
      continue;
    }
    if ((t & 3) == 3 || v >= w.size() - i) return false;  // a run past the count
    size_t end = i + size_t(v) + 1;
    if ((t & 3) == 1) {
      for (; i < end; i++) w[i] = predict(w.data(), i, m);
    } else {
      if ((in.size() - *at) / 4 < end - i) return false;
      for (; i < end; i++, *at += 4)
        w[i] = uint32_t(in[*at]) | uint32_t(in[*at + 1]) << 8 | uint32_t(in[*at + 2]) << 16 | uint32_t(in[*at + 3]) << 24;
    }
  }
  return true;
}

}  // namespace dx::ssr
