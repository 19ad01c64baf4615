// dxs/page_render.h — pages rendered per request: [param] routes and the app's 404 page, by the app's own
// compiled code (dist/_server/app.so through dx::ssr) inside the page shell dxc wrote.
//
// What dxc writes for it (the contract; README-server.md "Per-request pages"):
//   routes.dxr          the route trie (schemas/dxr.md). Route i IS the dxb ENTRY page i; the header's
//                       not_found is the 404 page's index or ffffffff. A route with params is dynamic: no
//                       HTML file exists for it. So is a route without params whose HTML file dxc did not
//                       write (its page reads the URL's query, useSearchParams); the others are files the
//                       StaticSite serves. A dynamic page gets the query's parameters as params named "?" and
//                       theirs (form-decoded as URLSearchParams does: dx.js decodes the same on the client).
//                       A route flagged kDxrRouteForm (its page reads a form: useFormData) also takes a POST,
//                       whose url-encoded fields are params named "=" and theirs.
//   _server/shell.html  the page document with placeholders, each optional and each may repeat:
//                       {{dx:up}} "../" × (the '/' in the request path − 1), the way back to dist's root for
//                       the page's relative URLs; {{dx:page}} the page index (decimal); {{dx:params}} the
//                       params as a JSON object of strings, HTML-attribute-escaped; {{dx:body}} the mount
//                       element's inner HTML; {{dx:state}} the resumption snapshot's <script> (nothing when the
//                       page cannot be resumed).
//   _server/app.so      the app, native (dx/ssr/app_module.h).
//   404.html            the 404 page prerendered for the root directory (used as is without app.so/shell).
// load() reads and checks all of it once, with the rest of dist/ (so a reload swaps both at once: the
// StaticSite holds its PageRenderer). A dist without routes.dxr, app.so or shell.html has no dynamic routes;
// one with a shell but no app.so (dev builds, --no-ssr) sends the shell with an empty mount element for the
// browser to render; one with app.so but no shell says so in a warning. app.so is copied
// into an anonymous file before dlopen, so a reloaded dist/ at the same path loads as a new library.
// The 404 page is rendered once, at load (as dxc prerenders a static page); only {{dx:up}} varies per request.
// respond() runs on the calling worker's thread: one fresh instance per render (instances are per call and
// may run on several threads at once; the library is shared).
#pragma once
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "dx/schema/dxr.h"

namespace dx::ssr {
class AppLibrary;
}

namespace dxs {

namespace http1 {
class ResponseStream;
}
class StaticSite;

class PageRenderer {
 public:
  ~PageRenderer();
  PageRenderer(const PageRenderer&) = delete;
  PageRenderer& operator=(const PageRenderer&) = delete;

  // Loads the per-request part of the dist at `dist` whose files `site` holds (routes.dxr, 404.html; the
  // _server/ files are read from disk). True with `*out` null when there is nothing to render per request,
  // true with `*out` set, or false with `err` naming the file ("dist/_server/app.so: ..."). Problems that
  // leave the rest servable (dynamic routes without app.so, a 404 page that throws) go to `warnings`.
  // `render_timeout_ms`: how long one render may run (AppLibrary::set_time_limit_ms; 0: no limit).
  static bool load(const StaticSite& site, const std::string& dist, std::shared_ptr<const PageRenderer>* out,
                   std::vector<std::string>* warnings, std::string* err, uint32_t render_timeout_ms = 0);

  // A GET or HEAD whose path the StaticSite does not have. `target`: the request-target as received (already
  // accepted by http1::normalize_target); the route is looked up on its raw path. Fills `head` (status line
  // and header lines, each ending in CRLF, Content-Length included; no Date, Connection or final CRLF) and
  // `body`: 200 with the page for a dynamic route, 400 for a param that is not percent-encoded UTF-8, 500
  // when the page throws (the app's report goes to stderr, never into the response), 404 with the app's 404
  // page. False when none applies (no route and no 404 page): the caller sends its plain 404.
  // `gzip`: the client accepts gzip (Accept-Encoding); a page of 1 KiB or more is then sent compressed.
  // `hold_ms` > 0 (dx-server --test-hooks, schemas/stream.md): a dynamic page with <Suspense> boundaries is
  // streamed instead, each boundary held back `hold_ms` after the previous chunk: `*stream` is set (head and
  // body are not) and the caller sends it as a chunked text/html response.
  // `post`: the request is a POST of a form (its Content-Type and body). A route whose page reads one
  // (useFormData: routes.dxr's kDxrRouteForm) is rendered with its fields as params named "=" + the field's
  // name (an application/x-www-form-urlencoded body; another type gets 415); any other route gets 405.
  struct FormPost {
    std::string_view content_type, body;
  };
  bool respond(std::string_view target, bool gzip, std::string* head, std::string* body, uint32_t hold_ms = 0,
               std::unique_ptr<http1::ResponseStream>* stream = nullptr, const FormPost* post = nullptr) const;

 private:
  PageRenderer() = default;
  // A piece of the shell: literal text, then (unless kEnd) a placeholder.
  enum class Slot : uint8_t { kEnd, kUp, kPage, kParams, kBody, kState };
  struct Part {
    std::string text;
    Slot slot = Slot::kEnd;
  };
  class Stream;
  struct Fill {  // what the placeholders take
    std::string_view up, page, params_attr, body;
    const std::vector<uint8_t>* snapshot;
  };
  static void fill_parts(std::span<const Part> parts, const Fill& fill, std::string* out);
  struct Rendered {
    std::string body;               // the mount element's inner HTML
    std::vector<uint8_t> snapshot;  // the resumption snapshot (empty: none)
  };

  bool load_routes(const std::string& dxr, const StaticSite& site, const std::string& dist,
                   std::vector<std::string>* warnings, std::string* err);
  void parse_shell(std::string_view shell);
  bool render(uint32_t page, const std::vector<std::pair<std::string, std::string>>& params, Rendered* out,
              std::string* err) const;
  void assemble(std::string_view up, uint32_t page, std::string_view params_attr, const Rendered& r,
                std::string* out) const;

  std::string dxr_bytes_;
  dx::schema::DxrView routes_;
  uint32_t not_found_ = dx::schema::kDxrNone;
  size_t dynamic_routes_ = 0;        // routes rendered per request (only when lib_ or client_only_ is set)
  std::vector<bool> per_request_;
  uint32_t render_timeout_ms_ = 0;   // one render's time limit (0: none)    // by route: it has params, or dist has no HTML file for it (it reads the query)
  std::vector<Part> shell_;
  int so_fd_ = -1;                   // the anonymous copy of app.so, open while the library is loaded
  std::shared_ptr<dx::ssr::AppLibrary> lib_;  // null: nothing is rendered per request
  // A shell without app.so (dxc serve's dev builds, --no-ssr): dynamic routes and the 404 page are sent as the
  // shell with an empty mount element and no snapshot, and dx.js renders them with the params (data-params).
  bool client_only_ = false;
  bool not_found_rendered_ = false;  // not_found_page_ holds the 404 page's render
  Rendered not_found_page_;
  std::string not_found_html_;       // 404.html as dxc wrote it (the fallback), or ""
  bool has_not_found_html_ = false;
};

}  // namespace dxs
