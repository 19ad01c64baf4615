// stream_render.cpp — StreamRender (dx/ssr/stream_render.h): a page with held <Suspense> boundaries, shown
// one at a time.
#include "dx/ssr/stream_render.h"

#include <cstring>

namespace dx::ssr {

StreamRender::StreamRender(std::shared_ptr<AppLibrary> lib) : lib_(lib), inst_(std::move(lib)) {}

bool StreamRender::start(uint32_t page, const Params* params, bool hold, std::string* err) {
  if (!lib_->fresh_memory() || !inst_.ok()) {
    *err = "the app module could not be instantiated (out of memory)";
    return false;
  }
  if (hold && !inst_.suspense_hold(true)) {
    *err = "dx_suspense_hold trapped";
    return false;
  }
  if (!inst_.start(doc_, err, page, params)) return false;
  return read_table(err);
}

// The runtime's table (runtime-wasm/src/suspense.cpp): count, then per boundary 9 words, the first four
// id, state (1 shown, 2 held), anchor, first.
bool StreamRender::read_table(std::string* err) {
  held_.clear();
  released_.clear();
  uint32_t table = inst_.suspense_table(), size = 0;
  if (!table) return true;
  const uint8_t* mem = inst_.memory(&size);
  auto rd = [&](uint64_t at) {
    uint32_t v = 0;
    if (at + 4 <= size) std::memcpy(&v, mem + at, 4);
    return v;
  };
  uint32_t n = rd(table);
  if (uint64_t(table) + 4 + uint64_t(n) * 36 > size) {
    *err = "the app module's boundary table is malformed";
    return false;
  }
  for (uint32_t e = 0; e < n; ++e) {
    uint64_t at = table + 4 + uint64_t(e) * 36;
    HtmlDoc::Boundary b{rd(at), rd(at + 12), rd(at + 8)};
    (rd(at + 4) == 2 ? held_ : released_).push_back(b);
  }
  return true;
}

bool StreamRender::append_shell(std::string& out, std::string* err) const {
  if (doc_.append_marked_html(out, held_)) return true;
  *err = "a held boundary names no node of the document";
  return false;
}

bool StreamRender::release_next(std::string& out, std::string* err) {
  if (held_.empty()) return true;
  uint32_t id = held_.front().id;
  if (!inst_.suspense_release(doc_, err, id) || !read_table(err)) return false;
  for (const HtmlDoc::Boundary& b : released_) {
    if (b.id != id) continue;
    std::string content;
    if (!doc_.append_boundary_html(content, b, held_)) {
      *err = "a released boundary names no node of the document";
      return false;
    }
    append_boundary_chunks(out, id, content);
    return true;
  }
  return true;  // gone with its owner meanwhile (its markers went with the owner's nodes): nothing to send
}

bool StreamRender::finish(Resumable* out, std::string* err) {
  if (!inst_.suspense_hold(false)) {
    *err = "dx_suspense_hold trapped";
    return false;
  }
  held_.clear();
  take_snapshot(inst_, doc_, *lib_->fresh_memory(), out);
  return true;
}

void append_boundary_chunks(std::string& out, uint32_t id, std::string_view content) {
  std::string k = std::to_string(id);
  out += "<template data-dx-s=\"";
  out += k;
  out += "\">";
  out += content;
  out += "</template><script type=\"application/dx-activate\" data-dx-s=\"";
  out += k;
  out += "\"></script>\n";
}

}  // namespace dx::ssr
