#include "analyze/types.h"

#include <algorithm>

#include "dx/schema/dxb.h"

namespace dxc {

Types::Types() {
  // Interned like every other type, so with_nullable(t, 0) finds these ids again.
  for (TypeKind k : {TypeKind::Error, TypeKind::Void, TypeKind::Number, TypeKind::Boolean, TypeKind::String,
                     TypeKind::Null, TypeKind::Undefined, TypeKind::Event, TypeKind::EventTarget, TypeKind::Jsx}) {
    TypeInfo t;
    t.kind = k;
    add(t);
  }
}

TypeId Types::add(TypeInfo t) {
  std::string key = std::to_string(int(t.kind)) + ":" + std::to_string(t.elem) + ":" + std::to_string(t.shape) + ":" +
                    std::to_string(t.ret) + ":" + std::to_string(t.nullable) + ":";
  for (TypeId p : t.params) key += std::to_string(p) + ",";
  auto it = type_keys_.find(key);
  if (it != type_keys_.end()) return it->second;
  types_.push_back(std::move(t));
  TypeId id = TypeId(types_.size() - 1);
  type_keys_.emplace(key, id);
  return id;
}

TypeId Types::array_of(TypeId elem) {
  TypeInfo t;
  t.kind = TypeKind::Array;
  t.elem = elem;
  return add(t);
}

TypeId Types::function(std::vector<TypeId> params, TypeId ret) {
  TypeInfo t;
  t.kind = TypeKind::Function;
  t.params = std::move(params);
  t.ret = ret;
  return add(t);
}

TypeId Types::map_of(TypeId key, TypeId value) {
  TypeInfo t;
  t.kind = TypeKind::Map;
  t.elem = key;
  t.ret = value;
  t.shape = shape("", {{"h", array_of(boolean())}, {"k", array_of(key)}, {"v", array_of(value)}});
  return add(t);
}

TypeId Types::set_of(TypeId elem) {
  TypeInfo t;
  t.kind = TypeKind::Set;
  t.elem = elem;
  t.shape = shape("", {{"h", array_of(boolean())}, {"k", array_of(elem)}});
  return add(t);
}

TypeId Types::tuple_of(const std::vector<TypeId>& elems) {
  TypeInfo t;
  t.kind = TypeKind::Tuple;
  t.params = elems;
  std::vector<std::pair<std::string, TypeId>> fields;
  for (size_t i = 0; i < elems.size(); ++i) fields.push_back({std::to_string(i), elems[i]});
  t.shape = shape("", fields);
  return add(t);
}

TypeId Types::dict_of(TypeId value) {
  TypeInfo t;
  t.kind = TypeKind::Dict;
  t.elem = value;
  t.shape = info(map_of(string(), value)).shape;
  return add(t);
}

TypeId Types::union_of(UnionInfo u) {
  std::string key = "union:" + u.tag;
  for (size_t i = 0; i < u.variants.size(); ++i) key += ":" + u.literals[i] + "=" + std::to_string(u.variants[i]);
  if (auto it = type_keys_.find(key); it != type_keys_.end()) return it->second;
  TypeInfo t;
  t.kind = TypeKind::Union;
  t.params = u.variants;
  t.shape = ShapeId(unions_.size());
  unions_.push_back(std::move(u));
  TypeId id = add(t);
  type_keys_.emplace(key, id);
  return id;
}

TypeId Types::with_nullable(TypeId t, uint8_t bits) {
  if (!can_be_nullable(t) || types_[t].nullable == bits) return t;
  TypeInfo n = types_[t];
  n.nullable = bits;
  return add(n);
}

TypeId Types::record(ShapeId s) {
  TypeInfo t;
  t.kind = TypeKind::Record;
  t.shape = s;
  return add(t);
}

std::string Types::shape_key(std::vector<std::pair<std::string, TypeId>>& fields) {
  std::sort(fields.begin(), fields.end());
  std::string key;
  for (auto& [n, t] : fields) key += n + ":" + std::to_string(t) + ";";
  return key;
}

ShapeId Types::shape(std::string name, std::vector<std::pair<std::string, TypeId>> fields, std::map<std::string, std::string> literals) {
  std::string key = shape_key(fields);
  for (auto& [f, lit] : literals) key += "#" + f + "=" + lit;
  auto it = shape_keys_.find(key);
  if (it != shape_keys_.end()) return it->second;
  Shape s;
  s.name = name.empty() ? "{" : name;
  if (name.empty()) {
    for (size_t i = 0; i < fields.size(); ++i) s.name += (i ? "," : "") + fields[i].first;
    s.name += "}";
  }
  lay_out(s, fields);
  s.literals = std::move(literals);
  shapes_.push_back(std::move(s));
  ShapeId id = ShapeId(shapes_.size() - 1);
  shape_keys_.emplace(key, id);
  return id;
}

ShapeId Types::declare_shape(std::string name) {
  Shape s;
  s.name = std::move(name);
  s.recursive = true;
  shapes_.push_back(std::move(s));
  return ShapeId(shapes_.size() - 1);
}

// (No shape with these fields can exist yet: they name record(s), which only the declaration made.)
void Types::define_shape(ShapeId id, std::vector<std::pair<std::string, TypeId>> fields) {
  std::string key = shape_key(fields);
  lay_out(shapes_[id], fields);
  shape_keys_.emplace(key, id);
}

// Field offsets from the (sorted) fields.
void Types::lay_out(Shape& s, const std::vector<std::pair<std::string, TypeId>>& fields) const {
  s.fields.clear();
  uint32_t off = 8;
  // 8-byte fields first, then 4-byte ones: natural alignment with no padding.
  for (int pass = 0; pass < 2; ++pass)
    for (auto& [n, t] : fields) {
      uint32_t sz = dx::schema::field_size(field_code(t));
      if ((pass == 0) != (sz == 8)) continue;
      s.fields.push_back({n, t, off});
      off += sz;
    }
  std::sort(s.fields.begin(), s.fields.end(), [](const Field& a, const Field& b) { return a.name < b.name; });
  s.size = (off + 7) & ~7u;
}

bool Types::is_ref(TypeId t) const {
  switch (kind(t)) {
    case TypeKind::String: case TypeKind::Array: case TypeKind::Record: case TypeKind::Function:
    case TypeKind::Map: case TypeKind::Set: case TypeKind::Tuple: case TypeKind::Dict: case TypeKind::Union: return true;
    default: return false;
  }
}

bool Types::can_be_nullable(TypeId t) const {
  return is_ref(t) || kind(t) == TypeKind::Number || kind(t) == TypeKind::Boolean;
}

WasmType Types::wasm(TypeId t) const {
  switch (kind(t)) {
    case TypeKind::Void: return WasmType::None;  // null and undefined literals are the Refs 1 and 0
    case TypeKind::Number: return WasmType::F64;
    default: return WasmType::I32;
  }
}

uint32_t Types::field_code(TypeId t) const {
  using namespace dx::schema;
  switch (kind(t)) {
    case TypeKind::Number: return kFieldNumber;
    case TypeKind::Boolean: return kFieldBool;
    case TypeKind::String: return kFieldString;
    case TypeKind::Array: return kFieldArray;
    case TypeKind::Record: case TypeKind::Map: case TypeKind::Set: case TypeKind::Tuple: case TypeKind::Dict: case TypeKind::Union: return kFieldRecord;
    case TypeKind::Function: return kFieldClosure;
    default: return kFieldU32;
  }
}

uint32_t Types::elem_kind(TypeId elem) const {
  switch (kind(elem)) {
    case TypeKind::Number: return 0;
    case TypeKind::String: return 2;
    case TypeKind::Array: return 3;
    case TypeKind::Record: case TypeKind::Map: case TypeKind::Set: case TypeKind::Tuple: case TypeKind::Dict: case TypeKind::Union: return 4;
    case TypeKind::Function: return 5;
    default: return 1;
  }
}

std::string Types::name(TypeId t) const {
  const TypeInfo& i = types_[t];
  if (i.nullable) {
    TypeInfo base = i;
    base.nullable = 0;
    std::string s;
    for (TypeId k = 0; k < types_.size(); ++k)  // the non-null form (interned before any nullable form)
      if (types_[k].kind == base.kind && types_[k].elem == base.elem && types_[k].shape == base.shape &&
          types_[k].params == base.params && types_[k].ret == base.ret && types_[k].nullable == 0) { s = name(k); break; }
    if (i.kind == TypeKind::Function) s = "(" + s + ")";
    if (i.nullable & kOrNull) s += " | null";
    if (i.nullable & kOrUndefined) s += " | undefined";
    return s;
  }
  switch (i.kind) {
    case TypeKind::Error: return "<error>";
    case TypeKind::Void: return "void";
    case TypeKind::Number: return "number";
    case TypeKind::Boolean: return "boolean";
    case TypeKind::String: return "string";
    case TypeKind::Null: return "null";
    case TypeKind::Undefined: return "undefined";
    case TypeKind::Event: return "Event";
    case TypeKind::EventTarget: return "EventTarget";
    case TypeKind::Jsx: return "JSX.Element";
    case TypeKind::Array: {  // (number | null)[] and (() => void)[] need their parentheses
      const TypeInfo& e = types_[i.elem];
      std::string en = name(i.elem);
      return (e.nullable || e.kind == TypeKind::Function ? "(" + en + ")" : en) + "[]";
    }
    case TypeKind::Record: return shapes_[i.shape].name;
    case TypeKind::Map: return "Map<" + name(i.elem) + ", " + name(i.ret) + ">";
    case TypeKind::Set: return "Set<" + name(i.elem) + ">";
    case TypeKind::Dict: return "Record<string, " + name(i.elem) + ">";
    case TypeKind::Union: {
      std::string s;
      for (TypeId v : i.params) s += (s.empty() ? "" : " | ") + name(v);
      return s;
    }
    case TypeKind::Tuple: {
      std::string s = "[";
      for (size_t k = 0; k < i.params.size(); ++k) s += (k ? ", " : "") + name(i.params[k]);
      return s + "]";
    }
    case TypeKind::Function: {
      std::string s = "(";
      for (size_t k = 0; k < i.params.size(); ++k) s += (k ? ", " : "") + name(i.params[k]);
      return s + ") => " + name(i.ret);
    }
  }
  return "?";
}

}  // namespace dxc
