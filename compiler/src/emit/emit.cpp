// emit(): reads runtime.wasm with Binaryen, adds the app's generated functions and static data, replaces
// the runtime's `dxgen_*` imports with generated bodies, extends the function table, validates, optimizes
// and writes app.wasm. The runtime is found by export names (runtime-wasm/ABI.md), never by index.
#include "emit/emit.h"

#include <binaryen-c.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <memory>
#include <sstream>
#include <type_traits>

#include "emit/unicode_tables.h"
#include "emit/codegen.h"
#include "common/split_timer.h"

namespace dxc::emit {

namespace {

// The runtime's exports that dx.js uses; every other export is only for generated code and is removed after
// linking, so the optimizer can inline what is used and drop what is not.
// What the module keeps exported: dx.js's entry points, and dx_scratch_ranges for the server's snapshots.
const char* const kJsExports[] = {"memory", "dx_start", "dx_templates", "dx_input", "dx_params", "dx_dispatch", "__wasm_call_ctors",
                                  "dx_scratch_ranges"};
const char* const kSuspenseExports[] = {"dx_suspense_hold", "dx_suspense_table", "dx_suspense_release"};
constexpr uint32_t kInitialPages = 64;     // runtime-wasm links with --initial-memory=4194304
constexpr uint32_t kMaxPages = 65535;      // and --max-memory=4294901760

// Binaryen inlines every function that has a single caller, whatever its size (oneCallerInlineMaxSize -1).
// The block and handler dispatchers (br_table over every block / handler) call each create$B/update$B/handler$H
// once, so in a large app that folds everything into three giant functions, and several passes are superlinear
// in a function's size: with 500 components (tools/bench/compile) most of -O2's time went to them (optimizer
// CPU 12.4 s; 9.1 s with this limit, app.wasm +0.5 %). Apps with more than kManyCases blocks or handlers get the
// limit; smaller ones keep Binaryen's default and come out byte for byte as before (samples/jsfb, samples/todo).
// Those large apps also inline no tiny function (alwaysInlineMaxSize 0, Binaryen's default 2): a getter called
// from most functions made inlining-optimizing re-optimize most functions. Same corpus: optimizer CPU 3.7 →
// 2.4 s, app.wasm brotli 90.2 → 88.3 KB (+0.45 % raw). On small apps it saves nothing and adds ~0.5 % brotli.
constexpr size_t kManyCases = 64;
constexpr BinaryenIndex kOneCallerInlineMax = 200;

struct ModuleDeleter { void operator()(BinaryenModuleRef m) const { BinaryenModuleDispose(m); } };
using ModulePtr = std::unique_ptr<std::remove_pointer_t<BinaryenModuleRef>, ModuleDeleter>;

bool read_file(const std::string& path, std::vector<char>& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return true;
}

// The wasm header check Binaryen does not do gracefully (BinaryenModuleRead exits the process on bad input).
bool looks_like_wasm(const std::vector<char>& b) {
  static const unsigned char magic[8] = {0, 'a', 's', 'm', 1, 0, 0, 0};
  return b.size() >= 8 && std::memcmp(b.data(), magic, 8) == 0;
}

}  // namespace

bool emit(Program& p, LoweredProgram& lp, const EmitOptions& opts, EmitResult& out, Diagnostics& diags, bool want_text) {
  SplitTimer split("emit");  // DXC_TIMES=1: codegen, validate, optimize, write
  out.dxb = build_dxb(p, lp);
  std::vector<char> rt_bytes;
  if (!read_file(opts.runtime_wasm, rt_bytes) || !looks_like_wasm(rt_bytes)) {
    diags.error_at_path("DX0402", opts.runtime_wasm, "cannot read the prebuilt wasm runtime (is the dx build complete? set DX_RUNTIME_DIR)");
    return false;
  }
  ModulePtr mod(BinaryenModuleRead(rt_bytes.data(), rt_bytes.size()));
  BinaryenModuleRef m = mod.get();
  BinaryenModuleSetFeatures(m, BinaryenFeatureMVP() | BinaryenFeatureBulkMemory() | BinaryenFeatureSignExt() |
                                   BinaryenFeatureMutableGlobals() | BinaryenFeatureNontrappingFPToInt() |
                                   (p.uses_try ? BinaryenFeatureExceptionHandling() : 0));
  // An app with try/catch throws its errors as this exception (an Error record: codegen_stmt.cpp).
  if (p.uses_try) BinaryenAddTag(m, "dx_exc", BinaryenTypeInt32(), BinaryenTypeNone());

  // __heap_base: where generated data starts.
  BinaryenExportRef hb = BinaryenGetExport(m, "__heap_base");
  if (!hb) { diags.error_at_path("DX0403", opts.runtime_wasm, "runtime does not export __heap_base"); return false; }
  BinaryenGlobalRef hbg = BinaryenGetGlobal(m, BinaryenExportGetValue(hb));
  uint32_t heap_base = uint32_t(BinaryenConstGetValueI32(BinaryenGlobalGetInitExpr(hbg)));
  StaticData data(heap_base);
  uint32_t dxb_addr = data.add_bytes(out.dxb.data(), uint32_t(out.dxb.size()));

  CodeGen cg(p, lp, m, data, diags);
  std::vector<std::string> export_names;
  for (BinaryenIndex i = 0; i < BinaryenGetNumExports(m); ++i) {
    BinaryenExportRef e = BinaryenGetExportByIndex(m, i);
    export_names.push_back(BinaryenExportGetName(e));
    if (BinaryenExportGetKind(e) == BinaryenExternalFunction()) cg.rt.names[BinaryenExportGetName(e)] = BinaryenExportGetValue(e);
  }
  for (const char* name : {"dx_start", "dx_dispatch", "dx_input"})
    if (!cg.rt.names.count(name)) { diags.error_at_path("DX0403", opts.runtime_wasm, std::string("runtime does not export ") + name); return false; }
  BinaryenTableRef table = BinaryenGetTableByIndex(m, 0);
  if (!table) { diags.error_at_path("DX0403", opts.runtime_wasm, "runtime has no function table (link with --export-table or take a function's address)"); return false; }
  cg.table_name = BinaryenTableGetName(table);
  cg.table_base = BinaryenTableGetInitial(table);
  cg.generate_all();
  for (const std::string& name : cg.rt.missing)
    diags.error_at_path("DX0403", opts.runtime_wasm, "runtime does not export " + name + " (is runtime.wasm from an older dx?)");
  if (!cg.rt.missing.empty()) return false;

  // Replace each dxgen_* import with its generated body, keeping the internal name the runtime calls.
  W w{m};
  cg.hooks["dxgen_dxb"] = {t_none(), t_i32(), w.u32(dxb_addr), {}};
  cg.hooks["dxgen_dxb_size"] = {t_none(), t_i32(), w.u32(uint32_t(out.dxb.size())), {}};
  bool cases = cg.rt.used.count("dx_str_to_upper") || cg.rt.used.count("dx_str_to_lower");
  std::vector<uint8_t> case_tables = cases ? case_tables_blob() : std::vector<uint8_t>();
  cg.hooks["dxgen_case_tables"] = {t_none(), t_i32(), w.u32(cases ? data.add_bytes(case_tables.data(), uint32_t(case_tables.size())) : 0), {}};
  uint32_t heap_start = data.end();  // after the case tables: the heap must not overwrite them
  cg.hooks["dxgen_heap_base"] = {t_none(), t_i32(), w.u32(heap_start), {}};
  std::vector<std::pair<std::string, std::string>> imports;  // internal name, base
  for (BinaryenIndex i = 0; i < BinaryenGetNumFunctions(m); ++i) {
    BinaryenFunctionRef fn = BinaryenGetFunctionByIndex(m, i);
    const char* mod_name = BinaryenFunctionImportGetModule(fn);
    if (mod_name && std::strcmp(mod_name, "dxgen") == 0) imports.push_back({BinaryenFunctionGetName(fn), BinaryenFunctionImportGetBase(fn)});
  }
  for (auto& [internal, base] : imports) {
    auto it = cg.hooks.find(base);
    if (it == cg.hooks.end()) { diags.error_at_path("DX0403", opts.runtime_wasm, "runtime imports unknown hook " + base); return false; }
    BinaryenRemoveFunction(m, internal.c_str());
    auto& h = it->second;
    BinaryenAddFunction(m, internal.c_str(), h.params, h.results, h.vars.data(), BinaryenIndex(h.vars.size()), h.body);
    cg.hooks.erase(it);
  }

  if (!cg.table_funcs.empty()) {
    std::vector<const char*> names;
    for (auto& s : cg.table_funcs) names.push_back(s.c_str());
    uint32_t size = cg.table_base + uint32_t(names.size());
    BinaryenTableSetInitial(table, size);
    if (BinaryenTableHasMax(table) && BinaryenTableGetMax(table) < size) BinaryenTableSetMax(table, size);
    BinaryenAddActiveElementSegment(m, cg.table_name.c_str(), "dx_generated", names.data(), BinaryenIndex(names.size()),
                                    w.u32(cg.table_base));
  }
  const std::vector<uint8_t>& bytes = data.bytes();
  const char* segs[] = {reinterpret_cast<const char*>(bytes.data())};
  bool passive[] = {false};
  BinaryenExpressionRef offsets[] = {w.u32(data.base())};
  BinaryenIndex sizes[] = {BinaryenIndex(bytes.size())};
  if (heap_start > kInitialPages * 65536u) {
    diags.error_at_path("DX0404", "", "the app's static data does not fit in the initial 4 MiB of memory");
    return false;
  }
  BinaryenSetMemory(m, kInitialPages, kMaxPages, nullptr, segs, passive, offsets, sizes, 1, false);

  if (diags.has_errors()) return false;
  split.lap("codegen");
  if (want_text) {
    char* text = BinaryenModuleAllocateAndWriteText(m);
    out.wat = text;
    free(text);
  }
  if (!BinaryenModuleValidate(m)) {
    diags.error_at_path("DX0405", "", "internal compiler error: the generated wasm module does not validate");
    return false;
  }
  for (const std::string& name : export_names) {
    bool keep = false;
    for (const char* js : kJsExports) keep |= name == js;
    // dx-server streams a page with <Suspense> through these (runtime-wasm/src/suspense.cpp); other apps lose them.
    if (cg.rt.used.count("dx_suspense_open"))
      for (const char* host : kSuspenseExports) keep |= name == host;
    keep |= name == "dx_timer_fire" && cg.rt.used.count("dx_timer_set");  // dx.js runs the app's timers through it
    if (!keep) BinaryenRemoveExport(m, name.c_str());
  }
  split.lap("validate");
  if (opts.optimize > 0) {
    BinaryenSetOptimizeLevel(opts.optimize);
    BinaryenSetShrinkLevel(1);
    bool many = p.blocks.size() > kManyCases || lp.handlers.size() > kManyCases;
    static const BinaryenIndex default_always_inline = BinaryenGetAlwaysInlineMaxSize();  // (before any set: 2)
    BinaryenSetOneCallerInlineMaxSize(many ? kOneCallerInlineMax : BinaryenIndex(-1));
    BinaryenSetAlwaysInlineMaxSize(many ? 0 : default_always_inline);
    // What nothing reaches first (most of the runtime, in a small app): the optimizer then works on the rest
    // only. samples/jsfb: optimize 254 → 128 ms; the 500-component corpus: 1.78 → 1.63 s; both a little smaller.
    const char* prune[] = {"remove-unused-module-elements"};
    BinaryenModuleRunPasses(m, prune, 1);
    BinaryenModuleOptimize(m);
    // The runtime's producers section (clang's version) is read by nothing; target_features stays (reading
    // app.wasm back, verify.cpp learns the features from it).
    const char* strip[] = {"strip-producers"};
    BinaryenModuleRunPasses(m, strip, 1);
    split.lap("optimize");
    if (!BinaryenModuleValidate(m)) {
      diags.error_at_path("DX0405", "", "internal compiler error: the optimized wasm module does not validate");
      return false;
    }
  }
  BinaryenSetDebugInfo(opts.optimize == 0 || getenv("DXC_KEEP_NAMES"));  // -O0 keeps function names for stack traces
  BinaryenModuleAllocateAndWriteResult r = BinaryenModuleAllocateAndWrite(m, nullptr);
  out.wasm.assign(static_cast<uint8_t*>(r.binary), static_cast<uint8_t*>(r.binary) + r.binaryBytes);
  free(r.binary);
  if (r.sourceMap) free(r.sourceMap);
  split.lap("write");
  split.print();
  return true;
}

}  // namespace dxc::emit
