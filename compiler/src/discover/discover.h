// Phase 1 — discover: a project directory → its pages, config and file list.
//
// A dx project: `pages/index.tsx` (its default export is the page at `/`), optional `components/`, and
// `dx.config.json` ({"name", "title", "lang"}; every key optional). Problems are DX00xx diagnostics.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "common/diagnostics.h"

namespace dxc {

// A page: one route of routes.dxr. Its index in Project::pages is its route index there and its dxb ENTRY
// index (schemas/dxr.md, dxb.md).
struct PageFile {
  std::string route;                 // "/", "/blog/:slug", "/docs/*rest"; "" for the 404 page
  std::string path;                  // project-relative: "pages/index.tsx"
  std::vector<std::string> params;   // the route's param names in path order ("slug")
  std::vector<std::string> layouts;  // project-relative _layout.tsx files that wrap it, outermost first
  bool not_found = false;            // pages/404.tsx
  bool search = false;               // it (or a component it imports) reads the query: useSearchParams
  bool form = false;                 // it (or a component it imports) reads a POSTed form: useFormData
  // Rendered per request by dx-server (no HTML file): a route with params, or a page that reads the query or
  // a form.
  bool dynamic() const { return !params.empty() || ((search || form) && !not_found); }
  // The page's prerendered HTML file in dist/: "index.html", "about/index.html", "404.html"; "" if dynamic.
  std::string html_file() const;
};

struct Project {
  std::string root;      // absolute, no trailing slash
  std::string name;
  std::string title;
  std::string lang = "en";
  std::string root_id = "dx-root";  // the id of the element the app renders into (config "root")
  bool hbtp = false;  // config "hbtp": dist/dx.js carries the HBTP client (window.__dx.hbtp)
  std::vector<PageFile> pages;     // in routes.dxr's route order
  std::vector<uint8_t> routes_dxr;  // dist/routes.dxr
  std::vector<std::string> files;  // every .ts/.tsx under pages/ and components/, project-relative, sorted
};

namespace discover {
// With `sm`, dx.config.json is added to it so its diagnostics show a code frame.
Project discover(const std::string& dir, Diagnostics& diags, SourceManager* sm = nullptr);
std::string dump(const Project& p);  // --dump=discover
}  // namespace discover

}  // namespace dxc
