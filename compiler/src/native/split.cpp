// split.cpp — wasm2c's C file cut into units compiled side by side (split.h).
#include "native/split.h"

#include <algorithm>
#include <cctype>
#include <string_view>

namespace dxc::native {
namespace {

using sv = std::string_view;

bool starts(sv s, sv p) { return s.substr(0, p.size()) == p; }
bool ends(sv s, sv p) { return s.size() >= p.size() && s.substr(s.size() - p.size()) == p; }

// The identifier just before the first '(' ("" when there is none).
sv name_before_paren(sv line) {
  size_t paren = line.find('(');
  if (paren == sv::npos) return {};
  size_t b = paren;
  while (b > 0 && (std::isalnum(static_cast<unsigned char>(line[b - 1])) || line[b - 1] == '_')) b--;
  return line.substr(b, paren - b);
}

// `static T w2c_f(…) {`: the first line of one of the module's functions.
bool is_function_start(sv line) { return starts(line, "static ") && ends(line, ") {") && starts(name_before_paren(line), "w2c_"); }
// `static T w2c_f(…);`: its forward declaration.
bool is_function_decl(sv line) { return starts(line, "static ") && ends(line, ");") && starts(name_before_paren(line), "w2c_"); }
// `static u32 func_types[22];`, `static u32 w2c_e0_0;`, `static bool s_module_initialized = false;`
bool is_variable(sv line) { return starts(line, "static ") && ends(line, ";") && line.find('(') == sv::npos; }

// Where the prelude ends: at init_globals, the first function wasm2c writes after the forward declarations
// (the offset just past the newline before it); npos when `c` is not laid out as wasm2c 1.0.32 lays it out.
size_t prelude_end(const std::string& c) {
  size_t at = c.find("\nstatic void init_globals(");
  return at == std::string::npos ? at : at + 1;
}

struct Function {
  size_t begin = 0, end = 0;  // byte range in the text, its closing "}\n" included
  bool movable = true;
};

}  // namespace

std::string add_deadline_checks(const std::string& c) {
  size_t decl_end = prelude_end(c);
  if (decl_end == std::string::npos || c.find("#define FUNC_PROLOGUE") == std::string::npos) return c;
  std::string out;
  out.reserve(c.size() + c.size() / 16);
  out.append(c, 0, decl_end);
  // (last in the prelude, which split_translation_unit gives every unit)
  out += "#undef FUNC_PROLOGUE\n"
         "#define FUNC_PROLOGUE \\\n"
         "  if (++wasm_rt_call_stack_depth > WASM_RT_MAX_CALL_STACK_DEPTH) TRAP(EXHAUSTION); \\\n"
         "  DX_LOOP_TICK()\n";
  const std::string_view go = "goto w2c_L";
  size_t at = decl_end;
  for (size_t hit; (hit = c.find(go, at)) != std::string::npos;) {
    size_t end = hit + go.size();
    while (end < c.size() && std::isdigit(static_cast<unsigned char>(c[end]))) end++;
    if (end == hit + go.size() || end >= c.size() || c[end] != ';') {  // not a label of a loop: as it is
      out.append(c, at, end - at);
      at = end;
      continue;
    }
    out.append(c, at, hit - at).append("{DX_LOOP_TICK(); ").append(c, hit, end + 1 - hit).append("}");
    at = end + 1;
  }
  out.append(c, at, c.size() - at);
  return out;
}

std::vector<std::string> split_translation_unit(const std::string& c, size_t parts) {
  std::vector<std::string> one = {c};
  if (parts < 2) return one;
  size_t decl_end = prelude_end(c);  // the module's own state begins there
  if (decl_end == std::string::npos) return one;

  std::string main_prelude, part_prelude;
  for (size_t at = 0; at < decl_end;) {
    size_t nl = c.find('\n', at);
    sv line(c.data() + at, nl - at);
    at = nl + 1;
    if (is_function_decl(line)) {
      line.remove_prefix(7);
      main_prelude.append(line).append("\n");
      part_prelude.append(line).append("\n");
    } else if (is_variable(line)) {
      line.remove_prefix(7);
      main_prelude.append(line).append("\n");
      part_prelude.append("extern ").append(line.substr(0, std::min(line.find(" = "), line.size() - 1))).append(";\n");
    } else {
      main_prelude.append(line).append("\n");
      part_prelude.append(line).append("\n");
    }
  }

  // The rest: the module's segments and init_* functions, its functions, the exports and instantiation.
  std::vector<Function> fns;
  size_t movable_bytes = 0;
  for (size_t at = decl_end; at < c.size();) {
    size_t nl = c.find('\n', at);
    if (nl == std::string::npos) nl = c.size();
    sv line(c.data() + at, nl - at);
    if (is_function_start(line)) {
      size_t close = c.find("\n}\n", nl);
      if (close == std::string::npos) return one;
      Function f{at, close + 3, true};
      sv body(c.data() + at, f.end - at);
      // Segments and the module's flag are the first unit's own (static there).
      f.movable = body.find("_segment_") == sv::npos && body.find("s_module_initialized") == sv::npos;
      if (f.movable) movable_bytes += f.end - f.begin;
      fns.push_back(f);
      at = f.end;
      continue;
    }
    // Anything else wasm2c 1.0.32 writes static at file scope: an init_* function or a segment. Something
    // new (another wasm2c) is not split: a unit could miss it.
    if (starts(line, "static ") && !starts(line, "static void init_") && line.find("_segment_") == sv::npos) return one;
    at = nl + 1;
  }
  if (fns.empty()) return one;

  // Units by cost: a byte of a function costs the C compiler ~4 times a byte of a segment's initializer (a 500-
  // component app: 3.5 MB of segments 0.3 s, 7 MB of functions 2.3 s at -O0). The first unit keeps what cannot
  // move; the others take runs of functions in source order (functions written together call each other, which
  // the C compiler can still inline within a unit).
  size_t function_bytes = 0;
  for (const Function& f : fns) function_bytes += f.end - f.begin;
  size_t fixed = (c.size() - function_bytes) / 4 + (function_bytes - movable_bytes);
  size_t target = (fixed + movable_bytes) / parts;
  std::vector<std::vector<const Function*>> unit_fns(parts);
  std::vector<size_t> weight(parts, 0);
  weight[0] = fixed;
  size_t u = weight[0] >= target ? 1 : 0;
  if (u == 1) target = movable_bytes / (parts - 1);
  for (const Function& f : fns) {
    if (!f.movable) continue;
    size_t w = f.end - f.begin;
    if (u + 1 < parts && weight[u] > 0 && weight[u] + w / 2 > target) u++;
    unit_fns[u].push_back(&f);
    weight[u] += w;
  }

  std::vector<std::string> out(1, main_prelude);
  std::string& first = out[0];
  size_t at = decl_end;
  std::vector<bool> elsewhere(fns.size());
  for (size_t k = 1; k < parts; k++)
    for (const Function* g : unit_fns[k]) elsewhere[size_t(g - fns.data())] = true;
  for (size_t i = 0; i < fns.size(); i++) {
    const Function& f = fns[i];
    first.append(c, at, f.begin - at);
    if (!elsewhere[i]) first.append(c, f.begin + 7, f.end - f.begin - 7);  // without "static "
    at = f.end;
  }
  first.append(c, at, c.size() - at);
  for (size_t k = 1; k < parts; k++) {
    if (unit_fns[k].empty()) continue;
    std::string unit = part_prelude;
    for (const Function* f : unit_fns[k]) unit.append(c, f->begin + 7, f->end - f->begin - 7);
    out.push_back(std::move(unit));
  }
  return out;
}

}  // namespace dxc::native
