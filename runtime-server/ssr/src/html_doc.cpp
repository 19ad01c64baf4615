// html_doc.cpp — HtmlDoc: op batches applied to a tree, and the tree serialized (dx/ssr/html_doc.h).
#include "dx/ssr/html_doc.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>

#include "dx/schema/ops.h"
#include "num_chars.h"

namespace dx::ssr {
namespace {

constexpr uint32_t kMaxIds = 1u << 24;        // node ids a batch may name (16 M: far beyond any page)
constexpr uint32_t kMaxTemplates = 1u << 16;  // template ids
constexpr uint32_t kMaxDepth = 4096;          // nesting accepted in a template

bool is_void(std::string_view t) {
  static constexpr std::string_view kVoid[] = {"area", "base", "br", "col", "embed", "hr", "img", "input",
                                              "link", "meta", "source", "track", "wbr"};
  for (std::string_view v : kVoid)
    if (t == v) return true;
  return false;
}

bool is_raw_text(std::string_view t) { return t == "script" || t == "style"; }

uint32_t rd32(const uint8_t* mem, uint32_t at) {
  uint32_t v;
  std::memcpy(&v, mem + at, 4);
  return v;
}

void append_utf8(std::string& out, uint32_t cp) {
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out += char(cp);
  } else if (cp < 0x800) {
    out += char(0xC0 | (cp >> 6));
    out += char(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += char(0xE0 | (cp >> 12));
    out += char(0x80 | ((cp >> 6) & 0x3F));
    out += char(0x80 | (cp & 0x3F));
  } else {
    out += char(0xF0 | (cp >> 18));
    out += char(0x80 | ((cp >> 12) & 0x3F));
    out += char(0x80 | ((cp >> 6) & 0x3F));
    out += char(0x80 | (cp & 0x3F));
  }
}

// Character references in template text and attribute values: the named ones dxc writes and numeric ones.
std::string decode_refs(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    if (s[i] != '&') {
      out += s[i++];
      continue;
    }
    size_t semi = s.find(';', i);
    if (semi == std::string_view::npos || semi - i > 12) {
      out += s[i++];
      continue;
    }
    std::string_view ref = s.substr(i + 1, semi - i - 1);
    bool ok = true;
    if (ref == "amp") out += '&';
    else if (ref == "lt") out += '<';
    else if (ref == "gt") out += '>';
    else if (ref == "quot") out += '"';
    else if (ref == "apos" || ref == "#39") out += '\'';
    else if (ref == "nbsp") out += "\xC2\xA0";
    else if (ref.size() >= 2 && ref[0] == '#') {
      bool hex = ref[1] == 'x' || ref[1] == 'X';
      uint32_t cp = 0;
      size_t d = hex ? 2 : 1;
      ok = d < ref.size();
      for (; ok && d < ref.size(); d++) {
        char c = ref[d];
        uint32_t v = c >= '0' && c <= '9' ? uint32_t(c - '0')
                     : hex && c >= 'a' && c <= 'f' ? uint32_t(c - 'a' + 10)
                     : hex && c >= 'A' && c <= 'F' ? uint32_t(c - 'A' + 10)
                                                   : 99u;
        if (v >= (hex ? 16u : 10u) || cp > 0x10FFFF) ok = false;
        else cp = cp * (hex ? 16 : 10) + v;
      }
      if (ok) append_utf8(out, cp);
    } else {
      ok = false;
    }
    if (!ok) {
      out += s[i++];
      continue;
    }
    i = semi + 1;
  }
  return out;
}

// UTF-8 byte length of the first `units` UTF-16 code units of `s` (a 4-byte sequence is two units).
size_t utf8_prefix_for_units(std::string_view s, uint32_t units) {
  size_t i = 0;
  while (units > 0 && i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    uint32_t u = len == 4 ? 2 : 1;
    if (u > units) break;
    units -= u;
    i += len;
  }
  return i < s.size() ? i : s.size();
}

}  // namespace

HtmlDoc::HtmlDoc() {
  pool_.resize(2);
  attr_lists_.resize(1);
  start_tag_.resize(1);
  pool_[1].kind = kElement;  // the mount element (its tag is the page shell's business)
  ids_.assign(2, 0);
  ids_[1] = 1;
}

