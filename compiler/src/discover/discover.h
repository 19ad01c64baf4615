// Phase 1 — discover: a project directory → its pages, config and file list.
//
// A dx project: `pages/index.tsx` (its default export is the page at `/`), optional `components/`, and
// `dx.config.json` ({"name", "title", "lang"}; every key optional). Problems are DX00xx diagnostics.
#pragma once
#include <string>
#include <vector>

#include "common/diagnostics.h"

namespace dxc {

struct PageFile {
  std::string route;     // "/"
  std::string path;      // project-relative: "pages/index.tsx"
};

struct Project {
  std::string root;      // absolute, no trailing slash
  std::string name;
  std::string title;
  std::string lang = "en";
  std::string root_id = "dx-root";  // the id of the element the app renders into (config "root")
  std::vector<PageFile> pages;
  std::vector<std::string> files;  // every .ts/.tsx under pages/ and components/, project-relative, sorted
};

namespace discover {
// With `sm`, dx.config.json is added to it so its diagnostics show a code frame.
Project discover(const std::string& dir, Diagnostics& diags, SourceManager* sm = nullptr);
std::string dump(const Project& p);  // --dump=discover
}  // namespace discover

}  // namespace dxc
