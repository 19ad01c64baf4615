// localStorage through the page's ls_* imports (storage.cpp; natively the hooks), and the CONSOLE op
// (console.cpp). The formats themselves are compared with node by tests/diff (console.ts, json.ts).
#include <catch2/catch.hpp>
#include <cstring>
#include <map>
#include <string>

#include "abi.h"
#include "harness.h"

namespace rt = dx::rt;
using namespace dxt;

extern "C" {
uint32_t dx_storage_get(uint32_t key);
void dx_storage_set(uint32_t key, uint32_t value);
void dx_storage_remove(uint32_t key);
uint32_t dx_inspect(uint32_t value, uint32_t desc);
void dx_console(uint32_t level, uint32_t text);
}

namespace {
std::map<std::string, std::string> g_store;
std::string g_held;
std::string bytes(uint32_t at, uint32_t n) { return std::string(reinterpret_cast<const char*>(rt::mem(at)), n); }
}  // namespace

TEST_CASE("localStorage: get, set and remove cross as UTF-8 through the host", "[host]") {
  Harness h;
  h.start();
  g_store.clear();
  rt::native::hooks.ls_get = [](uint32_t k, uint32_t n) -> int32_t {
    auto it = g_store.find(bytes(k, n));
    if (it == g_store.end()) return -1;
    g_held = it->second;
    return int32_t(g_held.size());
  };
  rt::native::hooks.ls_take = [](uint32_t dst) { memcpy(rt::mem(dst), g_held.data(), g_held.size()); };
  rt::native::hooks.ls_set = [](uint32_t k, uint32_t kn, uint32_t v, uint32_t vn) { g_store[bytes(k, kn)] = bytes(v, vn); };
  rt::native::hooks.ls_remove = [](uint32_t k, uint32_t n) { g_store.erase(bytes(k, n)); };
  Ref key = h.static_str("k\xE9y");  // Latin-1 é
  CHECK(dx_storage_get(key) == 1);   // null
  dx_storage_set(key, h.static_str("v"));
  CHECK(g_store.at("k\xC3\xA9y") == "v");
  g_store["k\xC3\xA9y"] = "\xF0\x9F\x98\x80!";
  Ref got = dx_storage_get(key);
  CHECK(read_str(got) == "\xF0\x9F\x98\x80!");
  CHECK(rt::ld32(got + 8) == 3);  // two UTF-16 units for the emoji, then '!'
  g_store["e"] = "";
  CHECK(read_str(dx_storage_get(h.static_str("e"))).empty());
  dx_storage_remove(key);
  CHECK(g_store.count("k\xC3\xA9y") == 0);
  rt::native::hooks.ls_get = nullptr;
  rt::native::hooks.ls_take = nullptr;
  rt::native::hooks.ls_set = nullptr;
  rt::native::hooks.ls_remove = nullptr;
  CHECK(dx_storage_get(key) == 1);  // no host: an empty store
}

TEST_CASE("console: dx_console emits a CONSOLE op with the level and the formatted text", "[host]") {
  Harness h;
  h.start();
  h.handler[0] = [&](Ref, Ref) {
    uint32_t arr = dx_new_array(2, 0);
    dx_array_push_i32(arr, h.static_str("it's"));
    dx_array_push_i32(arr, 1);  // null
    dx_console(1, dx_inspect(arr, h.static_str("[s")));
    dx_console(0, dx_inspect(h.static_str("top"), h.static_str("s")));
  };
  h.dispatch(0, h.page_node(kPnMain));
  REQUIRE(h.dom.console_lines.size() == 2);
  CHECK(h.dom.console_lines[0] == "1 [ \"it's\", null ]");
  CHECK(h.dom.console_lines[1] == "0 top");
}
