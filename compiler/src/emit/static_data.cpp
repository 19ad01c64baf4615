#include "emit/static_data.h"

namespace dxc::emit {

std::vector<uint32_t> utf8_code_points(const std::string& s) {
  std::vector<uint32_t> out;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = (unsigned char)s[i];
    uint32_t cp = 0xFFFD;
    size_t len = 1;
    if (c < 0x80) cp = c;
    else if ((c & 0xE0) == 0xC0 && i + 1 < s.size()) { cp = ((c & 0x1F) << 6) | (s[i + 1] & 0x3F); len = 2; }
    else if ((c & 0xF0) == 0xE0 && i + 2 < s.size()) { cp = ((c & 0x0F) << 12) | ((s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F); len = 3; }
    else if ((c & 0xF8) == 0xF0 && i + 3 < s.size()) {
      cp = ((c & 0x07) << 18) | ((s[i + 1] & 0x3F) << 12) | ((s[i + 2] & 0x3F) << 6) | (s[i + 3] & 0x3F);
      len = 4;
    }
    out.push_back(cp);
    i += len;
  }
  return out;
}

uint32_t StaticData::add_bytes(const void* data, uint32_t size) {
  while (bytes_.size() % 8) bytes_.push_back(0);
  uint32_t addr = base_ + uint32_t(bytes_.size());
  const uint8_t* p = static_cast<const uint8_t*>(data);
  bytes_.insert(bytes_.end(), p, p + size);
  return addr;
}

uint32_t StaticData::string(const std::string& utf8) {
  if (auto it = strings_.find(utf8); it != strings_.end()) return it->second;
  std::vector<uint32_t> cps = utf8_code_points(utf8);
  bool one_byte = true;
  for (uint32_t cp : cps) one_byte &= cp <= 0xFF;
  std::vector<uint16_t> units;
  for (uint32_t cp : cps) {
    if (cp >= 0x10000) {
      cp -= 0x10000;
      units.push_back(uint16_t(0xD800 + (cp >> 10)));
      units.push_back(uint16_t(0xDC00 + (cp & 0x3FF)));
    } else {
      units.push_back(uint16_t(cp));
    }
  }
  std::vector<uint8_t> obj(12, 0);
  auto put32 = [&](size_t at, uint32_t v) { for (int k = 0; k < 4; ++k) obj[at + k] = uint8_t(v >> (8 * k)); };
  put32(0, 0xFFFFFFFFu);                 // immortal
  put32(4, 1u | ((one_byte ? 0u : 1u) << 8));  // kind string, encoding
  put32(8, uint32_t(units.size()));
  for (uint16_t u : units) {
    obj.push_back(uint8_t(u));
    if (!one_byte) obj.push_back(uint8_t(u >> 8));
  }
  uint32_t addr = add_bytes(obj.data(), uint32_t(obj.size()));
  strings_.emplace(utf8, addr);
  return addr;
}

}  // namespace dxc::emit
