// dx/ssr/word_stream.h — the snapshot's packed form of u32 sequences (schemas/snapshot.md "Word streams").
//
// A render leaves records laid out at fixed strides (list rows, instance slabs, node tables), so each word
// is predicted from the words one and two strides before it and only the residual is written, as a
// varint; runs of exact predictions and of unpredictable words (text) are packed. The writer picks the
// predictor per stream from a sample. A 1,000-row page's snapshot shrinks ~6× (tools/bench/ssr).
#pragma once
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace dx::ssr {

// LEB128, at most 5 bytes (35 bits) for a reader to accept.
void put_varint(std::vector<uint8_t>& out, uint64_t v);
bool get_varint(std::span<const uint8_t> in, size_t* at, uint64_t* v);

void put_words(std::vector<uint8_t>& out, std::span<const uint32_t> words);
// Fills `words` (its size is the count, known to the reader) from in[*at...]; false when the stream is
// malformed or truncated.
bool get_words(std::span<const uint8_t> in, size_t* at, std::span<uint32_t> words);

}  // namespace dx::ssr
