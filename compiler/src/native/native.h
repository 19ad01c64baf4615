// native/ — phase 8 of dxc build: the server module and prerendering (DESIGN §4 "one semantics, two targets").
//
// build_server_module translates app.wasm to C with wasm2c (Debian wabt) and compiles it with the system C
// compiler ($CC, else cc) together with runtime-wasm/native/ (the wasm2c runtime and the dx_app ABI glue)
// into a shared object: dist/_server/app.so, which dx-server loads to render pages with the app's own code.
// prerender_entry loads that object and renders the entry page once (dx_start's ops applied to
// dx::ssr::HtmlDoc): the HTML that dxc puts inside the page's mount element, so the page shows its
// content before dx.js runs, and with JavaScript off.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "common/diagnostics.h"

namespace dxc {
struct SplitTimer;  // common/split_timer.h
}

namespace dxc::native {

struct PrerenderedPage {
  std::string html;               // the mount element's content
  std::vector<uint8_t> snapshot;  // its resumption snapshot (schemas/snapshot.md); empty: the client renders
};

struct ServerModule {
  std::vector<uint8_t> so;             // app.so's bytes
  std::vector<PrerenderedPage> pages;  // one per page, in Project::pages order (the dxb ENTRY order)
};

// wasm → app.so (written to `so_path`). `optimize`: dxc's -O level (0–2); the C compiler's follows it and the module's size. DX0410 on failure.
// `timer` (optional) gets a lap per step: wasm2c, split, cc, link.
bool build_server_module(const std::vector<uint8_t>& wasm, const std::string& runtime_dir, const std::string& so_path,
                         int optimize, Diagnostics& diags, SplitTimer* timer = nullptr);

// Loads `so_path` and renders each page whose file is given (an empty name: a page with route params, which
// dx-server renders per request; its entry in `out.pages` stays empty). DX0411 (naming the page's file) when app code
// throws while rendering (the report names the source location), DX0410 when the module does not load.
bool prerender_pages(const std::string& so_path, const std::vector<std::string>& page_files, ServerModule& out,
                     Diagnostics& diags);

// Both, in a scratch directory: fills `out` (so + html). The phase the driver calls.
bool build_and_prerender(const std::vector<uint8_t>& wasm, const std::string& runtime_dir, int optimize,
                         const std::vector<std::string>& page_files, ServerModule& out, Diagnostics& diags);

}  // namespace dxc::native