uint32_t HtmlDoc::new_node(Kind kind) {
  pool_.emplace_back();
  pool_.back().kind = kind;
  return uint32_t(pool_.size() - 1);
}

uint32_t HtmlDoc::node_of(uint32_t id) const { return id < ids_.size() ? ids_[id] : 0; }

void HtmlDoc::append(uint32_t parent, uint32_t child) {
  Node& p = pool_[parent];
  Node& c = pool_[child];
  c.parent = parent;
  c.prev = p.last;
  c.next = 0;
  if (p.last) pool_[p.last].next = child;
  else p.first = child;
  p.last = child;
}

void HtmlDoc::insert_before(uint32_t before, uint32_t child) {
  uint32_t parent = pool_[before].parent;
  Node& c = pool_[child];
  c.parent = parent;
  c.next = before;
  c.prev = pool_[before].prev;
  if (c.prev) pool_[c.prev].next = child;
  else pool_[parent].first = child;
  pool_[before].prev = child;
}

void HtmlDoc::detach(uint32_t n) {
  Node& c = pool_[n];
  if (!c.parent) return;
  Node& p = pool_[c.parent];
  if (c.prev) pool_[c.prev].next = c.next;
  else p.first = c.next;
  if (c.next) pool_[c.next].prev = c.prev;
  else p.last = c.prev;
  c.parent = c.prev = c.next = 0;
}

bool HtmlDoc::contains(uint32_t ancestor, uint32_t n) const {
  for (; n; n = pool_[n].parent)
    if (n == ancestor) return true;
  return false;
}

uint32_t HtmlDoc::clone(uint32_t src, uint32_t parent) {
  uint32_t n = new_node(pool_[src].kind);
  {
    const Node& s = pool_[src];  // copy before more nodes move the pool
    Node& d = pool_[n];
    d.tag = s.tag;
    d.name = s.name;
    d.text = s.text;
    d.attrs = s.attrs;  // shared until one of them changes (own_attrs)
  }
  if (parent) append(parent, n);
  for (uint32_t c = pool_[src].first; c; c = pool_[c].next) clone(c, n);
  return n;
}

