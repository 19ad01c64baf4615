// harness.cpp — the test app, the hooks, batch decoding and the model DOM (see harness.h).
#include "harness.h"

#include <catch2/catch.hpp>
#include <algorithm>
#include <cstring>

#include "dx/schema/dxb.h"
#include "entry.h"
#include "num_chars.h"

#include "abi.h"

namespace dxt {

namespace rt = dx::rt;
namespace sc = dx::schema;

namespace {

constexpr Ref kDxbAt = 1024;
constexpr Ref kStaticEnd = 1024 + 2 * 65536;  // dxb + static strings live below; the heap starts here
uint32_t g_dxb_size = 0;
Harness* g_current = nullptr;

std::vector<uint8_t> build_dxb() {
  static const char* strings[] = {
      "<main><ul></ul><p> </p></main><!---->", "f", "ff", "ffnf", "<li> </li>", "<b> </b><i></i>", "fn",
      "<span> </span><!---->", "click", "input", "keydown", "page", "row", "row2", "child", "rec", "/", "x"};
  std::vector<sc::DxbView::Str> strs;
  for (const char* s : strings) strs.push_back({reinterpret_cast<const uint8_t*>(s), uint32_t(strlen(s))});
  // Paths: page f fn ff ffnf | row f ff | row2 f fn ff | child f fn ff
  static const uint32_t paths[] = {1, 6, 2, 3, 1, 2, 1, 6, 2, 1, 6, 2};
  static const sc::DxbTemplate templates[] = {{0, 2, 2, 0}, {4, 1, 1, 4}, {5, 2, 1, 6}, {7, 2, 1, 9}};
  static const sc::DxbField fields[] = {
      // page (0…10)
      {17, 3, 32}, {17, 3, 36}, {17, 3, 40}, {17, 3, 44}, {17, 8, 48}, {17, 4, 52}, {17, 5, 56}, {17, 6, 60},
      {17, 8, 64}, {17, 1, 72}, {17, 9, 68},
      // row (11…13)
      {17, 3, 32}, {17, 3, 36}, {17, 3, 40},
      // record (14…17)
      {17, 1, 8}, {17, 4, 16}, {17, 6, 20}, {17, 5, 24},
      // child (18…21)
      {17, 3, 32}, {17, 3, 36}, {17, 3, 40}, {17, 8, 44},
      // map (22…24): a Map's index, keys and values (runtime-wasm/src/collections.cpp)
      {17, 5, 8}, {17, 5, 12}, {17, 5, 16}};
  static const sc::DxbShape shapes[] = {{11, 80, 0, 11}, {12, 48, 11, 3}, {15, 32, 14, 4}, {14, 48, 18, 4}, {15, 24, 22, 3}};
  static const sc::DxbAnchor anchors[] = {{1, 64}, {1, 44}};
  static const sc::DxbBlock blocks[] = {
      {11, 1, 0, 0, sc::kNone, 0, 1}, {12, 2, 1, 1, 0, 0, 0}, {13, 2, 2, 1, 0, 0, 0}, {14, 1, 3, 3, 0, 1, 1}};
  static const sc::DxbHandler handlers[] = {{0, 8, 0}, {1, 9, 3}, {0, 10, 10}};
  static const sc::DxbPage pages[] = {{16, 0}};
  sc::DxbContents c;
  c.strings = strs.data(); c.string_count = uint32_t(strs.size());
  c.templates = templates; c.template_count = 4;
  c.paths = paths; c.path_count = 12;
  c.blocks = blocks; c.block_count = 4;
  c.anchors = anchors; c.anchor_count = 2;
  c.handlers = handlers; c.handler_count = 3;
  c.shapes = shapes; c.shape_count = 5;
  c.fields = fields; c.field_count = 25;
  c.pages = pages; c.page_count = 1;
  sc::Writer count;
  sc::write_dxb(count, c);
  std::vector<uint8_t> out(count.pos);
  sc::Writer w(out.data(), uint32_t(out.size()));
  sc::write_dxb(w, c);
  REQUIRE(!w.overflow);
  sc::DxbView view;
  sc::DxbError err;
  INFO((err.what ? err.what : ""));
  REQUIRE(view.open(out.data(), uint32_t(out.size()), &err));
  return out;
}

void default_row_create(Ref inst, uint32_t tpl, uint32_t text_slot) {
  dx_clone(inst, tpl, kRowIds);
  dx_text(rt::ld32(inst + kRowIds + 4 * text_slot), dx_num_to_str(rt::ldf64(inst + 24)));
}

}  // namespace

size_t Batch::count(uint32_t code) const {
  size_t n = 0;
  for (const Op& op : ops) n += op.code == code;
  return n;
}

// --- strings, test side ------------------------------------------------------------------------------------

std::u16string utf8_to_utf16(const std::string& s) {
  std::u16string out;
  for (size_t i = 0; i < s.size();) {
    uint8_t c = uint8_t(s[i]);
    uint32_t cp, n;
    if (c < 0x80) { cp = c; n = 1; }
    else if (c < 0xE0) { cp = c & 0x1F; n = 2; }
    else if (c < 0xF0) { cp = c & 0x0F; n = 3; }
    else { cp = c & 0x07; n = 4; }
    for (uint32_t k = 1; k < n; ++k) cp = (cp << 6) | (uint8_t(s[i + k]) & 0x3F);
    i += n;
    if (cp >= 0x10000) {
      out += char16_t(0xD800 + ((cp - 0x10000) >> 10));
      out += char16_t(0xDC00 + ((cp - 0x10000) & 0x3FF));
    } else {
      out += char16_t(cp);
    }
  }
  return out;
}

std::string utf16_to_utf8(const std::u16string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    uint32_t cp = s[i];
    if (cp >= 0xD800 && cp <= 0xDBFF && i + 1 < s.size() && s[i + 1] >= 0xDC00 && s[i + 1] <= 0xDFFF) {
      cp = 0x10000 + ((cp - 0xD800) << 10) + (s[i + 1] - 0xDC00);
      ++i;
    } else if (cp >= 0xD800 && cp <= 0xDFFF) {
      cp = 0xFFFD;
    }
    if (cp < 0x80) out += char(cp);
    else if (cp < 0x800) { out += char(0xC0 | (cp >> 6)); out += char(0x80 | (cp & 0x3F)); }
    else if (cp < 0x10000) {
      out += char(0xE0 | (cp >> 12)); out += char(0x80 | ((cp >> 6) & 0x3F)); out += char(0x80 | (cp & 0x3F));
    } else {
      out += char(0xF0 | (cp >> 18)); out += char(0x80 | ((cp >> 12) & 0x3F));
      out += char(0x80 | ((cp >> 6) & 0x3F)); out += char(0x80 | (cp & 0x3F));
    }
  }
  return out;
}

