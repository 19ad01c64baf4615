// runtime.wasm exports every function of runtime-wasm/ABI.md under its exact name and signature, imports
// only the dxgen_* functions from module "dxgen", and keeps its name section (dxc relies on all three).
// The module is parsed here directly (sections 1 type, 2 import, 3 function, 7 export, 0 custom).
#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

namespace {

struct Sig {
  std::string params, results;  // 'i' = i32, 'F' = f64, 'I' = i64, 'f' = f32
  bool operator==(const Sig& o) const { return params == o.params && results == o.results; }
};

struct Module {
  std::vector<Sig> types;
  std::vector<uint32_t> func_types;  // imported functions first, then defined ones
  std::map<std::string, Sig> imports;  // "module.name" → signature
  std::map<std::string, std::pair<uint8_t, uint32_t>> exports;  // name → (kind, index)
  std::vector<std::string> custom;
};

struct Cursor {
  const std::vector<uint8_t>& b;
  size_t p;
  uint8_t byte() {
    REQUIRE(p < b.size());
    return b[p++];
  }
  uint32_t leb() {
    uint32_t v = 0;
    for (int shift = 0;; shift += 7) {
      uint8_t c = byte();
      v |= uint32_t(c & 0x7F) << shift;
      if (!(c & 0x80)) return v;
      REQUIRE(shift < 28);
    }
  }
  std::string name() {
    uint32_t n = leb();
    REQUIRE(p + n <= b.size());
    std::string s(b.begin() + long(p), b.begin() + long(p + n));
    p += n;
    return s;
  }
  char valtype() {
    switch (byte()) {
      case 0x7F: return 'i';
      case 0x7E: return 'I';
      case 0x7D: return 'f';
      case 0x7C: return 'F';
      default: FAIL("unexpected value type"); return '?';
    }
  }
  void limits() {
    uint8_t flag = byte();
    leb();
    if (flag & 1) leb();
  }
};

Module parse(const std::vector<uint8_t>& bytes) {
  Module m;
  REQUIRE(bytes.size() >= 8);
  REQUIRE(std::string(bytes.begin(), bytes.begin() + 4) == std::string("\0asm", 4));
  Cursor c{bytes, 8};
  while (c.p < bytes.size()) {
    uint8_t id = c.byte();
    uint32_t size = c.leb();
    size_t end = c.p + size;
    REQUIRE(end <= bytes.size());
    if (id == 1) {
      for (uint32_t i = 0, n = c.leb(); i < n; ++i) {
        REQUIRE(c.byte() == 0x60);
        Sig s;
        for (uint32_t k = 0, np = c.leb(); k < np; ++k) s.params += c.valtype();
        for (uint32_t k = 0, nr = c.leb(); k < nr; ++k) s.results += c.valtype();
        m.types.push_back(s);
      }
    } else if (id == 2) {
      for (uint32_t i = 0, n = c.leb(); i < n; ++i) {
        std::string mod = c.name(), field = c.name();
        uint8_t kind = c.byte();
        if (kind == 0) {
          uint32_t t = c.leb();
          m.func_types.push_back(t);
          m.imports[mod + "." + field] = m.types.at(t);
        } else {
          m.imports[mod + "." + field + " (not a function)"] = {};
          if (kind == 1) { c.byte(); c.limits(); }
          else if (kind == 2) c.limits();
          else { c.byte(); c.byte(); }
        }
      }
    } else if (id == 3) {
      for (uint32_t i = 0, n = c.leb(); i < n; ++i) m.func_types.push_back(c.leb());
    } else if (id == 7) {
      for (uint32_t i = 0, n = c.leb(); i < n; ++i) {
        std::string name = c.name();
        uint8_t kind = c.byte();
        m.exports[name] = {kind, c.leb()};
      }
    } else if (id == 0) {
      m.custom.push_back(c.name());
    }
    c.p = end;
  }
  return m;
}

}  // namespace