// The template HTML dxc writes: elements with quoted or bare attributes, text, comments. Anything else
// is kept as text; unclosed elements close at their parent's end tag.
uint32_t HtmlDoc::parse_template(std::string_view h) {
  uint32_t frag = new_node(kFragment);
  std::vector<uint32_t> open{frag};
  auto top = [&] { return open.back(); };
  auto add_text = [&](std::string_view raw) {
    if (raw.empty()) return;
    uint32_t t = new_node(kText);
    pool_[t].text = keep(decode_refs(raw));
    append(top(), t);
  };
  size_t i = 0;
  while (i < h.size()) {
    size_t lt = h.find('<', i);
    if (lt == std::string_view::npos) lt = h.size();
    const Node& cur = pool_[top()];
    if (cur.kind == kElement && (cur.tag & kRawText)) {  // raw text up to the matching end tag
      std::string end = "</" + std::string(cur.name);
      size_t e = h.find(end, i);
      if (e == std::string_view::npos) e = h.size();
      uint32_t t = new_node(kText);
      pool_[t].text = keep(h.substr(i, e - i));
      append(top(), t);
      i = e;
      size_t gt = h.find('>', i);
      i = gt == std::string_view::npos ? h.size() : gt + 1;
      if (open.size() > 1) open.pop_back();
      continue;
    }
    add_text(h.substr(i, lt - i));
    i = lt;
    if (i >= h.size()) break;
    if (h.compare(i, 4, "<!--") == 0) {
      size_t e = h.find("-->", i + 4);
      uint32_t c = new_node(kComment);
      pool_[c].text = keep(h.substr(i + 4, (e == std::string_view::npos ? h.size() : e) - i - 4));
      append(top(), c);
      i = e == std::string_view::npos ? h.size() : e + 3;
      continue;
    }
    bool closing = i + 1 < h.size() && h[i + 1] == '/';
    size_t j = i + (closing ? 2 : 1);
    size_t name_start = j;
    while (j < h.size() && (std::isalnum(static_cast<unsigned char>(h[j])) || h[j] == '-' || h[j] == ':')) j++;
    if (j == name_start) {  // a lone '<': text
      add_text(h.substr(i, 1));
      i++;
      continue;
    }
    std::string name(h.substr(name_start, j - name_start));
    for (char& c : name) c = char(std::tolower(static_cast<unsigned char>(c)));
    if (closing) {
      size_t gt = h.find('>', j);
      i = gt == std::string_view::npos ? h.size() : gt + 1;
      for (size_t k = open.size(); k-- > 1;)
        if (pool_[open[k]].name == name) {
          open.resize(k);
          break;
        }
      continue;
    }
    uint32_t el = new_node(kElement);
    pool_[el].name = keep(name);
    pool_[el].tag = uint8_t((is_void(name) ? kVoid : 0) | (is_raw_text(name) ? kRawText : 0));
    append(top(), el);
    bool self_closing = false;
    while (j < h.size() && h[j] != '>') {  // attributes
      if (std::isspace(static_cast<unsigned char>(h[j]))) { j++; continue; }
      if (h[j] == '/') { self_closing = true; j++; continue; }
      size_t an = j;
      while (j < h.size() && !std::isspace(static_cast<unsigned char>(h[j])) && h[j] != '=' && h[j] != '>' && h[j] != '/') j++;
      std::string aname(h.substr(an, j - an));
      std::string aval;
      if (j < h.size() && h[j] == '=') {
        j++;
        if (j < h.size() && (h[j] == '"' || h[j] == '\'')) {
          char q = h[j++];
          size_t e = h.find(q, j);
          if (e == std::string_view::npos) e = h.size();
          aval = decode_refs(h.substr(j, e - j));
          j = e < h.size() ? e + 1 : e;
        } else {
          size_t e = j;
          while (e < h.size() && !std::isspace(static_cast<unsigned char>(h[e])) && h[e] != '>') e++;
          aval = decode_refs(h.substr(j, e - j));
          j = e;
        }
      }
      if (!aname.empty()) {
        std::string_view k = keep(aname), v = keep(aval);
        own_attrs(pool_[el]).emplace_back(k, v);
      }
    }
    if (uint32_t list = pool_[el].attrs) {
      std::string tag(1, '<');
      tag += name;
      append_attrs(tag, attr_lists_[list]);
      tag += '>';
      start_tag_[list] = keep(tag);
    }
    i = j < h.size() ? j + 1 : j;
    if (!self_closing && !is_void(name) && open.size() < kMaxDepth) open.push_back(el);
  }
  return frag;
}

bool HtmlDoc::parse_paths(std::string_view text, Template& t) const {
  size_t i = 0;
  while (i <= text.size()) {
    size_t sp = text.find(' ', i);
    if (sp == std::string_view::npos) sp = text.size();
    std::string_view p = text.substr(i, sp - i);
    std::vector<uint32_t> steps;
    for (size_t k = 0; k < p.size();) {
      char c = p[k++];
      if (c != 'f' && c != 'n') return false;
      uint32_t count = 0;
      size_t digits = 0;
      while (k < p.size() && p[k] >= '0' && p[k] <= '9') {
        count = count * 10 + uint32_t(p[k++] - '0');
        if (++digits > 5) return false;
      }
      if (count == 0) count = 1;
      if (c == 'f') steps.insert(steps.end(), count, 0u);
      else steps.push_back(count);
    }
    if (p.empty()) return false;
    t.paths.push_back(std::move(steps));
    i = sp + 1;
  }
  return !t.paths.empty();
}

std::string_view HtmlDoc::keep(std::string_view s) {
  if (s.empty()) return {};
  if (s.size() > block_left_) {
    constexpr size_t kBlockBytes = 64 << 10;
    size_t bytes = std::max(kBlockBytes, s.size());
    blocks_.push_back(std::make_unique_for_overwrite<char[]>(bytes));
    block_at_ = blocks_.back().get();
    block_left_ = bytes;
  }
  std::memcpy(block_at_, s.data(), s.size());
  std::string_view kept(block_at_, s.size());
  block_at_ += s.size();
  block_left_ -= s.size();
  return kept;
}

HtmlDoc::AttrList& HtmlDoc::own_attrs(Node& n) {
  if (!n.attrs_owned) {
    AttrList copy = n.attrs ? attr_lists_[n.attrs] : AttrList();
    attr_lists_.push_back(std::move(copy));
    start_tag_.emplace_back();
    n.attrs = uint32_t(attr_lists_.size() - 1);
    n.attrs_owned = true;
  }
  return attr_lists_[n.attrs];
}

