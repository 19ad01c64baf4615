// The web APIs samples/todomvc uses. JSON.parse into a typed target (json_parse.cpp): the grammar's corners,
// and the errors it throws — a SyntaxError for text that is not JSON, a TypeError for JSON of another shape
// than the target — reported like an app `throw` (the ERROR op of the next batch); what valid input parses to
// is compared with V8 by tests/diff (cases/json_parse.ts). location.hash through the `hash` import, and the
// FOCUS op of `autofocus`.
#include <catch2/catch.hpp>
#include <cstring>
#include <stdexcept>
#include <string>

#include <vector>

#include "../../runtime-wasm/native/dx_collate.h"
#include "abi.h"
#include "harness.h"

namespace rt = dx::rt;
using namespace dxt;

extern "C" {
uint32_t dx_location_hash();
void dx_focus(uint32_t node);
uint32_t dx_json_parse(uint32_t text, uint32_t desc, uint32_t where);
double dx_json_parse_num(uint32_t text, uint32_t desc, uint32_t where);
}

namespace {
struct FatalThrows {
  FatalThrows() { rt::native::hooks.fatal = [](const char* what) { throw std::runtime_error(what); }; }
  ~FatalThrows() { rt::native::hooks.fatal = nullptr; }
};

// The report of a JSON.parse that threw, as dx.js's recovery dispatch delivers it.
std::string thrown(Harness& h, const std::string& text, const std::string& desc) {
  bool threw = false;
  try {
    dx_json_parse(h.static_str(text), h.static_str(desc), h.static_str("pages/index.tsx:3:9"));
  } catch (const std::runtime_error&) {
    threw = true;
  }
  if (!threw) return "(no throw)";
  (void)dx_input(0);
  Batch b = decode_batch(dx_dispatch(0xFFFFFFFFu, 0, 0, 0, 0));
  if (b.count(dx::schema::kOpError) != 1) return "(no report)";
  return b.str(b.ops[0].args[0]);
}
}  // namespace

TEST_CASE("JSON.parse: numbers, strings and arrays by the JSON grammar", "[json]") {
  Harness h;
  h.start();
  Ref where = h.static_str("a.tsx:1:1");
  CHECK(dx_json_parse_num(h.static_str(" \t\r\n-12.5e1 "), h.static_str("n"), where) == -125.0);
  Ref s = dx_json_parse(h.static_str("\"a\\u00e9\\ud83d\\ude00\\n\\/\""), h.static_str("s"), where);
  CHECK(read_str(s) == "a\xC3\xA9\xF0\x9F\x98\x80\n/");
  Ref arr = dx_json_parse(h.static_str("[[1,2],[],[3]]"), h.static_str("[[n"), where);
  REQUIRE(rt::ld32(arr + 8) == 3);
  Ref first = rt::ld32(rt::ld32(arr + 16));
  CHECK(rt::ld32(first + 8) == 2);
  CHECK(rt::ldf64(rt::ld32(first + 16) + 8) == 2.0);
  Ref nulls = dx_json_parse(h.static_str("[null,\"x\"]"), h.static_str("[?s"), where);
  CHECK(rt::ld32(rt::ld32(nulls + 16)) == 1);  // null is the Ref 1
  CHECK(dx_json_parse(h.static_str("true"), h.static_str("b"), where) == 1);
  CHECK(dx_json_parse(h.static_str("null"), h.static_str("?[s"), where) == 1);
}

TEST_CASE("JSON.parse: text that is not JSON throws a SyntaxError with the call's location", "[json]") {
  Harness h;  // resets the hooks
  FatalThrows ft;
  h.start();
  const char* at = "\n    at pages/index.tsx:3:9";
  CHECK(thrown(h, "", "n") == std::string("SyntaxError: Unexpected end of JSON input at position 0") + at);
  CHECK(thrown(h, "[1,]", "[n") == std::string("SyntaxError: Unexpected token in JSON at position 3") + at);
  CHECK(thrown(h, "01", "n") == std::string("SyntaxError: Unexpected token in JSON at position 1") + at);
  CHECK(thrown(h, "[1] x", "[n") == std::string("SyntaxError: Unexpected token in JSON at position 4") + at);
  CHECK(thrown(h, "\"tab\there\"", "s") == std::string("SyntaxError: Unexpected token in JSON at position 4") + at);
  CHECK(thrown(h, "\"\\x\"", "s") == std::string("SyntaxError: Unexpected token in JSON at position 2") + at);
  CHECK(thrown(h, "\"open", "s") == std::string("SyntaxError: Unexpected end of JSON input at position 5") + at);
  CHECK(thrown(h, "1.", "n") == std::string("SyntaxError: Unexpected end of JSON input at position 2") + at);
  CHECK(thrown(h, "tru", "b") == std::string("SyntaxError: Unexpected end of JSON input at position 3") + at);
  CHECK(thrown(h, "[1 2]", "[n") == std::string("SyntaxError: Unexpected token in JSON at position 3") + at);
}

