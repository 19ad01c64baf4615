// dx_bench_ssr — server rendering of one page with dist/_server/app.so (issue 6, a benchmark, not a test).
//   dx_bench_ssr APP.so [--page N] [--iters N] [--html FILE] [--total-only]
// Times render_entry_resumable (what dxc's prerender and dx-server's per-request rendering call: a fresh
// instance, dx_start, the batch applied to an HtmlDoc, the HTML serialized, the snapshot written), then each
// of its phases on its own so the split shows where the time goes. Prints "name<TAB>ms<TAB>bytes" lines
// (run.sh makes the table): median thread CPU time of --iters runs after a warm-up. --html writes the page's
// HTML (bench.mjs checks the node sides render the same).
#include <time.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "dx/ssr/app_module.h"
#include "dx/ssr/html_doc.h"
#include "dx/ssr/snapshot.h"

namespace {

double thread_ms() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

// Median ms of `iters` timed calls of `body` (after iters / 10 + 1 untimed ones). `setup` runs before each
// call, untimed.
double median_ms(int iters, const std::function<void()>& body, const std::function<void()>& setup = {}) {
  for (int i = 0; i < iters / 10 + 1; i++) {
    if (setup) setup();
    body();
  }
  std::vector<double> t;
  t.reserve(size_t(iters));
  for (int i = 0; i < iters; i++) {
    if (setup) setup();
    double t0 = thread_ms();
    body();
    t.push_back(thread_ms() - t0);
  }
  std::nth_element(t.begin(), t.begin() + iters / 2, t.end());
  return t[size_t(iters / 2)];
}

[[noreturn]] void die(const std::string& why) {
  std::fprintf(stderr, "dx_bench_ssr: %s\n", why.c_str());
  std::exit(1);
}

// The start batch's own memory (its header, op words, strings, string lengths): spent once applied, so the
// snapshot reads it as 0 (render_entry_resumable zeroes the same bytes).
void row(const char* name, double ms, size_t bytes = 0) {
  std::printf("%s\t%.4f\t%zu\n", name, ms, bytes);
  std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
  std::string so, html_file;
  uint32_t page = 0;
  int iters = 301;
  bool total_only = false;  // only the whole render (for a profiler)
  for (int i = 1; i < argc; i++) {
    std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) die(a + " needs a value");
      return argv[++i];
    };
    if (a == "--page") page = uint32_t(std::stoul(value()));
    else if (a == "--iters") iters = std::max(1, std::stoi(value()));
    else if (a == "--html") html_file = value();
    else if (a == "--total-only") total_only = true;
    else if (!a.empty() && a[0] != '-' && so.empty()) so = a;
    else die("usage: dx_bench_ssr APP.so [--page N] [--iters N] [--html FILE] [--total-only]");
  }
  if (so.empty()) die("usage: dx_bench_ssr APP.so [--page N] [--iters N] [--html FILE] [--total-only]");

  std::string err;
  std::shared_ptr<dx::ssr::AppLibrary> lib = dx::ssr::AppLibrary::open(so, &err);
  if (!lib) die(err);
  if (lib->initial_memory().empty()) die("the app module cannot be instantiated");

  // The whole render, as callers make it.
  dx::ssr::Resumable r;
  auto render = [&] {
    if (!dx::ssr::render_entry_resumable(lib, &r, &err, page)) die("render failed: " + err);
  };
  render();
  if (!html_file.empty()) {
    FILE* f = std::fopen(html_file.c_str(), "wb");
    if (!f || std::fwrite(r.html.data(), 1, r.html.size(), f) != r.html.size() || std::fclose(f) != 0)
      die("cannot write " + html_file);
  }
  const std::vector<uint8_t> snapshot = r.snapshot;  // the phases below must make the same
  row("dx", median_ms(iters, render), r.html.size());
  if (total_only) return 0;
  row("dx:snapshot-bytes", 0, r.snapshot.size());
  row("dx:snapshot-base64-bytes", 0, dx::ssr::base64(r.snapshot).size());

  // The phases, one at a time, on the same page.
  row("dx:instance", median_ms(iters, [&] { dx::ssr::AppInstance inst(lib); }));
  {
    // AppInstance::start = dx_start (the app's code, wasm2c) + HtmlDoc::apply of its batch; apply is timed
    // again alone on the batch the instance still holds, so dx_start = start - apply.
    std::unique_ptr<dx::ssr::AppInstance> inst;
    std::unique_ptr<dx::ssr::HtmlDoc> doc;
    double start = median_ms(
        iters, [&] { if (!inst->start(*doc, &err, page)) die("start failed: " + err); },
        [&] {
          inst.reset();
          inst = std::make_unique<dx::ssr::AppInstance>(lib);
          doc = std::make_unique<dx::ssr::HtmlDoc>();
        });
    uint32_t size = 0;
    const uint8_t* mem = inst->memory(&size);
    uint32_t batch = inst->last_batch();
    std::unique_ptr<dx::ssr::HtmlDoc> fresh;
    double apply = median_ms(
        iters, [&] { if (!fresh->apply(mem, size, batch, &err)) die("apply failed: " + err); },
        [&] { fresh = std::make_unique<dx::ssr::HtmlDoc>(); });
    row("dx:start", start);
    row("dx:dx_start", start - apply);
    row("dx:apply", apply);

    std::string html;
    std::vector<uint32_t> order;
    double ser = median_ms(iters, [&] {
      html.clear();
      order.clear();
      doc->append_inner_html(html, &order);
    });
    row("dx:serialize", ser, html.size());

    // take_snapshot = serialize (with the node order) + the snapshot (the memory diff, the spent batch and
    // scratch memory read as 0, packed); the snapshot alone = take_snapshot - serialize. It asks the module
    // for its scratch ranges (a call into it), so each run takes a freshly started instance.
    dx::ssr::Resumable taken;
    double take = median_ms(
        iters, [&] { dx::ssr::take_snapshot(*inst, *doc, *lib->fresh_memory(), &taken); },
        [&] {
          inst.reset();
          inst = std::make_unique<dx::ssr::AppInstance>(lib);
          doc = std::make_unique<dx::ssr::HtmlDoc>();
          if (!inst->start(*doc, &err, page)) die("start failed: " + err);
        });
    if (taken.snapshot != snapshot) die("the snapshot phase wrote another snapshot than render_entry_resumable");
    if (html != r.html || taken.html != r.html) die("the serialize phase wrote other HTML than render_entry_resumable");
    row("dx:snapshot", take - ser, taken.snapshot.size());
    std::string b64;
    row("dx:base64", median_ms(iters, [&] { b64 = dx::ssr::base64(r.snapshot); }), b64.size());
    row("dx:memory-bytes", 0, size);
  }
  return 0;
}
