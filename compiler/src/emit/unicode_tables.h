// case_tables_blob(): the Unicode case tables placed in apps that call toUpperCase/toLowerCase
// (runtime-wasm/src/case_tables.h describes the layout).
#pragma once
#include <cstdint>
#include <vector>

namespace dxc::emit {

std::vector<uint8_t> case_tables_blob();

}  // namespace dxc::emit
