// html_serialize.cpp — HtmlDoc's tree written as HTML (dx/ssr/html_doc.h): the whole mount element, or
// for streaming (schemas/stream.md) with <Suspense> boundaries marked, and one boundary's nodes alone.
#include <algorithm>
#include <array>

#include "dx/ssr/html_doc.h"

namespace dx::ssr {
namespace {

// Bytes escape_into looks at: 1 in text, 2 in attribute values ('\xC2': a possible U+00A0, both).
constexpr auto kSpecial = [] {
  std::array<uint8_t, 256> t{};
  t['&'] = 3, t['<'] = 1, t['>'] = 1, t['"'] = 2, t[0xC2] = 3;
  return t;
}();

void escape_into(std::string& out, std::string_view s, bool attr) {
  const uint8_t mask = attr ? 2 : 1;
  size_t run = 0;
  for (size_t i = 0; i < s.size(); i++) {
    if (!(kSpecial[static_cast<unsigned char>(s[i])] & mask)) continue;
    const char* rep = nullptr;
    switch (s[i]) {
      case '&': rep = "&amp;"; break;
      case '<': rep = attr ? nullptr : "&lt;"; break;
      case '>': rep = attr ? nullptr : "&gt;"; break;
      case '"': rep = attr ? "&quot;" : nullptr; break;
      case '\xC2':  // U+00A0 stays visible as &nbsp; (the browser's serializer does the same)
        if (i + 1 < s.size() && s[i + 1] == '\xA0') {
          out.append(s.data() + run, i - run);
          out += "&nbsp;";
          run = ++i + 1;
        }
        continue;
      default: break;
    }
    if (!rep) continue;
    out.append(s.data() + run, i - run);
    out += rep;
    run = i + 1;
  }
  out.append(s.data() + run, s.size() - run);
}

}  // namespace

void HtmlDoc::append_attrs(std::string& out, const AttrList& list) {
  for (const auto& [k, v] : list) {
    out += ' ';
    out += k;
    out += "=\"";
    escape_into(out, v, true);
    out += '"';
  }
}

// The markers written before pool node `c` (schemas/stream.md): the ends of boundaries whose nodes end at
// it, then the starts of those whose nodes begin at it (outer, i.e. older, first), then the ends of those
// that show nothing (they begin and end at their anchor). True when anything was written.
bool HtmlDoc::write_marks(uint32_t c, std::string& out, const Writer& w) const {
  if (!w.marked || c >= w.marked->size() || !(*w.marked)[c]) return false;
  auto put = [&](const char* open, uint32_t id) {
    out += open;
    out += std::to_string(id);
    out += "-->";
  };
  for (const Mark& m : *w.marks)
    if (m.first && m.anchor == c) put("<!--/dx-s:", m.id);
  for (const Mark& m : *w.marks)
    if (m.first ? m.first == c : m.anchor == c) put("<!--dx-s:", m.id);
  for (auto m = w.marks->rbegin(); m != w.marks->rend(); ++m)
    if (!m->first && m->anchor == c) put("<!--/dx-s:", m->id);
  return true;
}

// The children of a node from `from` up to (not including) `stop` (0: to the end). `prev_text`: the node
// before `from` is a text node with text, so a text `from` needs a separator.
void HtmlDoc::serialize_kids(uint32_t from, uint32_t stop, bool prev_text, std::string& out, const Writer& w) const {
  for (uint32_t c = from; c && c != stop; c = pool_[c].next) {
    if (write_marks(c, out, w)) prev_text = false;
    const Node& child = pool_[c];
    bool text = child.kind == kText && !child.text.empty();
    if (child.kind == kText && child.text.empty() && !w.placeholders) continue;  // no HTML form
    if (text && prev_text) {  // keep adjacent text nodes apart
      out += "<!---->";
      if (w.order) w.order->push_back(0);
    }
    serialize(c, out, w);
    prev_text = text;
  }
}

void HtmlDoc::serialize(uint32_t n, std::string& out, const Writer& w) const {
  const Node& e = pool_[n];
  auto record = [&](uint32_t extra = 0) {
    if (w.order) w.order->push_back((*w.id_of)[n] ? ((*w.id_of)[n] | extra) : 0);
  };
  switch (e.kind) {
    case kText: {
      const Node* parent = e.parent ? &pool_[e.parent] : nullptr;
      if (e.text.empty()) {  // no HTML form: a placeholder comment when ids matter, else nothing
        if (w.placeholders) {
          out += "<!---->";
          record(kOrderEmptyText);
        }
        return;
      }
      record();
      if (parent && (parent->tag & kRawText)) out += e.text;
      else escape_into(out, e.text, false);
      return;
    }
    case kComment:
      record();
      out += "<!--";
      out += e.text;
      out += "-->";
      return;
    case kFragment:
    case kElement:
      break;
  }
  if (e.kind == kElement && n != 1) {
    record();
    if (e.attrs && !start_tag_[e.attrs].empty()) {
      out += start_tag_[e.attrs];
    } else {
      out += '<';
      out += e.name;
      if (e.attrs) append_attrs(out, attr_lists_[e.attrs]);
      out += '>';
    }
    if (e.tag & kVoid) return;
  }
  serialize_kids(e.first, 0, false, out, w);
  if (e.kind == kElement && n != 1) {
    out += "</";
    out += e.name;
    out += '>';
  }
}

void HtmlDoc::append_inner_html(std::string& out, std::vector<uint32_t>* order) const {
  // About 20 bytes of HTML and one order entry per node: most pages need no reallocation.
  out.reserve(out.size() + pool_.size() * 24);
  std::vector<uint32_t> id_of;
  Writer w;
  if (order) {
    order->reserve(order->size() + pool_.size());
    id_of.assign(pool_.size(), 0);
    for (uint32_t id = 2; id < ids_.size(); id++)
      if (ids_[id]) id_of[ids_[id]] = id;
    w.order = order, w.id_of = &id_of, w.placeholders = true;
  }
  serialize(1, out, w);
}

std::string HtmlDoc::inner_html() const {
  std::string out;
  append_inner_html(out);
  return out;
}

// Boundaries by node id → by pool index, and the pool indexes a marker goes before. False when a boundary
// names a node that is not live, or an anchor that is not a sibling of its first node.
bool HtmlDoc::resolve(const std::vector<Boundary>& boundaries, std::vector<Mark>* marks, std::vector<uint8_t>* marked) const {
  marks->clear();
  marked->assign(pool_.size(), 0);
  for (const Boundary& b : boundaries) {
    Mark m{b.id, b.first ? node_of(b.first) : 0, node_of(b.anchor)};
    if (!m.anchor || (b.first && (!m.first || pool_[m.first].parent != pool_[m.anchor].parent))) return false;
    (*marked)[m.anchor] = 1;
    if (m.first) (*marked)[m.first] = 1;
    marks->push_back(m);
  }
  return true;
}

bool HtmlDoc::append_marked_html(std::string& out, const std::vector<Boundary>& boundaries) const {
  std::vector<Mark> marks;
  std::vector<uint8_t> marked;
  if (!resolve(boundaries, &marks, &marked)) return false;
  Writer w;
  w.placeholders = true, w.marks = &marks, w.marked = &marked;
  serialize(1, out, w);
  return true;
}

bool HtmlDoc::append_boundary_html(std::string& out, const Boundary& b, const std::vector<Boundary>& inside) const {
  std::vector<Mark> marks;
  std::vector<uint8_t> marked;
  if (!resolve(inside, &marks, &marked)) return false;
  uint32_t anchor = node_of(b.anchor), first = b.first ? node_of(b.first) : anchor;
  if (!anchor || !first || pool_[first].parent != pool_[anchor].parent) return false;
  for (uint32_t c = first; c != anchor; c = pool_[c].next)
    if (!c) return false;  // the anchor does not follow the first node
  uint32_t before = pool_[first].prev;
  bool prev_text = before && pool_[before].kind == kText && !pool_[before].text.empty();
  Writer w;
  w.placeholders = true, w.marks = &marks, w.marked = &marked;
  if (first != anchor) serialize_kids(first, anchor, prev_text, out, w);
  return true;
}

}  // namespace dx::ssr