void HtmlDoc::set_attr(Node& n, std::string_view name, std::string_view value) {
  if (const AttrList* list = attrs_of(n))
    for (size_t i = 0; i < list->size(); i++)
      if ((*list)[i].first == name) {
        if ((*list)[i].second == value) return;
        std::string_view kept = keep(value);
        own_attrs(n)[i].second = kept;
        return;
      }
  std::string_view k = keep(name), v = keep(value);
  own_attrs(n).emplace_back(k, v);
}

void HtmlDoc::remove_attr(Node& n, std::string_view name) {
  const AttrList* list = attrs_of(n);
  if (!list) return;
  for (size_t i = 0; i < list->size(); i++)
    if ((*list)[i].first == name) {
      AttrList& own = own_attrs(n);
      own.erase(own.begin() + long(i));
      return;
    }
}

void HtmlDoc::toggle_class(Node& n, std::string_view name, bool on) {
  std::string cls;
  if (const AttrList* list = attrs_of(n))
    for (auto& [k, v] : *list)
      if (k == "class") cls = v;
  std::vector<std::string_view> tokens;
  std::string_view rest = cls;
  bool present = false;
  while (!rest.empty()) {
    size_t s = rest.find_first_not_of(" \t\n\f\r");
    if (s == std::string_view::npos) break;
    size_t e = rest.find_first_of(" \t\n\f\r", s);
    std::string_view tok = rest.substr(s, e == std::string_view::npos ? std::string_view::npos : e - s);
    if (tok == name) present = true;
    else tokens.push_back(tok);
    rest = e == std::string_view::npos ? std::string_view() : rest.substr(e);
  }
  if (present == on && !name.empty()) {
    return;
  }
  std::string out;
  for (std::string_view t : tokens) {
    if (!out.empty()) out += ' ';
    out += t;
  }
  if (on) {
    if (!out.empty()) out += ' ';
    out += name;
  }
  set_attr(n, "class", out);
}

