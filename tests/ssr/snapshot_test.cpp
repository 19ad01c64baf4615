// The resumption snapshot (schemas/snapshot.md): writer and validating reader, base64, the page's script.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "dx/ssr/snapshot.h"

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
  bad_magic[3] = '2';
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
  std::vector<uint8_t> out;
  CHECK_FALSE(dx::ssr::unbase64("Zm9", &out));
  CHECK_FALSE(dx::ssr::unbase64("Zm9v!mFy", &out));
  std::string page = "<html><body><div id=\"dx-root\"></div><script type=\"application/dx-state\" id=\"dx-state\">" +
                     dx::ssr::base64(std::vector<uint8_t>{'D', 'X', 'S', '1'}) + "</script></body></html>";
  REQUIRE(dx::ssr::snapshot_in_html(page, &out));
  CHECK(out == std::vector<uint8_t>{'D', 'X', 'S', '1'});
  CHECK_FALSE(dx::ssr::snapshot_in_html("<html></html>", &out));
}