std::u16string read_units(Ref s) {
  std::u16string out;
  if (!s) return out;
  uint32_t n = rt::ld32(s + 8);
  bool wide = (rt::ld32(s + 4) >> 8) == 1;
  for (uint32_t i = 0; i < n; ++i) out += char16_t(wide ? rt::ld16(s + 12 + 2 * i) : rt::ld8(s + 12 + i));
  return out;
}

std::string read_str(Ref s) { return utf16_to_utf8(read_units(s)); }

// --- batches -----------------------------------------------------------------------------------------------

Batch decode_batch(Ref header) {
  using namespace sc;
  Batch b;
  uint32_t words = rt::ld32(header + 4 * kBatchOpWords), ops = rt::ld32(header + 4 * kBatchOps);
  uint32_t count = rt::ld32(header + 4 * kBatchStringCount), bytes = rt::ld32(header + 4 * kBatchStringBytes);
  uint32_t blen = rt::ld32(header + 4 * kBatchStringBytesLen), lens = rt::ld32(header + 4 * kBatchStringLengths);
  std::string text(reinterpret_cast<const char*>(rt::mem(bytes)), count ? blen : 0);
  if (!lens) {
    size_t pos = 0;
    for (uint32_t i = 0; i < count; ++i) {
      size_t nul = text.find('\0', pos);
      REQUIRE(nul != std::string::npos);
      b.strings.push_back(text.substr(pos, nul - pos));
      pos = nul + 1;
    }
    REQUIRE(pos == text.size());
  } else {
    b.sized = true;
    std::u16string units = utf8_to_utf16(text);
    size_t pos = 0;
    for (uint32_t i = 0; i < count; ++i) {
      uint32_t n = rt::ld32(lens + 4 * i);
      REQUIRE(pos + n < units.size() + 1);
      b.strings.push_back(utf16_to_utf8(units.substr(pos, n)));
      REQUIRE(units[pos + n] == u'\0');
      pos += n + 1;
    }
    REQUIRE(pos == units.size());
  }
  std::vector<uint32_t> w(words);
  for (uint32_t i = 0; i < words; ++i) w[i] = rt::ld32(ops + 4 * i);
  OpCursor cur{w.data(), words};
  uint32_t op, n;
  const uint32_t* args;
  while (cur.next(&op, &args, &n)) b.ops.push_back({op, std::vector<uint32_t>(args, args + n)});
  REQUIRE_FALSE(cur.bad);
  REQUIRE(cur.pos == words);
  return b;
}

// --- the model DOM -----------------------------------------------------------------------------------------

DomModel::DomModel() { nodes[1] = Node{}; }

