// Declarations: functions and their parameters, binding patterns, var/let/const, imports and exports,
// interfaces, type aliases, enums, and the unsupported class (kept by name).
#include "parse/builder.h"

namespace dxc::parse {

std::string_view Builder::type_param_names(TSNode type_parameters) {
  std::string names;
  for (TSNode p : named_children(type_parameters)) {
    if (!is(p, "type_parameter")) continue;
    if (!names.empty()) names += ',';
    names += src(field(p, "name"));
  }
  return names.empty() ? std::string_view{} : intern(std::move(names));
}

NodeId Builder::function(TSNode n, NodeKind k, uint32_t flags) {
  DepthGuard g(*this, n);
  if (g.too_deep) return other(n);
  if (has_token(n, "async")) flags |= kAsync;
  if (has_token(n, "*")) flags |= kGenerator;
  NodeId ps = params(field(n, "parameters"));
  NodeId body = block(field(n, "body"));
  NodeId ret = type_annotation(field(n, "return_type"));
  NodeId id = add(k, n, src(field(n, "name")), flags, {ps, body, ret});
  set_text2(id, type_param_names(field(n, "type_parameters")));
  return id;
}

NodeId Builder::params(TSNode n) {
  std::vector<NodeId> kids;
  for (TSNode c : named_children(n)) {
    NodeId p = param(c);
    kids.push_back(p);
  }
  if (ts_node_is_null(n)) return add(NodeKind::Params, Span{ast_.file, 0, 0});
  return add(NodeKind::Params, n, {}, 0, std::move(kids));
}

NodeId Builder::param(TSNode n) {
  std::string_view k = kind(n);
  if (k != "required_parameter" && k != "optional_parameter") {
    // An arrow's bare `x` parameter, or error recovery.
    if (k == "identifier") return add(NodeKind::Param, n, src(n), 0, {kNoNode, kNoNode, kNoNode});
    return other(n);
  }
  uint32_t flags = k == "optional_parameter" ? uint32_t(kOptional) : 0u;
  TSNode pat = field(n, "pattern");
  if (ts_node_is_null(pat)) pat = field(n, "name");
  if (is(pat, "rest_pattern")) {
    flags |= kRest;
    pat = first_named(pat);
  }
  std::string_view name;
  NodeId pattern_id = kNoNode;
  std::string_view pk = ts_node_is_null(pat) ? std::string_view{} : kind(pat);
  if (pk == "identifier" || pk == "this" || pk == "undefined") {
    name = src(pat);
  } else if (!ts_node_is_null(pat)) {
    pattern_id = pattern(pat);
  }
  NodeId type = type_annotation(field(n, "type"));
  NodeId def = expr(field(n, "value"));
  return add(NodeKind::Param, n, name, flags, {type, def, pattern_id});
}

namespace {

// `{ p, q: r = 1, ...rest }` → ObjectPattern of PatternProp / Spread (kept out of pattern() so that the
// recursion through pattern() keeps a small stack frame).
NodeId object_pattern(Builder& b, TSNode n) {
  std::vector<NodeId> kids;
  for (TSNode c : Builder::named_children(n)) {
    std::string_view ck = Builder::kind(c);
    NodeId prop = kNoNode;
    if (ck == "shorthand_property_identifier_pattern") {
      NodeId target = b.add(NodeKind::Identifier, c, b.src(c));
      prop = b.add(NodeKind::PatternProp, c, b.src(c), kShorthand, {target, kNoNode});
    } else if (ck == "object_assignment_pattern") {  // `{ p = 1 }`
      TSNode left = Builder::field(c, "left");
      NodeId target = b.pattern(left);
      NodeId def = b.expr(Builder::field(c, "right"));
      bool shorthand = Builder::is(left, "shorthand_property_identifier_pattern");
      prop = b.add(NodeKind::PatternProp, c, shorthand ? b.src(left) : std::string_view{}, shorthand ? uint32_t(kShorthand) : 0u, {target, def});
    } else if (ck == "pair_pattern") {  // `{ q: r }`, `{ q: r = 1 }`
      std::string_view key = b.property_key(Builder::field(c, "key"));
      TSNode value = Builder::field(c, "value");
      if (key.empty() && Builder::is(Builder::field(c, "key"), "computed_property_name")) {
        prop = b.other(c);
      } else if (Builder::is(value, "assignment_pattern")) {
        NodeId target = b.pattern(Builder::field(value, "left"));
        NodeId def = b.expr(Builder::field(value, "right"));
        prop = b.add(NodeKind::PatternProp, c, key, 0, {target, def});
      } else {
        NodeId target = b.pattern(value);
        prop = b.add(NodeKind::PatternProp, c, key, 0, {target, kNoNode});
      }
    } else {
      prop = b.pattern(c);  // rest_pattern → Spread; anything else → Other
    }
    kids.push_back(prop);
  }
  return b.add(NodeKind::ObjectPattern, n, {}, 0, std::move(kids));
}

}  // namespace

NodeId Builder::pattern(TSNode n) {
  if (ts_node_is_null(n)) return kNoNode;
  DepthGuard g(*this, n);
  if (g.too_deep) return other(n);
  std::string_view k = kind(n);
  if (k == "identifier" || k == "undefined" || k == "shorthand_property_identifier_pattern") {
    return add(NodeKind::Identifier, n, src(n));
  }
  if (k == "array_pattern") {
    std::vector<NodeId> kids;
    array_elements(n, kids, true);
    return add(NodeKind::ArrayPattern, n, {}, 0, std::move(kids));
  }
  if (k == "assignment_pattern") {  // `[a = 1]`: an element with a default, no key
    NodeId target = pattern(field(n, "left"));
    NodeId def = expr(field(n, "right"));
    return add(NodeKind::PatternProp, n, {}, 0, {target, def});
  }
  if (k == "rest_pattern") {
    NodeId target = pattern(first_named(n));
    return add(NodeKind::Spread, n, {}, 0, {target});
  }
  if (k == "object_pattern") return object_pattern(*this, n);
  // Assignment targets inside destructuring assignments (`[a.b, c[0]] = …`).
  if (k == "member_expression" || k == "subscript_expression" || k == "non_null_expression" ||
      k == "parenthesized_expression") {
    return expr(n);
  }
  return other(n);
}

NodeId Builder::var_decl(TSNode n, uint32_t flags) {
  std::vector<NodeId> kids;
  for (TSNode c : named_children(n)) {
    if (!is(c, "variable_declarator")) {
      NodeId o = other(c);
      kids.push_back(o);
      continue;
    }
    NodeId target = pattern(field(c, "name"));
    NodeId type = type_annotation(field(c, "type"));
    NodeId init = expr(field(c, "value"));
    NodeId d = add(NodeKind::Declarator, c, {}, 0, {target, type, init});
    kids.push_back(d);
  }
  return add(NodeKind::VarDecl, n, {}, flags, std::move(kids));
}

NodeId Builder::import_stmt(TSNode n) {
  std::vector<NodeId> kids;
  for (TSNode c : named_children(n)) {
    if (is(c, "import_require_clause")) return other(n);  // `import x = require("…")`
    if (!is(c, "import_clause")) continue;            // the source string, import attributes
    for (TSNode part : named_children(c)) {
      std::string_view pk = kind(part);
      if (pk == "identifier") {
        kids.push_back(add(NodeKind::ImportSpec, part, src(part)));
        ast_[kids.back()].text2 = "default";
      } else if (pk == "namespace_import") {
        NodeId spec = add(NodeKind::ImportSpec, part, src(first_named(part)));
        ast_[spec].text2 = "*";
        kids.push_back(spec);
      } else if (pk == "named_imports") {
        for (TSNode s : named_children(part)) {
          if (!is(s, "import_specifier")) continue;
          TSNode name = field(s, "name");
          TSNode alias = field(s, "alias");
          std::string_view imported = is(name, "string") ? string_value(name) : src(name);
          std::string_view local = ts_node_is_null(alias) ? imported : src(alias);
          NodeId spec = add(NodeKind::ImportSpec, s, local, has_token(s, "type") ? uint32_t(kTypeOnly) : 0u);
          ast_[spec].text2 = imported;
          kids.push_back(spec);
        }
      }
    }
  }
  std::string_view from = string_value(field(n, "source"));
  return add(NodeKind::Import, n, from, has_token(n, "type") ? uint32_t(kTypeOnly) : 0u, std::move(kids));
}

NodeId Builder::export_stmt(TSNode n) {
  uint32_t flags = kExport | (has_token(n, "default") ? uint32_t(kDefault) : 0u);
  TSNode decl = field(n, "declaration");
  if (!ts_node_is_null(decl)) {
    std::string_view k = kind(decl);
    if (k == "function_declaration") return function(decl, NodeKind::Function, flags);
    if (k == "generator_function_declaration") return function(decl, NodeKind::Function, flags | kGenerator);
    if (k == "lexical_declaration") return var_decl(decl, kExport | (is(field(decl, "kind"), "let") ? kLet : kConst));
    if (k == "variable_declaration") return var_decl(decl, kExport | kVar);
    if (k == "class_declaration" || k == "abstract_class_declaration") return class_like(decl, NodeKind::Class, flags);
    if (k == "enum_declaration") return enum_decl(decl, flags);
    if (k == "interface_declaration") return interface_decl(decl, flags);
    if (k == "type_alias_declaration") return type_alias(decl, flags);
    return add(NodeKind::Other, n, k);  // export declare …, export namespace …, export import …
  }
  TSNode value = field(n, "value");
  if (!ts_node_is_null(value)) {
    std::string_view k = kind(value);
    if (k == "function_expression") return function(value, NodeKind::Function, flags);
    if (k == "generator_function") return function(value, NodeKind::Function, flags | kGenerator);
    if (k == "class") return class_like(value, NodeKind::Class, flags);
    NodeId x = expr(value);
    return add(NodeKind::ExportDefaultExpr, n, {}, 0, {x});
  }
  std::string_view from = string_value(field(n, "source"));
  uint32_t type_only = has_token(n, "type") ? uint32_t(kTypeOnly) : 0u;
  std::vector<NodeId> kids;
  bool star = has_token(n, "*");
  for (TSNode c : named_children(n)) {
    if (is(c, "export_clause")) {
      for (TSNode s : named_children(c)) {
        if (!is(s, "export_specifier")) continue;
        TSNode name = field(s, "name");
        TSNode alias = field(s, "alias");
        std::string_view local = is(name, "string") ? string_value(name) : src(name);
        std::string_view exported = ts_node_is_null(alias) ? local : is(alias, "string") ? string_value(alias) : src(alias);
        NodeId spec = add(NodeKind::ExportSpec, s, local, has_token(s, "type") ? uint32_t(kTypeOnly) : 0u);
        ast_[spec].text2 = exported;
        kids.push_back(spec);
      }
      star = false;
    } else if (is(c, "namespace_export")) {  // `export * as ns from "m"`
      TSNode name = first_named(c);
      NodeId spec = add(NodeKind::ExportSpec, c, "*");
      ast_[spec].text2 = is(name, "string") ? string_value(name) : src(name);
      kids.push_back(spec);
      star = false;
    }
  }
  if (star) {  // `export * from "m"`
    NodeId spec = add(NodeKind::ExportSpec, n, "*");
    ast_[spec].text2 = "*";
    kids.push_back(spec);
  } else if (kids.empty() && !has_token(n, "{")) {
    return other(n);  // `export = x`, `export as namespace X`
  }
  return add(NodeKind::ExportNamed, n, from, type_only, std::move(kids));
}

NodeId Builder::interface_decl(TSNode n, uint32_t flags) {
  std::vector<NodeId> kids;
  member_sigs(field(n, "body"), kids);
  for (TSNode c : named_children(n)) {
    if (!is(c, "extends_type_clause")) continue;
    for (TSNode t : named_children(c)) {
      NodeId base = type(t);
      kids.push_back(base);
    }
  }
  NodeId id = add(NodeKind::Interface, n, src(field(n, "name")), flags, std::move(kids));
  set_text2(id, type_param_names(field(n, "type_parameters")));
  return id;
}

NodeId Builder::type_alias(TSNode n, uint32_t flags) {
  NodeId value = type(field(n, "value"));
  NodeId id = add(NodeKind::TypeAlias, n, src(field(n, "name")), flags, {value});
  set_text2(id, type_param_names(field(n, "type_parameters")));
  return id;
}

// enum E { A, B = 5, "c-d" = "x" }: a Prop per member (text: its name; kid 0: its initializer, if any).
NodeId Builder::enum_decl(TSNode n, uint32_t flags) {
  std::vector<NodeId> kids;
  for (TSNode m : named_children(field(n, "body"))) {
    bool assigned = is(m, "enum_assignment");
    TSNode name = assigned ? field(m, "name") : m;
    std::string_view key = is(name, "string") ? string_value(name) : src(name);
    std::vector<NodeId> value;
    if (assigned) value.push_back(expr(field(m, "value")));
    kids.push_back(add(NodeKind::Prop, m, key, 0, std::move(value)));
  }
  return add(NodeKind::Enum, n, src(field(n, "name")), flags, std::move(kids));
}

NodeId Builder::class_like(TSNode n, NodeKind k, uint32_t flags) {
  NodeId id = add(k, n, src(field(n, "name")), flags);
  set_text2(id, type_param_names(field(n, "type_parameters")));
  return id;
}

}  // namespace dxc::parse
