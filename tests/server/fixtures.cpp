// fixtures.cpp — TempDir, make_dist, minimal_dxb (contracts in fixtures.h).
#include "fixtures.h"

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <stdexcept>
#include <vector>

#include "dx/schema/dxb.h"

namespace fs = std::filesystem;
namespace sc = dx::schema;

namespace dxs_test {

TempDir::TempDir() {
  std::string tmpl = (fs::temp_directory_path() / "dxs-test-XXXXXX").string();
  if (!::mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
  path_ = tmpl;
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

std::string TempDir::str(std::string_view sub) const { return sub.empty() ? path_.string() : (path_ / sub).string(); }

void write_file(const fs::path& p, std::string_view bytes) {
  fs::create_directories(p.parent_path());
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), std::streamsize(bytes.size()));
  if (!out) throw std::runtime_error("cannot write " + p.string());
}

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::string minimal_dxb() {
  // Value-initialized and assigned by name, so fields the format gains later default to zero.
  auto str = [](const char* s) { return sc::DxbView::Str{reinterpret_cast<const uint8_t*>(s), uint32_t(std::strlen(s))}; };
  // 0 "/"  1 "App"  2 the template's html  3 the path "f"  4 "click"
  const sc::DxbView::Str strings[] = {str("/"), str("App"), str("<div><button>+</button></div>"), str("f"), str("click")};
  sc::DxbTemplate tpl{};
  tpl.html = 2;
  tpl.root_count = 1;
  tpl.first_path = 0;
  const uint32_t paths[] = {3};
  sc::DxbBlock block{};
  block.name = 1;
  block.kind = sc::kBlockComponent;
  block.template_id = 0;
  block.shape = 0;
  block.parent = sc::kNone;
  sc::DxbHandler handler{};
  handler.block = 0;
  handler.event = 4;
  sc::DxbShape shape{};
  shape.name = 1;
  shape.size = 32;
  sc::DxbPage page{};
  page.route = 0;
  page.block = 0;
  sc::DxbContents c{};
  c.strings = strings; c.string_count = 5;
  c.templates = &tpl; c.template_count = 1;
  c.paths = paths; c.path_count = 1;
  c.blocks = &block; c.block_count = 1;
  c.handlers = &handler; c.handler_count = 1;
  c.shapes = &shape; c.shape_count = 1;
  c.pages = &page; c.page_count = 1;
  sc::Writer counter;
  sc::write_dxb(counter, c);
  std::string bytes(counter.pos, '\0');
  sc::Writer w(reinterpret_cast<uint8_t*>(bytes.data()), uint32_t(bytes.size()));
  sc::write_dxb(w, c);
  sc::DxbView view;
  sc::DxbError err;
  if (w.overflow || !view.open(w.data, w.pos, &err)) throw std::runtime_error("the test's app.dxb does not validate");
  return bytes;
}

std::string big_bytes() {
  std::string s(kBigSize, '\0');
  for (size_t i = 0; i < s.size(); ++i) s[i] = char('a' + (i * 7 + i / 4096) % 26);
  return s;
}

void make_dist(const fs::path& dir) {
  write_file(dir / "index.html", kIndexHtml);
  write_file(dir / "dx.js", kDxJs);
  write_file(dir / "app.wasm", std::string("\0asm\x01\0\0\0", 8));
  write_file(dir / "app.dxb", minimal_dxb());
  write_file(dir / "manifest.json", kManifest);
  write_file(dir / "css" / "app.css", kAppCss);
  write_file(dir / "docs" / "index.html", kDocsHtml);
  write_file(dir / "big.bin", big_bytes());
}

}  // namespace dxs_test
