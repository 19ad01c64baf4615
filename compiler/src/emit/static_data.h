// StaticData — the bytes dxc places after the runtime's __heap_base: the app.dxb copy and immortal string
// objects (runtime-wasm/ABI.md: rc 0xFFFFFFFF), laid out at fixed addresses known at compile time.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace dxc::emit {

class StaticData {
 public:
  explicit StaticData(uint32_t base) : base_((base + 15) & ~15u) {}
  uint32_t base() const { return base_; }
  // Appends raw bytes (8-aligned); returns their address.
  uint32_t add_bytes(const void* data, uint32_t size);
  // An immortal string object for UTF-8 text (one-byte when every code point is ≤ U+00FF); interned.
  uint32_t string(const std::string& utf8);
  const std::vector<uint8_t>& bytes() const { return bytes_; }
  uint32_t end() const { return (base_ + uint32_t(bytes_.size()) + 15) & ~15u; }

 private:
  uint32_t base_;
  std::vector<uint8_t> bytes_;
  std::map<std::string, uint32_t> strings_;
};

// UTF-8 → code points (invalid sequences become U+FFFD).
std::vector<uint32_t> utf8_code_points(const std::string& s);

}  // namespace dxc::emit
