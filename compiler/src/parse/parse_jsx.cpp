// JSX: elements, fragments, attributes and children. Text between tags is cooked like Babel (cook.h): the
// raw source between two non-text children is one run, whatever tree-sitter split it into (jsx_text,
// html_character_reference, comment-looking text). A closing tag must match its opening tag (DX0102).
#include "parse/builder.h"
#include "parse/cook.h"

namespace dxc::parse {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

}  // namespace

std::string_view Builder::jsx_name(TSNode name) {
  if (ts_node_is_null(name)) return {};
  std::string_view k = kind(name);
  if (k == "member_expression") {  // Foo.Bar.Baz
    DepthGuard g(*this, name);
    if (g.too_deep) return src(name);
    std::string s(jsx_name(field(name, "object")));
    s += '.';
    s += src(field(name, "property"));
    return intern(std::move(s));
  }
  if (k == "jsx_namespace_name") {  // svg:rect
    std::string s;
    for (TSNode part : named_children(name)) {
      if (!s.empty()) s += ':';
      s += src(part);
    }
    return intern(std::move(s));
  }
  return src(name);
}

NodeId Builder::jsx_attrs(TSNode tag) {
  std::vector<NodeId> kids;
  for (const CstChild& c : children(tag)) {
    if (!ts_node_is_named(c.node)) continue;
    if (c.field && (std::string_view(c.field) == "name" || std::string_view(c.field) == "type_arguments")) continue;
    TSNode a = c.node;
    NodeId attr = kNoNode;
    if (is(a, "jsx_attribute")) {
      std::vector<TSNode> parts = named_children(a);
      std::string_view name = parts.empty() ? std::string_view{} : jsx_name(parts[0]);
      std::vector<NodeId> value;
      if (parts.size() > 1) {
        TSNode v = parts[1];
        if (is(v, "string")) {
          std::string_view raw = src(v);
          if (raw.size() >= 2 && raw.back() == raw.front()) raw = raw.substr(1, raw.size() - 2);
          else if (!raw.empty()) raw = raw.substr(1);
          value.push_back(add(NodeKind::StringLit, v, intern(decode_html_entities(raw))));
        } else if (is(v, "jsx_expression")) {
          TSNode inner = first_named(v);
          if (ts_node_is_null(inner)) {
            diags_.error("DX0101", span(v), "syntax error: a JSX attribute value must be a non-empty expression");
            value.push_back(other(v));
          } else {
            value.push_back(expr(inner));
          }
        } else {
          value.push_back(jsx(v));
        }
      }
      attr = add(NodeKind::JsxAttr, a, name, 0, std::move(value));
    } else if (is(a, "jsx_expression") && is(first_named(a), "spread_element")) {  // {...rest}
      NodeId x = expr(first_named(first_named(a)));
      attr = add(NodeKind::JsxSpreadAttr, a, {}, 0, {x});
    } else {
      attr = other(a);
    }
    kids.push_back(attr);
  }
  return add(NodeKind::JsxAttrs, tag, {}, 0, std::move(kids));
}

void Builder::jsx_children(TSNode element, std::vector<NodeId>& out) {
  TSNode open = field(element, "open_tag");
  TSNode close = field(element, "close_tag");
  auto flush_text = [&](uint32_t a, uint32_t b) {
    if (b <= a) return;
    std::string cooked = cook_jsx_text(src(a, b));
    if (cooked.empty()) return;
    std::string_view raw = src(a, b);
    uint32_t lead = 0, trail = 0;  // the span covers the text, not the whitespace around it
    while (lead < raw.size() && is_space(raw[lead])) ++lead;
    if (lead == raw.size()) lead = 0;  // only spaces on one line: the span is those spaces
    while (trail < raw.size() - lead && is_space(raw[raw.size() - 1 - trail])) ++trail;
    out.push_back(add(NodeKind::JsxText, Span{ast_.file, a + lead, b - trail}, intern(std::move(cooked))));
  };
  uint32_t run_start = ts_node_is_null(open) ? ts_node_start_byte(element) : ts_node_end_byte(open);
  for (const CstChild& c : children(element)) {
    if (c.field) continue;  // open_tag / close_tag
    std::string_view k = kind(c.node);
    if (!ts_node_is_named(c.node) || k == "jsx_text" || k == "html_character_reference") continue;  // text run
    flush_text(run_start, ts_node_start_byte(c.node));
    run_start = ts_node_end_byte(c.node);
    NodeId child = kNoNode;
    if (k == "jsx_expression") {
      TSNode inner = first_named(c.node);  // comments are extras: `{/* … */}` has none
      if (ts_node_is_null(inner)) {
        child = add(NodeKind::JsxExpr, c.node);
      } else {
        NodeId x = expr(inner);
        child = add(NodeKind::JsxExpr, c.node, {}, 0, {x});
      }
    } else if (k == "jsx_element" || k == "jsx_self_closing_element") {
      child = jsx(c.node);
    } else {
      child = other(c.node);
    }
    out.push_back(child);
  }
  flush_text(run_start, ts_node_is_null(close) ? ts_node_end_byte(element) : ts_node_start_byte(close));
}

Diagnostic* Builder::report_tag_mismatch(TSNode open, TSNode close) {
  if (ts_node_is_null(open) || ts_node_is_null(close) || ts_node_is_missing(close) || ts_node_has_error(close)) return nullptr;
  std::string_view open_name = jsx_name(field(open, "name"));
  std::string_view close_name = jsx_name(field(close, "name"));
  if (open_name == close_name) return nullptr;
  Diagnostic& d = diags_.error("DX0102", span(close),
                               "JSX closing tag `</" + std::string(close_name) + ">` does not match the opening tag `<" +
                                   std::string(open_name) + ">`");
  d.notes.push_back(DiagNote{span(open), true, "the opening tag is here"});
  return &d;
}

NodeId Builder::jsx(TSNode n) {
  DepthGuard g(*this, n);
  if (g.too_deep) return other(n);
  if (is(n, "jsx_self_closing_element")) {
    std::string_view name = jsx_name(field(n, "name"));
    NodeId attrs = jsx_attrs(n);
    return add(NodeKind::JsxElement, n, name, 0, {attrs});
  }
  if (!is(n, "jsx_element")) return other(n);

  TSNode open = field(n, "open_tag");
  TSNode close = field(n, "close_tag");
  TSNode open_name = field(open, "name");
  std::string_view name = jsx_name(open_name);
  report_tag_mismatch(open, close);
  std::vector<NodeId> kids;
  if (ts_node_is_null(open_name)) {  // <>…</>
    jsx_children(n, kids);
    return add(NodeKind::JsxFragment, n, {}, 0, std::move(kids));
  }
  kids.push_back(jsx_attrs(open));
  jsx_children(n, kids);
  return add(NodeKind::JsxElement, n, name, 0, std::move(kids));
}

}  // namespace dxc::parse