TEST_CASE("runtime.wasm exports the ABI and imports only dxgen_* and the page's dx.*", "[wasm]") {
  // Built into the test (tests/runtime/CMakeLists.txt); DX_BUILD_DIR overrides it when set.
  std::string path = DX_RUNTIME_WASM_PATH;
  if (const char* build = std::getenv("DX_BUILD_DIR")) path = std::string(build) + "/runtime-wasm/runtime.wasm";
  INFO(path);
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in.good());
  std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  Module m = parse(bytes);

  const std::map<std::string, Sig> abi = {
      // Runtime functions that generated code calls
      {"dx_alloc", {"i", "i"}}, {"dx_new_record", {"i", "i"}}, {"dx_new_closure", {"ii", "i"}},
      {"dx_new_array", {"ii", "i"}}, {"dx_array_push_f64", {"iF", ""}}, {"dx_array_push_i32", {"ii", ""}},
      {"dx_array_concat", {"ii", "i"}}, {"dx_write_ref", {"iii", ""}}, {"dx_str_concat", {"ii", "i"}},
      {"dx_str_eq", {"ii", "i"}}, {"dx_str_cmp", {"ii", "i"}}, {"dx_num_rem", {"FF", "F"}}, {"dx_to_int32", {"F", "i"}},
      {"dx_num_to_fixed", {"FF", "i"}}, {"dx_num_to_precision", {"FF", "i"}}, {"dx_num_to_radix", {"FF", "i"}}, {"dx_throw_null", {"i", ""}}, {"dx_throw_empty_reduce", {"", ""}}, {"dx_throw_invalid_index", {"F", ""}}, {"dx_array_length_of", {"Fi", "i"}},
      {"dx_array_flat", {"ii", "i"}}, {"dx_str_at", {"iF", "i"}}, {"dx_str_from_char_code", {"F", "i"}},
      {"dx_str_code_point_at", {"iF", "F"}}, {"dx_str_from_code_point", {"F", "i"}},
      {"dx_encode_uri_component", {"i", "i"}}, {"dx_decode_uri_component", {"i", "i"}},
      {"dx_num_to_str", {"F", "i"}}, {"dx_new_instance", {"iii", "i"}}, {"dx_clone", {"iii", ""}},
      {"dx_listen", {"ii", ""}}, {"dx_text", {"ii", ""}}, {"dx_attr", {"iii", ""}}, {"dx_attr_remove", {"ii", ""}},
      {"dx_prop_str", {"iii", ""}}, {"dx_prop_bool", {"iii", ""}}, {"dx_class", {"ii", ""}},
      {"dx_class_toggle", {"iii", ""}}, {"dx_mount", {"iii", ""}}, {"dx_destroy", {"i", ""}},
      {"dx_invalidate", {"ii", ""}}, {"dx_for", {"iiiiiiiii", ""}}, {"dx_index", {"iiiiiii", ""}}, {"dx_portal", {"ii", ""}},
      {"dx_new_globals", {"i", "i"}}, {"dx_globals", {"", "i"}}, {"dx_math_random", {"", "F"}}, {"dx_date_now", {"", "F"}},
      {"dx_performance_now", {"", "F"}}, {"dx_throw", {"ii", ""}},
      {"dx_inspect", {"ii", "i"}}, {"dx_inspect_num", {"F", "i"}}, {"dx_console", {"ii", ""}},
      {"dx_json", {"ii", "i"}}, {"dx_json_num", {"F", "i"}},
      {"dx_json_parse", {"iii", "i"}}, {"dx_json_parse_num", {"iii", "F"}}, {"dx_location_hash", {"", "i"}}, {"dx_params_record", {"i", "i"}}, {"dx_search_record", {"i", "i"}}, {"dx_form_record", {"i", "i"}}, {"dx_text_num", {"iF", ""}},
      {"dx_focus", {"i", ""}},
      {"dx_storage_get", {"i", "i"}}, {"dx_storage_set", {"ii", ""}}, {"dx_storage_remove", {"i", ""}}, {"dx_str_locale_compare", {"ii", "F"}},
      // Strings (str_ops.cpp)
      {"dx_str_char_at", {"iF", "i"}}, {"dx_str_index", {"iF", "i"}}, {"dx_str_char_code_at", {"iF", "F"}}, {"dx_str_slice", {"iFF", "i"}},
      {"dx_str_substring", {"iFF", "i"}}, {"dx_str_index_of", {"iiF", "F"}}, {"dx_str_last_index_of", {"iiF", "F"}},
      {"dx_str_includes", {"iiF", "i"}}, {"dx_str_starts_with", {"iiF", "i"}}, {"dx_str_ends_with", {"iiF", "i"}},
      {"dx_str_trim", {"i", "i"}}, {"dx_str_trim_start", {"i", "i"}}, {"dx_str_trim_end", {"i", "i"}},
      {"dx_str_repeat", {"iF", "i"}}, {"dx_str_pad_start", {"iFi", "i"}}, {"dx_str_pad_end", {"iFi", "i"}},
      {"dx_str_replace", {"iii", "i"}}, {"dx_str_replace_all", {"iii", "i"}}, {"dx_str_split", {"ii", "i"}},
      {"dx_array_join", {"ii", "i"}}, {"dx_str_to_upper", {"i", "i"}}, {"dx_str_to_lower", {"i", "i"}},
      // Numbers from strings (num_parse.cpp)
      {"dx_str_to_num", {"i", "F"}}, {"dx_parse_float", {"i", "F"}}, {"dx_parse_int", {"iF", "F"}},
      // Arrays (array_ops.cpp)
      {"dx_array_slice", {"iFF", "i"}}, {"dx_array_index_of_f64", {"iFF", "F"}},
      {"dx_array_includes_f64", {"iFF", "i"}}, {"dx_array_index_of_i32", {"iiF", "F"}},
      {"dx_array_includes_i32", {"iiF", "i"}}, {"dx_array_reverse", {"i", "i"}}, {"dx_array_pop_f64", {"i", "F"}},
      {"dx_array_pop_i32", {"i", "i"}}, {"dx_array_shift_f64", {"i", "F"}}, {"dx_array_shift_i32", {"i", "i"}},
      {"dx_array_unshift", {"ii", "F"}}, {"dx_array_splice", {"iFFi", "i"}}, {"dx_array_sort", {"ii", "i"}},
      {"dx_array_index_of_nullable", {"iFF", "F"}}, {"dx_array_includes_nullable", {"iFF", "i"}},
      {"dx_array_join_nullable", {"ii", "i"}}, {"dx_array_sort_nullable", {"ii", "i"}},
      // Map and Set (collections.cpp)
      {"dx_coll_new", {"iii", "i"}}, {"dx_coll_size", {"i", "i"}}, {"dx_coll_find_f64", {"iF", "i"}}, {"dx_coll_find_i32", {"ii", "i"}},
      {"dx_coll_add_f64", {"iF", "i"}}, {"dx_coll_add_i32", {"ii", "i"}}, {"dx_coll_put_f64", {"iiF", ""}}, {"dx_coll_put_i32", {"iii", ""}},
      {"dx_coll_delete_f64", {"iF", "i"}}, {"dx_coll_delete_i32", {"ii", "i"}}, {"dx_coll_clear", {"i", ""}},
      {"dx_coll_array", {"ii", "i"}}, {"dx_coll_add_all", {"ii", ""}}, {"dx_coll_copy", {"ii", ""}},
      {"dx_coll_entries", {"iiii", "i"}}, {"dx_coll_add_pairs", {"iiii", ""}}, {"dx_dict_array", {"ii", "i"}}, {"dx_dict_entries", {"iiii", "i"}},
      // Exports dx.js uses
      {"dx_start", {"i", "i"}}, {"dx_templates", {"", "i"}}, {"dx_input", {"i", "i"}}, {"dx_params", {"i", ""}}, {"dx_scratch_ranges", {"", "i"}}, {"dx_dispatch", {"iiiii", "i"}},
      {"dx_suspense_open", {"iiiiii", "i"}}, {"dx_suspense_hold", {"i", ""}}, {"dx_suspense_table", {"", "i"}},
      {"dx_timer_set", {"iFii", "F"}}, {"dx_timer_clear", {"F", ""}}, {"dx_timer_fire", {"i", "i"}}, {"dx_on_cleanup", {"ii", ""}},
      {"dx_suspense_release", {"i", "i"}}, {"dx_throw_named", {"iii", ""}}, {"dx_caught", {"", ""}},
      // Host set-up
      {"__wasm_call_ctors", {"", ""}},
  };
  for (const auto& [name, sig] : abi) {
    INFO(name);
    auto it = m.exports.find(name);
    REQUIRE(it != m.exports.end());
    REQUIRE(it->second.first == 0);  // a function
    CHECK(m.types.at(m.func_types.at(it->second.second)) == sig);
  }
  REQUIRE(m.exports.count("memory"));
  CHECK(m.exports["memory"].first == 2);
  REQUIRE(m.exports.count("__heap_base"));
  CHECK(m.exports["__heap_base"].first == 3);
  CHECK(m.exports.size() == abi.size() + 2);  // nothing else leaks out

  const std::map<std::string, Sig> dxgen = {
      {"dxgen.dxgen_dxb", {"", "i"}}, {"dxgen.dxgen_dxb_size", {"", "i"}}, {"dxgen.dxgen_heap_base", {"", "i"}},
      {"dxgen.dxgen_block_create", {"i", ""}}, {"dxgen.dxgen_block_update", {"ii", ""}},
      {"dxgen.dxgen_handler", {"iii", ""}}, {"dxgen.dxgen_globals_init", {"", ""}}, {"dxgen.dxgen_raise", {"ii", ""}},
      {"dxgen.dxgen_case_tables", {"", "i"}},
      // the page's (dx.js): Math.random's seed, the clocks, localStorage
      {"dx.seed", {"", "F"}}, {"dx.now", {"", "F"}}, {"dx.perf_now", {"", "F"}},
      {"dx.ls_get", {"ii", "i"}}, {"dx.ls_take", {"i", ""}}, {"dx.ls_set", {"iiii", ""}}, {"dx.ls_remove", {"ii", ""}},
      {"dx.hash", {"", "i"}},  // location.hash
      {"dx.locale_compare", {"iiii", "F"}},  // String.prototype.localeCompare
  };
  CHECK(m.imports == dxgen);  // no libc or compiler-rt function slipped in as an import

  // Distinct functions: clang did not fold two exports into one body.
  std::map<uint32_t, std::string> by_index;
  for (const auto& [name, e] : m.exports)
    if (e.first == 0) {
      auto [it, fresh] = by_index.emplace(e.second, name);
      INFO(name << " shares its function with " << it->second);
      CHECK(fresh);
    }
  CHECK(std::find(m.custom.begin(), m.custom.end(), "name") != m.custom.end());
}
