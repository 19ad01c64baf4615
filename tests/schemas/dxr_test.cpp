// The routes.dxr file: the spec's worked example byte for byte, writer → reader round trip, the inspect
// dump, version checks, and hostile files — every truncation and every single-byte change of a real trie
// is rejected with an offset inside the file, or opens and then dumps and answers lookups within bounds
// and in bounded time (ASan/UBSan check the bounds; the test's run time checks termination).
#include <random>

#include "dxr_test_util.h"
#include "inspect/inspect.h"

using namespace dx::schema;

namespace {
std::vector<uint8_t> example() {
  std::vector<DxrRouteSpec> routes = {dxr_test::spec("/", 0, {3}), dxr_test::spec("/users/:id", 1, {3}), dxr_test::spec("/", 2, {3})};
  DxrBuildResult b = build_dxr(routes, 2);
  REQUIRE(b.ok());
  return b.bytes;
}

std::vector<uint8_t> realistic() {
  std::vector<DxrRouteSpec> routes;
  const char* pats[] = {"/", "/about", "/users", "/users/new", "/users/:id", "/users/:id/edit", "/users/:id/posts/:post",
                        "/docs/*rest", "/blog/:slug", "/blog/tags/:tag", "/settings/profile", "/settings/*rest", "/"};
  for (uint32_t i = 0; i < 13; ++i) routes.push_back(dxr_test::spec(pats[i], i, i % 3 == 0 ? std::vector<uint32_t>{20, 21} : std::vector<uint32_t>{20}));
  DxrBuildResult b = build_dxr(routes, 12);
  REQUIRE(b.ok());
  return b.bytes;
}

const char* kProbePaths[] = {"/", "/about", "/users/new", "/users/7/edit", "/users/7/posts/9", "/docs/a/b", "/blog/x",
                             "/blog/tags/c", "/settings/profile", "/settings/x/y", "/nope", "//", "/users/7/"};

// Opens, dumps and looks up every probe path; returns whether it opened.
bool exercise(const std::vector<uint8_t>& b, std::string* error = nullptr) {
  std::string out, err;
  bool ok = dxc::inspect::dump_dxr(b, out, err);
  if (error) *error = err;
  DxrView v;
  DxrError e;
  REQUIRE(v.open(b.data(), uint32_t(b.size()), &e) == ok);
  if (!ok) {
    CHECK(e.offset <= b.size());
    return false;
  }
  for (const char* p : kProbePaths) {
    DxrMatch m;
    if (v.lookup(p, uint32_t(strlen(p)), &m)) {
      REQUIRE(m.route < v.route_count());
      REQUIRE(m.param_count <= kDxrMaxParams);
      for (uint32_t k = 0; k < m.param_count; ++k) REQUIRE(m.params[k].offset + m.params[k].size <= strlen(p));
    }
  }
  return true;
}
}  // namespace

TEST_CASE("the worked example in schemas/dxr.md, byte for byte", "[dxr]") {
  const uint8_t expected[] = {
      0x00, 0x44, 0x58, 0x52, 0x01, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x14, 0x01, 0x00, 0x00,
      0x03, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x03, 0x00, 0x00, 0x00, 0x03, 0x00, 0x00, 0x00,
      0x01, 0x00, 0x00, 0x00, 0x12, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
      0xff, 0xff, 0xff, 0xff, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
      0x02, 0x00, 0x00, 0x00, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x00, 0x00, 0x00, 0x00,
      0x01, 0x01, 0x00, 0x00, 0xff, 0xff, 0xff, 0xff, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
      0x02, 0x00, 0x00, 0x00, 0xff, 0xff, 0xff, 0xff, 0x01, 0x00, 0x00, 0x00, 0x02, 0x02, 0x01, 0x00,
      0x01, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xff, 0xff, 0xff, 0xff,
      0xff, 0xff, 0xff, 0xff, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
      0xff, 0xff, 0xff, 0xff, 0xcb, 0x42, 0xdf, 0xb3, 0x00, 0x00, 0x00, 0x00, 0x05, 0x00, 0x00, 0x00,
      0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x05, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00,
      0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00,
      0x06, 0x00, 0x00, 0x00, 0x0a, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
      0x01, 0x01, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x12, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
      0x02, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x03, 0x00, 0x00, 0x00,
      0x03, 0x00, 0x00, 0x00, 0x03, 0x00, 0x00, 0x00, 0x10, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00,
      0x75, 0x73, 0x65, 0x72, 0x73, 0x2f, 0x2f, 0x75, 0x73, 0x65, 0x72, 0x73, 0x2f, 0x3a, 0x69, 0x64,
      0x69, 0x64, 0x00, 0x00};
  std::vector<uint8_t> b = example();
  CHECK(b == std::vector<uint8_t>(expected, expected + sizeof expected));
  CHECK(dxr_hash(reinterpret_cast<const uint8_t*>("users"), 5) == 0xb3df42cbu);
}

TEST_CASE("round trip: what the builder wrote reads back", "[dxr]") {
  std::vector<uint8_t> b = realistic();
  DxrView v;
  DxrError e;
  REQUIRE(v.open(b.data(), uint32_t(b.size()), &e));
  CHECK(v.version() == 1);
  CHECK(v.route_count() == 13);
  CHECK(v.not_found() == 12);
  DxrRoute r = v.route(6);
  CHECK(r.page == 6);
  CHECK(std::string((const char*)v.pattern(r).data, v.pattern(r).size) == "/users/:id/posts/:post");
  REQUIRE(r.layout_count == 2);
  CHECK(v.layout(r, 0) == 20);
  CHECK(v.layout(r, 1) == 21);
  REQUIRE(r.param_count == 2);
  CHECK(std::string((const char*)v.param_name(r, 0).data, v.param_name(r, 0).size) == "id");
  // Nodes are in preorder: every parent comes first, and each node's children follow it.
  for (uint32_t i = 1; i < v.node_count(); ++i) CHECK(v.node(i).parent < i);
}