DomModel::Node& DomModel::at(uint32_t id) {
  auto it = nodes.find(id);
  INFO("node id " << id);
  REQUIRE(it != nodes.end());
  return it->second;
}

void DomModel::detach(uint32_t id) {
  Node& n = at(id);
  if (!n.parent) return;
  auto p = nodes.find(n.parent);
  if (p != nodes.end()) {
    auto& ch = p->second.children;
    for (size_t i = 0; i < ch.size(); ++i)
      if (ch[i] == id) { ch.erase(ch.begin() + long(i)); break; }
  }
  n.parent = 0;
}

bool DomModel::connected(uint32_t id) const {
  for (uint32_t k = 0; id && k < 100000; ++k) {
    if (id == 1) return true;
    auto it = nodes.find(id);
    if (it == nodes.end()) return false;
    id = it->second.parent;
  }
  return false;
}

std::string DomModel::text_of(uint32_t id) const {
  auto it = nodes.find(id);
  if (it == nodes.end()) return "";
  std::string s = it->second.text;
  for (uint32_t c : it->second.children) s += text_of(c);
  return s;
}

void DomModel::apply(const Batch& b) {
  using namespace sc;
  for (const Op& op : b.ops) {
    const auto& a = op.args;
    switch (op.code) {
      case kOpTemplate: {
        std::vector<std::string> paths;
        std::string all = b.str(a[2]);
        for (size_t pos = 0; pos <= all.size();) {
          size_t sp = all.find(' ', pos);
          if (sp == std::string::npos) sp = all.size();
          paths.push_back(all.substr(pos, sp - pos));
          pos = sp + 1;
        }
        templates[a[0]] = paths;
        break;
      }
      case kOpClone: {
        REQUIRE(templates.count(a[0]));
        const auto& paths = templates[a[0]];
        REQUIRE(a[1] == paths.size());
        uint32_t fragment = next_fragment_++, root0 = a[2];
        nodes[fragment] = Node{};
        for (uint32_t k = 0; k < a[1]; ++k) {
          uint32_t id = a[2 + k];
          INFO("CLONE of a live id " << id);
          REQUIRE(nodes.count(id) == 0);
          nodes[id] = Node{};
          bool is_root = paths[k].find_first_not_of('n', 1) == std::string::npos;
          uint32_t parent = is_root ? fragment : root0;  // model slots as children of the first root
          nodes[id].parent = parent;
          nodes[parent].children.push_back(id);
        }
        break;
      }
      case kOpText: at(a[0]).text = b.str(a[1]); break;
      case kOpTextNum: {  // the host prints the number: here the runtime's own printer, as dx-server does
        char buf[dx::rt::kNumCharsMax];
        double v;
        uint64_t bits = uint64_t(a[2]) << 32 | a[1];
        std::memcpy(&v, &bits, 8);
        at(a[0]).text.assign(buf, dx::rt::num_to_chars(v, buf));
        break;
      }
      case kOpAttr: at(a[0]).attrs[b.str(a[1])] = b.str(a[2]); break;
      case kOpRemoveAttr: at(a[0]).attrs.erase(b.str(a[1])); break;
      case kOpProp: at(a[0]).props[b.str(a[1])] = b.str(a[2]); break;
      case kOpPropBool: at(a[0]).props[b.str(a[1])] = a[2] ? "true" : "false"; break;
      case kOpClass: at(a[0]).cls = b.str(a[1]); break;
      case kOpClassToggle: {
        Node& n = at(a[0]);
        std::string name = b.str(a[1]);
        size_t pos = (" " + n.cls + " ").find(" " + name + " ");
        if (a[2] && pos == std::string::npos) n.cls += (n.cls.empty() ? "" : " ") + name;
        if (!a[2] && pos != std::string::npos) n.cls.erase(pos ? pos - 1 : 0, name.size() + (pos ? 1 : 0));
        break;
      }
      case kOpInsert: {  // before ? into before's parent (maybe a fragment) : append to parent
        Node& n = at(a[1]);
        if (n.parent && n.parent < kFragment) ++moves; else ++inserts;
        detach(a[1]);
        uint32_t container = a[2] ? at(a[2]).parent : a[0];
        INFO("INSERT before " << a[2] << ", which has no parent");
        REQUIRE(container != 0);
        auto& ch = at(container).children;
        auto pos = ch.end();
        if (a[2]) pos = std::find(ch.begin(), ch.end(), a[2]);
        ch.insert(pos, a[1]);
        at(a[1]).parent = container;
        break;
      }
      case kOpRemove: ++removes; detach(a[0]); break;
      case kOpClear: {
        ++clears;
        Node& p = at(a[0]);
        for (uint32_t c : p.children)
          if (nodes.count(c)) nodes[c].parent = 0;
        p.children.clear();
        break;
      }
      case kOpFree: {
        at(a[0]);
        if (mount_targets.erase(a[0])) {  // a MOUNT target: the element stays in the document, the id goes
          detach(a[0]);
          nodes.erase(a[0]);
          ++frees;
          break;
        }
        INFO("FREE of a node still in the document: " << a[0]);
        REQUIRE_FALSE(connected(a[0]));
        ++frees;
        nodes.erase(a[0]);
        break;
      }
      case kOpListen: at(a[0]).listeners[b.str(a[1])] = a[2]; break;
      case kOpError: ++errors; error_messages.push_back(b.str(a[0])); break;
      case kOpConsole: console_lines.push_back(std::to_string(a[0]) + " " + b.str(a[1])); break;
      case kOpMount: {  // a <Portal> target: modelled as a child of the mount element, named by its id
        INFO("MOUNT of a live id " << a[0]);
        REQUIRE(nodes.count(a[0]) == 0);
        nodes[a[0]] = Node{};
        nodes[a[0]].attrs["id"] = b.str(a[1]);
        nodes[a[0]].parent = 1;
        at(1).children.push_back(a[0]);
        mount_targets.insert(a[0]);
        break;
      }
      case kOpFocus: at(a[0]); break;  // an autofocus element: it must be a live node
      case kOpTimer: case kOpTimerClear: break;  // timers: the test reads them from the batch
      default: FAIL("unknown op " << op.code);
    }
  }
}

