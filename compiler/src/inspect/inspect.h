// `dxc inspect`: text dumps of dx's binary artifacts, for people and for golden tests.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace dxc::inspect {

// Dumps an app.dxb. On a file that does not validate returns false and sets `error` to
// "<what> at offset <n>".
bool dump_dxb(const std::vector<uint8_t>& bytes, std::string& out, std::string& error);

// Dumps a routes.dxr: the route table (pattern, page, layouts, param names), then the trie. Same contract.
bool dump_dxr(const std::vector<uint8_t>& bytes, std::string& out, std::string& error);

// Dumps whichever artifact `bytes` is, chosen by its magic (app.dxb when it is neither).
bool dump_artifact(const std::vector<uint8_t>& bytes, std::string& out, std::string& error);

}  // namespace dxc::inspect
