// oracle.h — differential testing against node: encode values as js_oracle.js does, run a batch of
// operations through node, compare with what the runtime returns (see js_oracle.js for the encoding).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace dxt {

std::string enc_str(const std::u16string& s);
std::string enc_num(double v);
inline std::string enc_bool(bool b) { return b ? "b1" : "b0"; }
std::string enc_arr(const std::vector<std::string>& elems);
// A runtime string (0 = "") / a runtime array of strings, numbers or booleans, encoded.
std::string enc_ref_str(uint32_t s);
std::string enc_ref_arr(uint32_t arr);

// Runs `lines` ("op\targ\targ…") through node's js_oracle.js; one encoded result per line.
std::vector<std::string> run_oracle(const std::vector<std::string>& lines);
// Runs tests/runtime/<script> with node on `lines` (one input per line); returns one output line per input.
std::vector<std::string> run_node_script(const std::string& script, const std::vector<std::string>& lines);

// A runtime arena string holding these code units (two-byte storage when a unit is above 0xFF or `wide`).
uint32_t make_str16(const std::u16string& s, bool wide = false);

}  // namespace dxt
