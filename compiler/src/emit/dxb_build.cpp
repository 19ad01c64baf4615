// Program + IR → app.dxb (schemas/dxb.md) through the shared writer in schemas/.
#include <map>

#include "dx/schema/dxb.h"
#include "emit/emit.h"

namespace dxc::emit {

namespace {
class StringTable {
 public:
  uint32_t id(const std::string& s) {
    auto it = ids_.find(s);
    if (it != ids_.end()) return it->second;
    strings_.push_back(s);
    ids_.emplace(s, uint32_t(strings_.size() - 1));
    return uint32_t(strings_.size() - 1);
  }
  const std::vector<std::string>& all() const { return strings_; }

 private:
  std::vector<std::string> strings_;
  std::map<std::string, uint32_t> ids_;
};
}  // namespace

std::vector<uint8_t> build_dxb(const Program& p, LoweredProgram& lp) {
  using namespace dx::schema;
  StringTable st;
  std::vector<DxbTemplate> templates;
  std::vector<uint32_t> paths;
  std::map<std::string, uint32_t> tpl_ids;
  for (BlockIR& b : lp.blocks) {
    std::string key = b.tpl.html + '\0' + std::to_string(b.tpl.root_count);
    for (auto& path : b.tpl.paths) key += '\0' + path;
    auto it = tpl_ids.find(key);
    if (it != tpl_ids.end()) { b.tpl_id = it->second; continue; }
    DxbTemplate t;
    t.html = st.id(b.tpl.html);
    t.root_count = uint16_t(b.tpl.root_count);
    t.slot_count = uint16_t(b.tpl.paths.size() - b.tpl.root_count);
    t.first_path = uint32_t(paths.size());
    for (auto& path : b.tpl.paths) paths.push_back(st.id(path));
    b.tpl_id = uint32_t(templates.size());
    tpl_ids.emplace(key, b.tpl_id);
    templates.push_back(t);
  }
  std::vector<DxbShape> shapes;
  std::vector<DxbField> fields;
  for (ShapeId s = 0; s < p.types.shape_count(); ++s) {
    const Shape& sh = p.types.shape_info(s);
    DxbShape d{st.id(sh.name), sh.size, uint32_t(fields.size()), uint32_t(sh.fields.size())};
    for (const Field& f : sh.fields) fields.push_back({st.id(f.name), p.types.field_code(f.type), f.offset});
    shapes.push_back(d);
  }
  std::vector<DxbBlock> blocks;
  std::vector<DxbAnchor> anchors;
  for (BlockId b = 0; b < p.blocks.size(); ++b) {
    const BlockInfo& bi = p.blocks[b];
    const BlockIR& ir = lp.blocks[b];
    DxbShape d{st.id(bi.name), bi.size, uint32_t(fields.size()), 0};
    auto add = [&](const std::string& name, uint32_t type, uint32_t off) { fields.push_back({st.id(name), type, off}); ++d.field_count; };
    if (bi.item != kNoId) add(p.symbols[bi.item].name, p.types.field_code(p.symbols[bi.item].type), 24);
    for (auto& [name, off] : bi.prop_offsets) {
      TypeId t = p.types.shape_info(p.types.info(p.symbols[bi.props].type).shape).find(name)->type;
      add("props." + name, p.types.field_code(t), off);
    }
    if (bi.children_instance) {
      add("children.block", kFieldU32, bi.children_offset);
      add("children.env", kFieldWeak, bi.children_offset + 4);
      add("children", kFieldOwned, bi.children_instance);
    }
    for (SymId s : bi.fields) add(p.symbols[s].name, p.types.field_code(p.symbols[s].type), p.symbols[s].offset);
    for (uint32_t k = 0; k < ir.tpl.paths.size(); ++k) add("node" + std::to_string(k), kFieldU32, ir.ids_offset + 4 * k);
    for (const BindingIR& x : ir.bindings) {
      if (x.kind == BindKind::For || x.kind == BindKind::Index) add("list", kFieldOwned, x.field);
      if (x.kind == BindKind::Show || x.kind == BindKind::Switch || x.kind == BindKind::Dynamic || x.kind == BindKind::Suspense) {
        add("branch", kFieldOwned, x.field);
        add("branch.which", kFieldU32, x.field2);
      }
      if (x.kind == BindKind::Suspense) add("suspense.state", kFieldU32, x.state);
      if (x.kind == BindKind::Portal) add("portal", kFieldOwned, x.field);
      if (x.kind == BindKind::Component) add(p.blocks[x.child].name, kFieldOwned, x.field);
      if (x.cache) {
        bool flag = x.kind == BindKind::ClassToggle || x.kind == BindKind::PropBool;
        add("last", flag ? kFieldU32 : x.number ? kFieldNumber : p.types.field_code(p.types.string()), x.cache);
      }
    }
    shapes.push_back(d);
    DxbBlock blk{st.id(bi.name), bi.kind, ir.tpl_id, uint32_t(p.types.shape_count() + b),
                 bi.parent == kNoId ? kNone : bi.parent, uint32_t(anchors.size()), uint32_t(ir.anchors.size())};
    for (auto& [root, field] : ir.anchors) anchors.push_back({root, field});
    blocks.push_back(blk);
  }
  std::vector<DxbHandler> handlers;
  for (const HandlerIR& h : lp.handlers) handlers.push_back({h.block, st.id(h.event), h.flags});
  std::vector<DxbPage> pages;
  for (size_t i = 0; i < p.pages.size(); ++i) pages.push_back({st.id(p.routes[i]), p.pages[i]});

  std::vector<DxbView::Str> strs;
  for (const std::string& s : st.all()) strs.push_back({reinterpret_cast<const uint8_t*>(s.data()), uint32_t(s.size())});
  DxbContents c;
  c.strings = strs.data(); c.string_count = uint32_t(strs.size());
  c.templates = templates.data(); c.template_count = uint32_t(templates.size());
  c.paths = paths.data(); c.path_count = uint32_t(paths.size());
  c.blocks = blocks.data(); c.block_count = uint32_t(blocks.size());
  c.anchors = anchors.data(); c.anchor_count = uint32_t(anchors.size());
  c.handlers = handlers.data(); c.handler_count = uint32_t(handlers.size());
  c.shapes = shapes.data(); c.shape_count = uint32_t(shapes.size());
  c.fields = fields.data(); c.field_count = uint32_t(fields.size());
  c.pages = pages.data(); c.page_count = uint32_t(pages.size());
  Writer count;
  write_dxb(count, c);
  std::vector<uint8_t> out(count.pos);
  Writer w(out.data(), uint32_t(out.size()));
  write_dxb(w, c);
  return out;
}

}  // namespace dxc::emit
