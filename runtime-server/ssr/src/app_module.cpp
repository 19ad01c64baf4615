// app_module.cpp — AppLibrary / AppInstance over dlopen (dx/ssr/app_module.h).
#include "dx/ssr/app_module.h"

#include <dlfcn.h>

#include <algorithm>
#include <cstring>
#include <ctime>

#include "dx/ssr/snapshot.h"
#include "dx_app_abi.h"

namespace dx::ssr {

namespace {
// The module's per-thread trap target (dx_app_set_host): a thread-local of this program, not the library's.
thread_local void* t_target = nullptr;
void** target_slot() { return &t_target; }
}  // namespace

struct AppLibrary::Api {
  decltype(&dx_app_abi_version) abi_version;
  decltype(&dx_app_set_host) set_host;
  decltype(&dx_app_new) create;
  decltype(&dx_app_free) destroy;
  decltype(&dx_app_start) start;
  decltype(&dx_app_dispatch) dispatch;
  decltype(&dx_app_params) params;
  decltype(&dx_app_scratch_ranges) scratch_ranges;
  decltype(&dx_app_memory) memory;
  decltype(&dx_app_trap_name) trap_name;
  decltype(&dx_app_suspense_hold) suspense_hold;
  decltype(&dx_app_suspense_table) suspense_table;
  decltype(&dx_app_suspense_release) suspense_release;
  decltype(&dx_app_set_deadline) set_deadline;
};

std::shared_ptr<AppLibrary> AppLibrary::open(const std::string& path, std::string* err) {
  void* h = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!h) {
    const char* e = dlerror();
    *err = e ? e : ("cannot load " + path);
    return nullptr;
  }
  std::shared_ptr<AppLibrary> lib(new AppLibrary);
  lib->handle_ = h;
  lib->api_ = std::make_unique<Api>();
  Api& a = *lib->api_;
  bool missing = false;
  auto sym = [&](auto& fn, const char* name) {
    fn = reinterpret_cast<std::remove_reference_t<decltype(fn)>>(dlsym(h, name));
    if (!fn && !missing) {
      missing = true;
      *err = path + ": not a dx app module (no " + name + ")";
    }
  };
  sym(a.abi_version, "dx_app_abi_version");  // first: a library of another version is told so, not "no dx_app_x"
  if (missing) return nullptr;
  if (uint32_t v = a.abi_version(); v != DX_APP_ABI_VERSION) {
    *err = path + ": app module ABI version " + std::to_string(v) + ", this build reads version " +
           std::to_string(DX_APP_ABI_VERSION) + " (rebuild the app with this dxc)";
    return nullptr;
  }
  sym(a.set_host, "dx_app_set_host");
  sym(a.create, "dx_app_new");
  sym(a.destroy, "dx_app_free");
  sym(a.start, "dx_app_start");
  sym(a.dispatch, "dx_app_dispatch");
  sym(a.params, "dx_app_params");
  sym(a.scratch_ranges, "dx_app_scratch_ranges");
  sym(a.memory, "dx_app_memory");
  sym(a.trap_name, "dx_app_trap_name");
  sym(a.suspense_hold, "dx_app_suspense_hold");
  sym(a.suspense_table, "dx_app_suspense_table");
  sym(a.suspense_release, "dx_app_suspense_release");
  sym(a.set_deadline, "dx_app_set_deadline");
  if (missing) return nullptr;
  a.set_host(target_slot);
  return lib;
}

const std::vector<uint8_t>& AppLibrary::initial_memory() {
  std::call_once(initial_once_, [this] {
    if (dx_app* app = api_->create()) {
      uint32_t size = 0;
      const uint8_t* mem = api_->memory(app, &size);
      initial_.assign(mem, mem + size);
      api_->destroy(app);
      fresh_ = std::make_unique<FreshMemory>(initial_);
    }
  });
  return initial_;
}

const FreshMemory* AppLibrary::fresh_memory() {
  initial_memory();
  return fresh_.get();
}

AppLibrary::~AppLibrary() {
  if (handle_) dlclose(handle_);
}

AppInstance::AppInstance(std::shared_ptr<AppLibrary> lib) : lib_(std::move(lib)) { app_ = lib_->api().create(); }

AppInstance::~AppInstance() {
  if (app_) lib_->api().destroy(app_);
}

const uint8_t* AppInstance::memory(uint32_t* size) const { return lib_->api().memory(app_, size); }

void AppInstance::arm() {
  uint32_t ms = lib_->time_limit_ms();
  if (!ms) return;
  timespec ts{};
  clock_gettime(CLOCK_MONOTONIC, &ts);
  lib_->api().set_deadline(app_, uint64_t(ts.tv_sec) * 1000000000u + uint64_t(ts.tv_nsec) + uint64_t(ms) * 1000000u);
}

bool AppInstance::finish(int trap, uint32_t batch, HtmlDoc& doc, std::string* err) {
  const AppLibrary::Api& api = lib_->api();
  uint32_t size = 0;
  if (lib_->time_limit_ms()) api.set_deadline(app_, 0);  // (the report below must not run out of time too)
  if (trap == DX_APP_TRAP_DEADLINE) {
    *err = std::string(api.trap_name(trap)) + ": the limit is " + std::to_string(lib_->time_limit_ms()) + " ms";
    return false;
  }
  if (trap) {
    // As dx.js does after a trap: handler 0xFFFFFFFF runs nothing and returns the batch reporting it.
    std::string what = api.trap_name(trap);
    uint32_t report = 0;
    if (api.dispatch(app_, 0xFFFFFFFFu, 0, nullptr, 0, nullptr, 0, 0, &report) == 0) {
      const uint8_t* mem = api.memory(app_, &size);
      std::string ignored;
      size_t before = doc.errors().size();
      doc.apply(mem, size, report, &ignored);
      if (doc.errors().size() > before) what = doc.errors()[before];
    }
    *err = what;
    return false;
  }
  const uint8_t* mem = api.memory(app_, &size);
  std::string bad;
  if (!doc.apply(mem, size, batch, &bad)) {
    *err = "the app module returned a malformed op batch: " + bad;
    return false;
  }
  return true;
}

