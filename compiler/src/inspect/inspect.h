// `dxc inspect`: text dumps of dx's binary artifacts, for people and for golden tests.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace dxc::inspect {

// Dumps an app.dxb. On a file that does not validate returns false and sets `error` to
// "<what> at offset <n>".
bool dump_dxb(const std::vector<uint8_t>& bytes, std::string& out, std::string& error);

}  // namespace dxc::inspect