TEST_CASE("JSON.parse: JSON of another shape than the target throws a TypeError", "[json]") {
  Harness h;  // resets the hooks
  FatalThrows ft;
  h.start();
  const char* at = "\n    at pages/index.tsx:3:9";
  CHECK(thrown(h, "[\"1\"]", "[n") == std::string("TypeError: JSON.parse: expected a number at position 1") + at);
  CHECK(thrown(h, "null", "s") == std::string("TypeError: JSON.parse: expected a string at position 0") + at);
  CHECK(thrown(h, "{}", "[s") == std::string("TypeError: JSON.parse: expected an array at position 0") + at);
  CHECK(thrown(h, "[1]", "b") == std::string("TypeError: JSON.parse: expected a boolean at position 0") + at);
  CHECK(thrown(h, "[[true]]", "[[s") == std::string("TypeError: JSON.parse: expected a string at position 2") + at);
  // a tuple [string, number] (a record of shape 2: "1" at 8, "0" at 16) takes an array of exactly two
  const char* tuple = "(2:1 016 s1 18 n}";
  CHECK(thrown(h, "[\"x\"]", tuple).rfind("TypeError: JSON.parse: the array is shorter than the tuple at position 4", 0) == 0);
  CHECK(thrown(h, "[\"x\",1,2]", tuple).rfind("TypeError: JSON.parse: the array is longer than the tuple at position 6", 0) == 0);
  CHECK(thrown(h, "[1,\"x\"]", tuple).rfind("TypeError: JSON.parse: expected a string at position 1", 0) == 0);
  // a dictionary of numbers (a Map of shape 4): every member's value is checked
  CHECK(thrown(h, "{\"a\":1,\"b\":\"no\"}", "D4:n").rfind("TypeError: JSON.parse: expected a number at position 11", 0) == 0);
  CHECK(thrown(h, "[]", "D4:n").rfind("TypeError: JSON.parse: expected an object at position 0", 0) == 0);
}

TEST_CASE("location.hash crosses as UTF-8 through the host; FOCUS names the node", "[host]") {
  Harness h;
  h.start();
  CHECK(read_str(dx_location_hash()).empty());  // no host: ""
  rt::native::hooks.hash = []() -> int32_t { return 7; };
  rt::native::hooks.ls_take = [](uint32_t dst) { memcpy(rt::mem(dst), "#/\xC3\xA9t\xC3\xA9", 7); };
  Ref hash = dx_location_hash();
  CHECK(read_str(hash) == "#/\xC3\xA9t\xC3\xA9");
  CHECK(rt::ld32(hash + 8) == 5);  // UTF-16 units
  rt::native::hooks.hash = nullptr;
  rt::native::hooks.ls_take = nullptr;
  h.handler[kHClick] = [&](Ref, Ref) { dx_focus(h.page_node(kPnMain)); };
  Batch b = h.dispatch(kHClick, h.page_node(kPnMain));  // the harness's DOM model checks the node is live
  REQUIRE(b.count(dx::schema::kOpFocus) == 1);
}

TEST_CASE("localeCompare without a browser (native/dx_collate.h) orders ASCII and Latin-1 words as ICU does", "[web]") {
  // The order node (ICU) gives these words; the server's render uses this approximation.
  std::vector<std::string> icu = {"", "_x", "-y", "10", "9", "a b", "a-b", "a1", "A1", "ab", "apple", "Apple", "banana",
                                  "Banana", "cherry", "e", "\xC3\xA9", "ef", "x y", "x.y", "zebra", "Zebra"};
  for (size_t i = 0; i < icu.size(); ++i)
    for (size_t j = 0; j < icu.size(); ++j) {
      auto bytes = [](const std::string& s) { return reinterpret_cast<const uint8_t*>(s.data()); };
      double want = i < j ? -1 : i > j ? 1 : 0;
      INFO(icu[i] << " vs " << icu[j]);
      CHECK(dx_collate(bytes(icu[i]), uint32_t(icu[i].size()), bytes(icu[j]), uint32_t(icu[j].size())) == want);
    }
}