// --- the harness -------------------------------------------------------------------------------------------

Harness::Harness() {
  rt::native::reset();
  g_current = this;
  std::vector<uint8_t> dxb = build_dxb();
  memcpy(rt::mem(kDxbAt), dxb.data(), dxb.size());
  g_dxb_size = uint32_t(dxb.size());
  static_top_ = rt::align8(kDxbAt + g_dxb_size);
  auto& h = rt::native::hooks;
  h = {};
  h.dxb = [] { return kDxbAt; };
  h.dxb_size = [] { return g_dxb_size; };
  h.heap_base = [] { return kStaticEnd; };
  h.block_create = [](uint32_t inst) {
    uint32_t block = rt::ld32(inst + 8);
    if (g_current->create[block]) g_current->create[block](inst);
  };
  h.block_update = [](uint32_t inst, uint32_t mask) {
    g_current->updates_seen.push_back({inst, mask});
    uint32_t block = rt::ld32(inst + 8);
    if (g_current->update[block]) g_current->update[block](inst, mask);
  };
  h.handler = [](uint32_t handler, uint32_t inst, uint32_t event) {
    REQUIRE(handler < 3);
    REQUIRE(g_current->handler[handler]);
    g_current->handler[handler](inst, event);
  };
  create[kBlkPage] = [](Ref inst) { dx_clone(inst, kTplPage, kPgIds); };
  create[kBlkRow] = [](Ref inst) { default_row_create(inst, kTplRow, 1); };
  create[kBlkRow2] = [](Ref inst) { default_row_create(inst, kTplRow2, 2); };
  create[kBlkChild] = [](Ref inst) { dx_clone(inst, kTplChild, 32); };
}

Harness::~Harness() {
  rt::native::hooks = {};
  g_current = nullptr;
}

Batch Harness::start() {
  last = decode_batch(dx_start(0));
  dom.apply(last);
  return last;
}

Batch Harness::dispatch(uint32_t handler_id, uint32_t node, const std::string& value, const std::string& key,
                        uint32_t checked) {
  Ref in = dx_input(uint32_t(value.size() + key.size()));
  memcpy(rt::mem(in), value.data(), value.size());
  memcpy(rt::mem(in + uint32_t(value.size())), key.data(), key.size());
  last = decode_batch(dx_dispatch(handler_id, node, uint32_t(value.size()), uint32_t(key.size()), checked));
  dom.apply(last);
  return last;
}

Ref Harness::static_str(const std::string& s) {
  Ref at = static_top_;
  REQUIRE(at + 12 + s.size() + 8 < kStaticEnd);
  rt::st32(at, 0xFFFFFFFFu);
  rt::st32(at + 4, 1);  // kind string, Latin-1
  rt::st32(at + 8, uint32_t(s.size()));
  memcpy(rt::mem(at + 12), s.data(), s.size());
  static_top_ = rt::align8(at + 12 + uint32_t(s.size()));
  return at;
}

Ref Harness::page() const { return rt::page_instance(); }
uint32_t Harness::page_node(uint32_t k) const { return rt::ld32(page() + kPgIds + 4 * k); }

void Harness::click_main(int n) {
  uint32_t node = page_node(kPnMain);
  for (int i = 0; i < n; ++i) dx_dispatch(kHClick, node, 0, 0, 0);
}

}  // namespace dxt