TEST_CASE("route flags: dxc sets kDxrRouteForm after the build; readers refuse unknown bits", "[dxr]") {
  std::vector<uint8_t> b = realistic();
  REQUIRE(dxr_set_route_flags(b, 6, kDxrRouteForm));
  DxrView v;
  DxrError e;
  REQUIRE(v.open(b.data(), uint32_t(b.size()), &e));
  for (uint32_t i = 0; i < v.route_count(); ++i) CHECK(v.route(i).flags == (i == 6 ? kDxrRouteForm : 0));
  CHECK(load_u16(b.data() + v.route_offset(6) + 22) == kDxrRouteForm);
  CHECK_FALSE(dxr_set_route_flags(b, 13, kDxrRouteForm));  // no route 13
  CHECK_FALSE(dxr_set_route_flags(b, 6, 2));               // not a known flag
  std::vector<uint8_t> bad = b;
  store_u16(bad.data() + v.route_offset(6) + 22, 3);
  CHECK_FALSE(DxrView().open(bad.data(), uint32_t(bad.size()), &e));
  CHECK(std::string(e.what) == "unknown route flags are set");
  CHECK(e.offset == v.route_offset(6) + 22);
  REQUIRE(dxr_set_route_flags(b, 6, 0));
  CHECK(b == realistic());
}

TEST_CASE("dxc inspect dumps a routes.dxr", "[dxr]") {
  std::string out, err;
  REQUIRE(dxc::inspect::dump_artifact(example(), out, err));
  CHECK(out ==
        "dxr version 1, 276 bytes, 3 nodes, 2 slots\n"
        "routes 3\n"
        "  route 0 \"/\" page=0 layouts=3\n"
        "  route 1 \"/users/:id\" page=1 layouts=3 params=id\n"
        "  route 2 \"\" page=2 not-found layouts=3\n"
        "trie\n"
        "  / -> route 0\n"
        "    users\n"
        "      : -> route 1\n");
}

TEST_CASE("versions: a newer minimum is refused, a newer version with our minimum is read", "[dxr]") {
  std::vector<uint8_t> b = example();
  DxrView v;
  DxrError e;
  b[6] = 2;  // min_compatible 2
  CHECK_FALSE(v.open(b.data(), uint32_t(b.size()), &e));
  CHECK(e.offset == 4);
  b[6] = 1;
  b[4] = 7;  // version 7, min 1
  CHECK(v.open(b.data(), uint32_t(b.size()), &e));
}

TEST_CASE("every truncation of routes.dxr is rejected with an offset", "[dxr]") {
  std::vector<uint8_t> b = realistic();
  for (size_t n = 0; n < b.size(); ++n) {
    std::vector<uint8_t> cut(b.begin(), b.begin() + long(n));
    DxrView v;
    DxrError err;
    INFO("length " << n);
    REQUIRE_FALSE(v.open(cut.data(), uint32_t(cut.size()), &err));
    CHECK(err.what != nullptr);
    CHECK(err.offset <= n);
  }
}

TEST_CASE("every single-byte change of routes.dxr is rejected or read within bounds", "[dxr]") {
  std::vector<uint8_t> b = realistic();
  size_t rejected = 0;
  for (size_t i = 0; i < b.size(); ++i)
    for (uint8_t delta : {uint8_t(0x01), uint8_t(0x02), uint8_t(0x10), uint8_t(0x80), uint8_t(0xFF)}) {
      std::vector<uint8_t> m = b;
      m[i] = uint8_t(m[i] ^ delta);
      std::string error;
      INFO("byte " << i << " ^ " << int(delta));
      if (!exercise(m, &error)) {
        ++rejected;
        CHECK(error.find(" at offset ") != std::string::npos);
      }
    }
  CHECK(rejected > b.size() * 3);  // most changes are caught; changed labels, pages and layout ids are valid data
}

TEST_CASE("random multi-byte corruption never crashes or hangs a lookup", "[dxr]") {
  std::vector<uint8_t> b = realistic();
  std::mt19937 rng(7);
  size_t opened = 0;
  for (int round = 0; round < 20000; ++round) {
    std::vector<uint8_t> m = b;
    int flips = 1 + int(rng() % 8);
    for (int k = 0; k < flips; ++k) {
      uint32_t at = rng() % uint32_t(m.size());
      m[at] = rng() % 3 == 0 ? uint8_t(rng() % 16) : uint8_t(rng());  // small values make in-range indices
    }
    opened += exercise(m) ? 1 : 0;
  }
  CHECK(opened > 0);
}

TEST_CASE("slot tables stay short: labels that differ only in their last bytes do not cluster", "[dxr]") {
  std::vector<std::string> patterns;
  for (int i = 0; i < 4000; ++i) patterns.push_back("/products-" + std::to_string(i));
  dxr_test::Trie t(patterns);
  DxrNode root = t.view.node(0);
  REQUIRE(root.slot_count == 8192);
  uint32_t worst = 0;
  for (uint32_t i = 0; i < root.slot_count; ++i) {
    DxrSlot s = t.view.slot(root.first_slot + i);
    if (s.child != kDxrNone) worst = std::max(worst, (i - (s.hash & (root.slot_count - 1))) & (root.slot_count - 1));
  }
  CHECK(worst <= 16);
  CHECK(t.match("/products-3999") == "route 3999");
}