std::vector<uint8_t> encode_params(const Params& params) {
  std::vector<uint8_t> out;
  auto put = [&](const std::string& s) {
    uint32_t n = uint32_t(s.size());
    for (int i = 0; i < 4; ++i) out.push_back(uint8_t(n >> (8 * i)));
    out.insert(out.end(), s.begin(), s.end());
  };
  for (const auto& [name, value] : params) put(name), put(value);
  return out;
}

bool AppInstance::start(HtmlDoc& doc, std::string* err, uint32_t page, const Params* params) {
  if (!app_) {
    *err = "the app module could not be instantiated (out of memory)";
    return false;
  }
  uint32_t batch = 0;
  int trap = 0;
  arm();
  if (params && !params->empty()) {
    std::vector<uint8_t> bytes = encode_params(*params);
    trap = lib_->api().params(app_, bytes.data(), uint32_t(bytes.size()));
  }
  if (!trap) trap = lib_->api().start(app_, page, &batch);
  last_batch_ = batch;
  return finish(trap, batch, doc, err);
}

bool AppInstance::dispatch(HtmlDoc& doc, std::string* err, uint32_t handler, uint32_t node) {
  if (!app_) {
    *err = "the app module could not be instantiated (out of memory)";
    return false;
  }
  uint32_t batch = 0;
  arm();
  int trap = lib_->api().dispatch(app_, handler, node, nullptr, 0, nullptr, 0, 0, &batch);
  last_batch_ = batch;
  return finish(trap, batch, doc, err);
}

bool AppInstance::suspense_hold(bool on) { return app_ && lib_->api().suspense_hold(app_, on ? 1 : 0) == 0; }

uint32_t AppInstance::suspense_table() {
  uint32_t table = 0;
  return app_ && lib_->api().suspense_table(app_, &table) == 0 ? table : 0;
}

bool AppInstance::suspense_release(HtmlDoc& doc, std::string* err, uint32_t id) {
  if (!app_) {
    *err = "the app module could not be instantiated (out of memory)";
    return false;
  }
  uint32_t batch = 0;
  arm();
  int trap = lib_->api().suspense_release(app_, id, &batch);
  last_batch_ = batch;
  return finish(trap, batch, doc, err);
}

uint32_t AppInstance::scratch_ranges() {
  uint32_t table = 0;
  return app_ && lib_->api().scratch_ranges(app_, &table) == 0 ? table : 0;  // a trap there: keep everything
}

bool render_entry(const std::shared_ptr<AppLibrary>& lib, std::string* html, std::string* err, uint32_t page) {
  AppInstance inst(lib);
  HtmlDoc doc;
  if (!inst.start(doc, err, page)) return false;
  *html = doc.inner_html();
  return true;
}

bool render_entry_resumable(const std::shared_ptr<AppLibrary>& lib, Resumable* out, std::string* err, uint32_t page,
                            const Params* params) {
  const FreshMemory* fresh = lib->fresh_memory();
  AppInstance inst(lib);
  HtmlDoc doc;
  if (!fresh) {
    *err = "the app module could not be instantiated (out of memory)";
    return false;
  }
  if (!inst.start(doc, err, page, params)) return false;
  take_snapshot(inst, doc, *fresh, out);
  return true;
}

void take_snapshot(AppInstance& inst, const HtmlDoc& doc, const FreshMemory& fresh, Resumable* out) {
  out->html.clear();
  out->snapshot.clear();
  if (doc.portals()) {  // a <Portal> rendered outside the root: the client renders the page (no snapshot)
    doc.append_inner_html(out->html);
    return;
  }
  std::vector<uint32_t> order;
  doc.append_inner_html(out->html, &order);
  uint32_t table = inst.scratch_ranges();
  uint32_t size = 0;
  const uint8_t* mem = inst.memory(&size);
  auto rd = [&](uint64_t at) {
    uint32_t v = 0;
    if (at + 4 <= size) std::memcpy(&v, mem + at, 4);
    return v;
  };
  // The start batch itself (its header, ops and strings) is spent once applied: the client never reads it,
  // so it is left out of the snapshot (the op buffer is the largest change a render makes).
  uint32_t b = inst.last_batch();
  uint32_t words = rd(b), ops = rd(b + 4), count = rd(b + 8), sbytes = rd(b + 12), slen = rd(b + 16), lens = rd(b + 20);
  std::vector<std::pair<uint64_t, uint64_t>> spent = {
      {ops, uint64_t(words) * 4}, {sbytes, slen}, {lens, lens ? uint64_t(count) * 4 : 0}, {b, 24}};
  // And the memory no later batch reads before writing it (runtime-wasm/src/scratch.cpp): arena chunks'
  // data, free pages. A fresh instance has zeros there, which serve the client as well.
  for (uint32_t n = table ? rd(table) : 0, i = 0; i < n && i < (1u << 20); ++i)
    spent.push_back({rd(table + 4 + 8 * uint64_t(i)), rd(table + 8 + 8 * uint64_t(i))});
  out->snapshot = encode_snapshot(fresh, {mem, size}, order, doc.listeners(), spent);
}

}  // namespace dx::ssr