bool HtmlDoc::apply(const uint8_t* mem, uint32_t size, uint32_t batch, std::string* err) {
  using namespace dx::schema;
  auto fail = [&](std::string msg) {
    *err = std::move(msg);
    return false;
  };
  if (batch % 4 || batch > size || size - batch < kBatchHeaderWords * 4) return fail("batch header out of bounds");
  uint32_t words = rd32(mem, batch), ops = rd32(mem, batch + 4), count = rd32(mem, batch + 8);
  uint32_t sbytes = rd32(mem, batch + 12), slen = rd32(mem, batch + 16), lens = rd32(mem, batch + 20);
  if (ops % 4 || ops > size || (size - ops) / 4 < words) return fail("op words out of bounds");
  if (count && (sbytes > size || size - sbytes < slen)) return fail("string table out of bounds");
  if (lens && (lens % 4 || lens > size || (size - lens) / 4 < count)) return fail("string lengths out of bounds");

  std::vector<std::string_view> strs;
  strs.reserve(count);
  std::string_view table(reinterpret_cast<const char*>(mem) + (count ? sbytes : 0), count ? slen : 0);
  for (uint32_t i = 0, at = 0; i < count; i++) {
    if (at > table.size()) return fail("string table shorter than its count");
    std::string_view rest = table.substr(at);
    size_t len;
    if (lens) {
      len = utf8_prefix_for_units(rest, rd32(mem, lens + 4 * i));
    } else {
      len = rest.find('\0');
      if (len == std::string_view::npos) return fail("string table shorter than its count");
    }
    strs.push_back(rest.substr(0, len));
    at += uint32_t(len) + 1;
  }
  auto str = [&](uint32_t i, std::string_view* out) {
    if (i >= strs.size()) return false;
    *out = strs[i];
    return true;
  };

  std::vector<uint32_t> copy(words);
  if (words) std::memcpy(copy.data(), mem + ops, size_t(words) * 4);
  uint32_t op, nargs;
  const uint32_t* a;
  // The CLONE ops per template, so that the pool grows once for a template's clones (a page's list rows)
  // instead of doubling its way there, copying every node each time.
  std::vector<uint32_t> clones_left;
  for (OpCursor pre{copy.data(), words}; pre.next(&op, &a, &nargs);)
    if (op == kOpClone && a[0] < kMaxTemplates) {
      if (clones_left.size() <= a[0]) clones_left.resize(a[0] + 1, 0);
      clones_left[a[0]]++;
    }
  OpCursor cur{copy.data(), words};
  while (cur.next(&op, &a, &nargs)) {
    std::string_view s1, s2;
    auto live = [&](uint32_t id) { return node_of(id); };
    switch (op) {
      case kOpTemplate: {
        if (a[0] >= kMaxTemplates || !str(a[1], &s1) || !str(a[2], &s2)) return fail("TEMPLATE: bad operands");
        Template t;
        if (!parse_paths(s2, t)) return fail("TEMPLATE: bad paths");
        size_t before = pool_.size();
        t.fragment = parse_template(s1);
        t.nodes = uint32_t(pool_.size() - before);
        if (templates_.size() <= a[0]) templates_.resize(a[0] + 1);
        templates_[a[0]] = std::move(t);
        break;
      }
      case kOpClone: {
        if (a[0] >= templates_.size() || !templates_[a[0]].fragment) return fail("CLONE: unknown template");
        const Template& t = templates_[a[0]];
        if (a[1] != t.paths.size()) return fail("CLONE: id count differs from the template's paths");
        if (a[0] < clones_left.size() && clones_left[a[0]]) {  // the first clone of this template in the batch
          constexpr size_t kMaxReserve = 1 << 20;                // nodes; past that the pool grows as it goes
          size_t need = std::min(size_t(clones_left[a[0]]) * t.nodes, kMaxReserve);
          if (pool_.capacity() - pool_.size() < need) pool_.reserve(std::max(pool_.size() + need, 2 * pool_.capacity()));
          clones_left[a[0]] = 0;
        }
        uint32_t frag = clone(t.fragment, 0);
        for (uint32_t i = 0; i < a[1]; i++) {
          uint32_t id = a[2 + i];
          if (id < 2 || id >= kMaxIds) return fail("CLONE: bad node id");
          uint32_t n = frag;
          for (uint32_t step : templates_[a[0]].paths[i]) {
            if (step == 0) n = pool_[n].first;
            else
              for (uint32_t k = 0; k < step && n; k++) n = pool_[n].next;
            if (!n) return fail("CLONE: a path leaves the template");
          }
          if (ids_.size() <= id) ids_.resize(size_t(id) + 1, 0);
          ids_[id] = n;
        }
        break;
      }
      case kOpText: {
        uint32_t n = live(a[0]);
        if (!n || !str(a[1], &s1) || pool_[n].kind == kElement || pool_[n].kind == kFragment) return fail("TEXT: bad operands");
        pool_[n].text = keep(s1);
        break;
      }
      case kOpTextNum: {  // one number: printed as String(x) is, by the runtime's own printer (num_chars.cpp)
        uint32_t n = live(a[0]);
        if (!n || pool_[n].kind == kElement || pool_[n].kind == kFragment) return fail("TEXT_NUM: bad operands");
        uint64_t bits = uint64_t(a[2]) << 32 | a[1];
        double v;
        std::memcpy(&v, &bits, 8);
        char buf[dx::rt::kNumCharsMax];
        pool_[n].text = keep(std::string_view(buf, dx::rt::num_to_chars(v, buf)));
        break;
      }
      case kOpAttr:
      case kOpProp: {
        uint32_t n = live(a[0]);
        if (!n || !str(a[1], &s1) || !str(a[2], &s2) || pool_[n].kind != kElement) return fail("ATTR/PROP: bad operands");
        Node& el = pool_[n];
        if (op == kOpProp && s1 == "value" && el.name == "textarea") {
          while (el.first) detach(el.first);
          uint32_t t = new_node(kText);
          pool_[t].text = keep(s2);
          append(n, t);
        } else if (op == kOpAttr) {
          set_attr(el, s1, s2);
        } else if (s1 == "value") {  // the property's HTML form: the attribute, absent when empty
          if (s2.empty()) remove_attr(el, s1);
          else set_attr(el, s1, s2);
        }  // other string properties have no HTML form
        break;
      }
      case kOpRemoveAttr: {
        uint32_t n = live(a[0]);
        if (!n || !str(a[1], &s1) || pool_[n].kind != kElement) return fail("REMOVE_ATTR: bad operands");
        remove_attr(pool_[n], s1);
        break;
      }
      case kOpPropBool: {
        uint32_t n = live(a[0]);
        if (!n || !str(a[1], &s1) || pool_[n].kind != kElement) return fail("PROP_BOOL: bad operands");
        if (s1 == "checked" || s1 == "selected" || s1 == "muted" || s1 == "disabled" || s1 == "hidden") {
          if (a[2]) set_attr(pool_[n], s1, "");
          else remove_attr(pool_[n], s1);
        }
        break;
      }
      case kOpClass: {
        uint32_t n = live(a[0]);
        if (!n || !str(a[1], &s1) || pool_[n].kind != kElement) return fail("CLASS: bad operands");
        set_attr(pool_[n], "class", s1);
        break;
      }
      case kOpClassToggle: {
        uint32_t n = live(a[0]);
        if (!n || !str(a[1], &s1) || pool_[n].kind != kElement) return fail("CLASS_TOGGLE: bad operands");
        toggle_class(pool_[n], s1, a[2] != 0);
        break;
      }
      case kOpInsert: {
        uint32_t node = live(a[1]);
        if (!node || a[1] == 1) return fail("INSERT: bad node");
        if (a[2]) {
          uint32_t before = live(a[2]);
          if (!before || !pool_[before].parent || contains(node, pool_[before].parent)) return fail("INSERT: bad reference node");
          if (before == node) break;
          detach(node);
          insert_before(before, node);
        } else {
          uint32_t parent = live(a[0]);
          if (!parent || contains(node, parent) || pool_[parent].kind != kElement) return fail("INSERT: bad parent");
          detach(node);
          append(parent, node);
        }
        break;
      }
      case kOpRemove: {
        uint32_t n = live(a[0]);
        if (!n || a[0] == 1) return fail("REMOVE: bad node");
        detach(n);
        break;
      }
      case kOpClear: {
        uint32_t n = live(a[0]);
        if (!n) return fail("CLEAR: bad node");
        while (pool_[n].first) detach(pool_[n].first);
        break;
      }
      case kOpFree: {
        if (a[0] < 2 || !live(a[0])) return fail("FREE: bad node");
        ids_[a[0]] = 0;
        break;
      }
      case kOpListen: {
        if (!live(a[0]) || !str(a[1], &s1)) return fail("LISTEN: bad operands");
        listeners_.push_back({{a[0], std::string(s1), a[2], a[3]}, live(a[0])});
        break;
      }
      case kOpError:
        if (!str(a[0], &s1)) return fail("ERROR: bad string");
        errors_.emplace_back(s1);
        break;
      case kOpConsole: {
        if (!str(a[1], &s1) || a[0] > 2) return fail("CONSOLE: bad operands");
        static constexpr const char* kLevel[] = {"log", "warn", "error"};
        console_.push_back(std::string(kLevel[a[0]]) + ": " + std::string(s1));
        break;
      }
      case kOpFocus:  // autofocus: the page focuses it; the HTML keeps the autofocus attribute
        if (!live(a[0])) return fail("FOCUS: bad node");
        break;
      case kOpTimer: case kOpTimerClear:  // timers run in the browser: the snapshot keeps them (dx_templates resumes them)
        break;
      case kOpMount: {  // a <Portal> target outside the mount element: a detached element here (portals())
        if (a[0] < 2 || a[0] >= kMaxIds || !str(a[1], &s1)) return fail("MOUNT: bad operands");
        uint32_t n = new_node(kElement);
        pool_[n].name = "div";
        if (ids_.size() <= a[0]) ids_.resize(size_t(a[0]) + 1, 0);
        ids_[a[0]] = n;
        portals_ = true;
        break;
      }
      default: return fail("unknown opcode");
    }
  }
  if (cur.bad) return fail("malformed op at word " + std::to_string(cur.pos));
  return true;
}

std::vector<Listener> HtmlDoc::listeners() const {
  std::vector<Listener> out;
  for (const Listening& l : listeners_)  // a freed id may name a newer node: compare the pool index too
    if (node_of(l.listener.node) == l.pool_index) out.push_back(l.listener);
  return out;
}

}  // namespace dx::ssr
