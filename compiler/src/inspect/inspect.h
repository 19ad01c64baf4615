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

// Dumps a resumption snapshot (schemas/snapshot.md): memory ranges, node order, listeners. Same contract.
bool dump_snapshot(const std::vector<uint8_t>& bytes, std::string& out, std::string& error);
// True when `bytes` is a snapshot or a page carrying one (then `snapshot` holds the decoded bytes).
bool is_snapshot_or_page(const std::vector<uint8_t>& bytes, std::vector<uint8_t>* snapshot);

// Dumps whichever artifact `bytes` is, chosen by its magic: routes.dxr, a snapshot or a page carrying one
// (index.html), else app.dxb.
bool dump_artifact(const std::vector<uint8_t>& bytes, std::string& out, std::string& error);

}  // namespace dxc::inspect
