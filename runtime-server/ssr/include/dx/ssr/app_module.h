// dx/ssr/app_module.h — loading dist/_server/app.so (the wasm2c form of app.wasm, runtime-wasm/native/)
// and rendering with it.
//
// AppLibrary is the loaded shared object (dlopen, RTLD_LOCAL: two dist/ generations can be loaded side by
// side during a reload); it checks the ABI version and resolves every dx_app_* function, or refuses with
// a message. AppInstance is one instance of the module (its own linear memory): it belongs to one thread
// at a time; instances run in parallel on different threads. A trap (an app `throw`, a RangeError, a
// bounds violation) makes the call return false with the runtime's report, as the browser console
// would show it; the instance stays usable.
#pragma once
#include <cstdint>
#include <atomic>
#include <memory>
#include <mutex>
#include <vector>
#include <string>

#include "dx/ssr/html_doc.h"
#include "dx/ssr/snapshot.h"

struct dx_app;

namespace dx::ssr {

class AppLibrary {
 public:
  // Null and `err` set when the file cannot be loaded or is not a dx app module of this ABI version.
  static std::shared_ptr<AppLibrary> open(const std::string& path, std::string* err);
  ~AppLibrary();
  AppLibrary(const AppLibrary&) = delete;
  AppLibrary& operator=(const AppLibrary&) = delete;

  struct Api;
  const Api& api() const { return *api_; }
  // A fresh instance's linear memory (what every client has after instantiating app.wasm), made once.
  // Empty when the module cannot be instantiated.
  const std::vector<uint8_t>& initial_memory();
  // The same, prepared for encode_snapshot (dx/ssr/snapshot.h), made with it. Null when initial_memory() is empty.
  const FreshMemory* fresh_memory();
  // How long one call into an instance (a render, an event) may run, in milliseconds: past it the call
  // traps and fails with "it ran past its time limit" (dx_app_set_deadline). 0 (the default): no limit.
  // Set before instances run (dx-server: --render-timeout-ms; dxc's prerender: 10 s).
  void set_time_limit_ms(uint32_t ms) { time_limit_ms_ = ms; }
  uint32_t time_limit_ms() const { return time_limit_ms_; }

 private:
  AppLibrary() = default;
  void* handle_ = nullptr;
  std::unique_ptr<Api> api_;
  std::once_flag initial_once_;
  std::vector<uint8_t> initial_;
  std::unique_ptr<FreshMemory> fresh_;
  std::atomic<uint32_t> time_limit_ms_{0};
};

// Route params (name, value), in path order, values percent-decoded: what props.params and useParams() see.
using Params = std::vector<std::pair<std::string, std::string>>;
// The bytes dx_params takes (runtime-wasm/ABI.md, "Route params").
std::vector<uint8_t> encode_params(const Params& params);

class AppInstance {
 public:
  explicit AppInstance(std::shared_ptr<AppLibrary> lib);
  ~AppInstance();
  AppInstance(const AppInstance&) = delete;
  AppInstance& operator=(const AppInstance&) = delete;

  bool ok() const { return app_ != nullptr; }  // false: the module could not be instantiated
  // dx_start, its batch applied to `doc`. False with `err` on a trap or a malformed batch.
  // `page`: the dxb ENTRY index (0 is the page at /).
  // `params`: the route params the page sees (given to the instance before dx_start).
  bool start(HtmlDoc& doc, std::string* err, uint32_t page = 0, const Params* params = nullptr);
  // dx_dispatch of `handler` on `node` (an event with no value or key, as a click), its batch applied to `doc`.
  bool dispatch(HtmlDoc& doc, std::string* err, uint32_t handler, uint32_t node);
  // <Suspense> streaming (runtime-wasm/src/suspense.cpp): hold the boundaries created from now on (or stop
  // holding and forget them); the address of the boundary table (0: empty, or a trap); release boundary `id`,
  // its batch applied to `doc`. False on a trap (with `err` for the release).
  bool suspense_hold(bool on);
  uint32_t suspense_table();
  bool suspense_release(HtmlDoc& doc, std::string* err, uint32_t id);
  // The instance's linear memory right now.
  const uint8_t* memory(uint32_t* size) const;
  // dx_scratch_ranges: the address of the table of memory a snapshot may leave out (0 on a trap).
  uint32_t scratch_ranges();
  // The address of the last batch start() applied (0 before).
  uint32_t last_batch() const { return last_batch_; }

 private:
  bool finish(int trap, uint32_t batch, HtmlDoc& doc, std::string* err);
  void arm();  // the library's time limit from now, for the next call (none: no deadline)
  std::shared_ptr<AppLibrary> lib_;
  dx_app* app_ = nullptr;
  uint32_t last_batch_ = 0;
};

// The entry page rendered once in a fresh instance: the HTML that goes inside the page's mount element.
bool render_entry(const std::shared_ptr<AppLibrary>& lib, std::string* html, std::string* err, uint32_t page = 0);

// The same, for resumption: the HTML (with placeholders for empty text nodes) and the snapshot
// (dx/ssr/snapshot.h) that lets dx.js take over the page without rendering it again.
struct Resumable {
  std::string html;
  std::vector<uint8_t> snapshot;  // empty when the page cannot be resumed (a <Portal>): the client renders it
};
bool render_entry_resumable(const std::shared_ptr<AppLibrary>& lib, Resumable* out, std::string* err, uint32_t page = 0,
                            const Params* params = nullptr);
// What render_entry_resumable returns, for an instance whose batches `doc` applied (its last batch is left
// out of the snapshot: spent).
void take_snapshot(AppInstance& inst, const HtmlDoc& doc, const FreshMemory& fresh, Resumable* out);

}  // namespace dx::ssr
