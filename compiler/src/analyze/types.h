// dxc::Types — the types of the TS subset dx compiles, interned so a TypeId compares by ==.
//
// Records are structural: a shape is the set of (name, type) fields, so an interface `Todo` and an object
// literal `{ id, text, done }` with the same fields share one shape and one layout. The layout puts 8-byte
// fields first so every field is naturally aligned after the 8-byte object header.
#pragma once
#include <cstdint>
#include <deque>
#include <map>
#include <string>
#include <vector>

namespace dxc {

using TypeId = uint32_t;
using ShapeId = uint32_t;

enum class TypeKind : uint8_t {
  Error,      // an earlier diagnostic; suppresses follow-on errors
  Void, Number, Boolean, String, Null, Undefined,
  Array,      // elem
  Record,     // shape
  Function,   // params, ret
  Event,      // a DOM event passed to a handler
  EventTarget,// e.currentTarget / e.target
  Jsx,        // a JSX element value
  Map,        // elem: the key, ret: the value, shape: its runtime layout (map_of)
  Set,        // elem: the element, shape: its runtime layout (set_of)
  Tuple,      // params: the element types, shape: a record with a field "0", "1", … per element (tuple_of)
  Dict,       // Record<string, V>: elem: V, shape: the runtime layout of a Map<string, V> (dict_of)
  Union,      // a discriminated union of records: params: the variants (record types), shape: its union_info index
};

// A discriminated union `{ kind: "a"; … } | { kind: "b"; … }`: the tag field every variant has with a string
// literal type, and per variant its literal and record type (two variants may share a record type: their
// fields are alike, their tags' literals differ).
struct UnionInfo {
  std::string tag;
  std::vector<std::string> literals;
  std::vector<TypeId> variants;
};

struct Field {
  std::string name;
  TypeId type = 0;
  uint32_t offset = 0;  // from the object start (header is 0..7)
};

struct Shape {
  std::string name;           // interface name, or "{a,b}" for anonymous shapes
  std::vector<Field> fields;  // sorted by name (the structural key)
  uint32_t size = 8;
  bool recursive = false;     // an interface whose fields reach its own type (declare_shape / define_shape)
  // Fields declared with a string literal type (`kind: "circle"`): name → literal. Such a shape is its own
  // (the literals are part of its key), so a record of it holds those strings (analyze/unions.cpp).
  std::map<std::string, std::string> literals;
  const Field* find(const std::string& n) const {
    for (auto& f : fields) if (f.name == n) return &f;
    return nullptr;
  }
};

// Nullability of a type: `T | null` and/or `T | undefined`. At run time a reference (string, array, record,
// function) is a Ref where 0 is undefined and 1 is null (objects are 8-aligned and above 64 KiB); a nullable
// number is an f64 whose null and undefined are two NaN payloads no arithmetic produces (builtins.h:
// kNullNumberBits, kMissingNumberBits); a nullable boolean an i32 with undefined 2 and null 3. So a nullable
// value and its non-null form share one representation, narrowing is free, and plain numbers stay plain f64.
enum Nullable : uint8_t { kNotNull = 0, kOrNull = 1, kOrUndefined = 2 };

struct TypeInfo {
  TypeKind kind = TypeKind::Error;
  uint8_t nullable = kNotNull;
  TypeId elem = 0;
  ShapeId shape = 0;
  std::vector<TypeId> params;
  TypeId ret = 0;
};

enum class WasmType : uint8_t { None, I32, F64 };

class Types {
 public:
  Types();
  TypeId error() const { return 0; }
  TypeId void_() const { return 1; }
  TypeId number() const { return 2; }
  TypeId boolean() const { return 3; }
  TypeId string() const { return 4; }
  TypeId null_() const { return 5; }
  TypeId undefined() const { return 6; }
  TypeId event() const { return 7; }
  TypeId event_target() const { return 8; }
  TypeId jsx() const { return 9; }

  TypeId array_of(TypeId elem);
  TypeId function(std::vector<TypeId> params, TypeId ret);
  // Map<K, V> and Set<T>: at run time a record of the hash index, the keys and a Map's values, each an array
  // (runtime-wasm/src/collections.cpp; its offsets are the field names' order, h k v).
  TypeId map_of(TypeId key, TypeId value);
  TypeId set_of(TypeId elem);
  // [A, B]: at run time a record whose fields "0", "1", … hold the elements.
  TypeId tuple_of(const std::vector<TypeId>& elems);
  // Record<string, V> / { [key: string]: V }: an object used as a dictionary, with JS's key order; at run time
  // a Map<string, V>.
  TypeId dict_of(TypeId value);
  TypeId union_of(UnionInfo u);  // interned by tag, literals and variants
  const UnionInfo& union_info(TypeId t) const { return unions_[types_[t].shape]; }
  // Interns the shape with these fields (order-insensitive); `name` is kept for the first interning.
  ShapeId shape(std::string name, std::vector<std::pair<std::string, TypeId>> fields,
                std::map<std::string, std::string> literals = {});
  // A recursive interface (`interface Tree { kids: Tree[] }`): its shape is declared first, so its fields can
  // name record(s), then defined with them; from then on it is interned like any shape with those fields.
  ShapeId declare_shape(std::string name);
  void define_shape(ShapeId s, std::vector<std::pair<std::string, TypeId>> fields);
  TypeId record(ShapeId s);
  // `t | null` / `t | undefined` (bits of Nullable) for a type that can be nullable; the same t for bits 0.
  TypeId with_nullable(TypeId t, uint8_t bits);
  TypeId non_null(TypeId t) { return with_nullable(t, kNotNull); }
  uint8_t nullable(TypeId t) const { return types_[t].nullable; }

  const TypeInfo& info(TypeId t) const { return types_[t]; }
  TypeKind kind(TypeId t) const { return types_[t].kind; }
  const Shape& shape_info(ShapeId s) const { return shapes_[s]; }
  size_t shape_count() const { return shapes_.size(); }
  bool is_ref(TypeId t) const;  // lives in linear memory as a Ref (string, array, record, closure)
  bool can_be_nullable(TypeId t) const;  // a Ref, a number or a boolean (see Nullable)
  WasmType wasm(TypeId t) const;
  std::string name(TypeId t) const;
  // The dxb SHAPES field type code (schemas/dxb.md) for a value of this type.
  uint32_t field_code(TypeId t) const;
  // The runtime's array element kind (runtime-wasm/ABI.md).
  uint32_t elem_kind(TypeId elem) const;

 private:
  TypeId add(TypeInfo t);
  static std::string shape_key(std::vector<std::pair<std::string, TypeId>>& fields);  // sorts `fields`
  void lay_out(Shape& s, const std::vector<std::pair<std::string, TypeId>>& fields) const;
  // Deques: callers keep references from info()/shape_info() while new types are interned.
  std::deque<TypeInfo> types_;
  std::deque<Shape> shapes_;
  std::deque<UnionInfo> unions_;
  std::map<std::string, ShapeId> shape_keys_;
  std::map<std::string, TypeId> type_keys_;
};

}  // namespace dxc
