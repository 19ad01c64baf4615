// app_module.cpp — AppLibrary / AppInstance over dlopen (dx/ssr/app_module.h).
#include "dx/ssr/app_module.h"

#include <dlfcn.h>

#include <algorithm>
#include <cstring>

#include "dx/ssr/snapshot.h"
#include "dx_app_abi.h"

namespace dx::ssr {

namespace {
// The module's per-thread trap state (dx_app_set_host): thread-locals of this program, not the library's.
thread_local uint32_t t_depth = 0;
thread_local void* t_target = nullptr;
uint32_t* depth_slot() { return &t_depth; }
void** target_slot() { return &t_target; }
}  // namespace

struct AppLibrary::Api {
  decltype(&dx_app_abi_version) abi_version;
  decltype(&dx_app_set_host) set_host;
  decltype(&dx_app_new) create;
  decltype(&dx_app_free) destroy;
  decltype(&dx_app_start) start;
  decltype(&dx_app_dispatch) dispatch;
  decltype(&dx_app_memory) memory;
  decltype(&dx_app_trap_name) trap_name;
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
  sym(a.abi_version, "dx_app_abi_version");
  sym(a.set_host, "dx_app_set_host");
  sym(a.create, "dx_app_new");
  sym(a.destroy, "dx_app_free");
  sym(a.start, "dx_app_start");
  sym(a.dispatch, "dx_app_dispatch");
  sym(a.memory, "dx_app_memory");
  sym(a.trap_name, "dx_app_trap_name");
  if (missing) return nullptr;
  if (uint32_t v = a.abi_version(); v != DX_APP_ABI_VERSION) {
    *err = path + ": app module ABI version " + std::to_string(v) + ", this build reads version " +
           std::to_string(DX_APP_ABI_VERSION) + " (rebuild the app with this dxc)";
    return nullptr;
  }
  a.set_host(depth_slot, target_slot);
  return lib;
}

const std::vector<uint8_t>& AppLibrary::initial_memory() {
  std::call_once(initial_once_, [this] {
    if (dx_app* app = api_->create()) {
      uint32_t size = 0;
      const uint8_t* mem = api_->memory(app, &size);
      initial_.assign(mem, mem + size);
      api_->destroy(app);
    }
  });
  return initial_;
}

AppLibrary::~AppLibrary() {
  if (handle_) dlclose(handle_);
}

AppInstance::AppInstance(std::shared_ptr<AppLibrary> lib) : lib_(std::move(lib)) { app_ = lib_->api().create(); }

AppInstance::~AppInstance() {
  if (app_) lib_->api().destroy(app_);
}

const uint8_t* AppInstance::memory(uint32_t* size) const { return lib_->api().memory(app_, size); }

bool AppInstance::finish(int trap, uint32_t batch, HtmlDoc& doc, std::string* err) {
  const AppLibrary::Api& api = lib_->api();
  uint32_t size = 0;
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

bool AppInstance::start(HtmlDoc& doc, std::string* err, uint32_t page) {
  if (!app_) {
    *err = "the app module could not be instantiated (out of memory)";
    return false;
  }
  uint32_t batch = 0;
  int trap = lib_->api().start(app_, page, &batch);
  last_batch_ = batch;
  return finish(trap, batch, doc, err);
}

bool render_entry(const std::shared_ptr<AppLibrary>& lib, std::string* html, std::string* err, uint32_t page) {
  AppInstance inst(lib);
  HtmlDoc doc;
  if (!inst.start(doc, err, page)) return false;
  *html = doc.inner_html();
  return true;
}

bool render_entry_resumable(const std::shared_ptr<AppLibrary>& lib, Resumable* out, std::string* err, uint32_t page) {
  const std::vector<uint8_t>& initial = lib->initial_memory();
  AppInstance inst(lib);
  HtmlDoc doc;
  if (initial.empty()) {
    *err = "the app module could not be instantiated (out of memory)";
    return false;
  }
  if (!inst.start(doc, err, page)) return false;
  out->html.clear();
  out->snapshot.clear();
  if (doc.portals()) {  // a <Portal> rendered outside the root: the client renders the page (no snapshot)
    doc.append_inner_html(out->html);
    return true;
  }
  std::vector<uint32_t> order;
  doc.append_inner_html(out->html, &order);
  uint32_t size = 0;
  const uint8_t* mem = inst.memory(&size);
  // The start batch itself (its header, ops and strings) is spent once applied: the client never reads it,
  // so it is left out of the snapshot (the op buffer is the largest change a render makes).
  std::vector<uint8_t> now(mem, mem + size);
  auto zero = [&](uint64_t at, uint64_t n) {
    if (at < now.size()) std::fill_n(now.begin() + long(at), std::min<uint64_t>(n, now.size() - at), 0);
  };
  auto rd = [&](uint64_t at) {
    uint32_t v = 0;
    if (at + 4 <= now.size()) std::memcpy(&v, now.data() + at, 4);
    return v;
  };
  uint32_t b = inst.last_batch();
  uint32_t words = rd(b), ops = rd(b + 4), count = rd(b + 8), sbytes = rd(b + 12), slen = rd(b + 16), lens = rd(b + 20);
  zero(ops, uint64_t(words) * 4);
  zero(sbytes, slen);
  if (lens) zero(lens, uint64_t(count) * 4);
  zero(b, 24);
  out->snapshot = encode_snapshot(initial, now, order, doc.listeners());
  return true;
}

}  // namespace dx::ssr
