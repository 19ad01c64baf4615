// The app.dxb reader never trusts a file: every truncation and every single-byte change of a real app.dxb
// (the todo sample's) is either rejected with a reason and an offset inside the file, or read completely
// within bounds (ASan checks). Also: writer → reader round trip, and version checks.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <cstring>
#include <sstream>

#include "driver/build.h"
#include "dx/schema/dxb.h"
#include "inspect/inspect.h"

namespace {

std::vector<uint8_t> todo_dxb() {
  static std::vector<uint8_t> bytes;
  if (!bytes.empty()) return bytes;
  namespace fs = std::filesystem;
  fs::path out = fs::temp_directory_path() / ("dxb-reader-test-" + std::to_string(::getpid()));
  dxc::BuildOptions o;
  o.project = std::string(DX_TEST_SOURCE_DIR) + "/samples/todo";
  o.out = out.string();
  o.runtime_dir = dxc::find_runtime_dir(nullptr);
  o.optimize = 0;
  dxc::SourceManager sm;
  dxc::Diagnostics d;
  std::ostringstream dump;
  REQUIRE(dxc::build(o, sm, d, dump).ok);
  std::ifstream in(out / "app.dxb", std::ios::binary);
  bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  std::error_code ec;
  fs::remove_all(out, ec);
  return bytes;
}

bool opens(const std::vector<uint8_t>& b, dx::schema::DxbError* err) {
  dx::schema::DxbView v;
  return v.open(b.data(), uint32_t(b.size()), err);
}

}  // namespace

TEST_CASE("a real app.dxb opens and dumps", "[dxb]") {
  std::vector<uint8_t> b = todo_dxb();
  std::string out, err;
  REQUIRE(dxc::inspect::dump_dxb(b, out, err));
  CHECK(out.find("pages 1") != std::string::npos);
  CHECK(out.find("handler 0 block=0 \"input\" value") != std::string::npos);
}

TEST_CASE("every truncation of app.dxb is rejected with an offset", "[dxb]") {
  std::vector<uint8_t> b = todo_dxb();
  for (size_t n = 0; n < b.size(); ++n) {
    std::vector<uint8_t> cut(b.begin(), b.begin() + long(n));
    dx::schema::DxbError err;
    INFO("length " << n);
    REQUIRE_FALSE(opens(cut, &err));
    CHECK(err.what != nullptr);
    CHECK(err.offset <= n);
  }
}

TEST_CASE("every single-byte change of app.dxb is rejected or read within bounds", "[dxb]") {
  std::vector<uint8_t> b = todo_dxb();
  size_t rejected = 0;
  for (size_t i = 0; i < b.size(); ++i)
    for (uint8_t delta : {uint8_t(0x01), uint8_t(0x80), uint8_t(0xFF)}) {
      std::vector<uint8_t> m = b;
      m[i] = uint8_t(m[i] ^ delta);
      std::string out, err;
      if (!dxc::inspect::dump_dxb(m, out, err)) {
        ++rejected;
        CHECK(err.find(" at offset ") != std::string::npos);
      }
    }
  CHECK(rejected > b.size());  // most changes to structure are caught; changed string bytes may be valid text
}

TEST_CASE("app.dxb versions: a file needing a newer reader is refused", "[dxb]") {
  std::vector<uint8_t> b = todo_dxb();
  dx::schema::DxbError err;
  std::vector<uint8_t> newer = b;
  newer[4] = 2;  // version 2, min_compatible still 1: readable
  CHECK(opens(newer, &err));
  newer[6] = 2;  // min_compatible 2: needs a newer reader
  REQUIRE_FALSE(opens(newer, &err));
  CHECK(std::string(err.what).find("version") != std::string::npos);
  CHECK(err.offset == 4);
  std::vector<uint8_t> magic = b;
  magic[1] = 'Y';
  REQUIRE_FALSE(opens(magic, &err));
  CHECK(err.offset == 0);
}

TEST_CASE("the writer's output reads back to the same contents", "[dxb]") {
  using namespace dx::schema;
  const char* texts[] = {"<p> </p>", "f", "ff", "App", "click", "/", "n"};
  DxbView::Str strs[7];
  for (int i = 0; i < 7; ++i) strs[i] = {reinterpret_cast<const uint8_t*>(texts[i]), uint32_t(std::strlen(texts[i]))};
  DxbTemplate tpl{0, 1, 1, 0};
  uint32_t paths[] = {1, 2};
  DxbShape shape{3, 40, 0, 1};
  DxbField field{6, kFieldNumber, 32};
  DxbBlock block{3, kBlockComponent, 0, 0, kNone, 0, 0};
  DxbHandler handler{0, 4, kNeedsValue};
  DxbPage page{5, 0};
  DxbContents c;
  c.strings = strs; c.string_count = 7;
  c.templates = &tpl; c.template_count = 1;
  c.paths = paths; c.path_count = 2;
  c.blocks = &block; c.block_count = 1;
  c.handlers = &handler; c.handler_count = 1;
  c.shapes = &shape; c.shape_count = 1;
  c.fields = &field; c.field_count = 1;
  c.pages = &page; c.page_count = 1;
  Writer count;
  write_dxb(count, c);
  std::vector<uint8_t> out(count.pos);
  Writer w(out.data(), uint32_t(out.size()));
  write_dxb(w, c);
  REQUIRE_FALSE(w.overflow);
  DxbView v;
  DxbError err;
  REQUIRE(v.open(out.data(), uint32_t(out.size()), &err));
  CHECK(v.template_at(0).slot_count == 1);
  CHECK(std::string(reinterpret_cast<const char*>(v.string(v.path(1)).data), v.string(v.path(1)).size) == "ff");
  CHECK(v.shape(0).size == 40);
  CHECK(v.field(0).offset == 32);
  CHECK(v.handler(0).flags == kNeedsValue);
  CHECK(v.page(0).block == 0);
  // The worked example in schemas/dxb.md is exactly this file.
  static const char* kExampleHex =
      "00445842010001000000000006000000340100000000000001000000600000005100000002000000b40000001c000000"
      "03000000d00000002400000004000000f40000001000000005000000040100002400000006000000280100000c000000"
      "070000000000000008000000080000000100000009000000020000000b000000030000000e0000000500000013000000"
      "0100000014000000010000003c703e203c2f703e666666417070636c69636b2f6e000000010000000000000001000100"
      "000000000200000001000000020000000100000003000000010000000000000000000000ffffffff0000000000000000"
      "000000000100000000000000040000000100000001000000030000002800000000000000010000000100000006000000"
      "0100000020000000010000000500000000000000";
  std::string hex;
  for (uint8_t byte : out) { char b[3]; snprintf(b, sizeof b, "%02x", byte); hex += b; }
  CHECK(out.size() == 308);
  CHECK(hex == kExampleHex);
  Writer small(out.data(), uint32_t(out.size() - 1));  // a too-small buffer overflows instead of writing past it
  write_dxb(small, c);
  CHECK(small.overflow);
}

TEST_CASE("node paths: f/n steps with optional repeat counts", "[dxb]") {
  using dx::schema::DxbView;
  auto ok = [](const char* s) { return DxbView::valid_path({reinterpret_cast<const uint8_t*>(s), uint32_t(std::strlen(s))}); };
  for (const char* good : {"f", "fn", "fn2", "ffn12", "fn65535", "f2n3f", "fnfnfn"}) CHECK(ok(good));
  for (const char* bad : {"", "x", "n0", "n1", "n01", "fn65536", "fn123456", "2f", "f n", "fN"}) {
    INFO(bad);
    CHECK_FALSE(ok(bad));
  }
}
