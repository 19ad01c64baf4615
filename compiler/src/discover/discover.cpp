#include "discover/discover.h"

#include "discover/routes.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace fs = std::filesystem;

namespace dxc::discover {

namespace {

// Where dx.config.json's problems are shown: a span in its text when the build has a SourceManager (a code
// frame), else the file name alone.
struct ConfigReporter {
  Diagnostics& diags;
  SourceManager* sm;
  FileId file = 0;
  std::string_view text;

  void report(const char* code, uint32_t start, uint32_t end, std::string message) {
    if (sm && start < end && end <= text.size()) diags.error(code, Span{file, start, end}, std::move(message));
    else diags.error_at_path(code, "dx.config.json", std::move(message));
  }
  // The `"key"` before a `:` in the text (keys dxc reports are plain ASCII names; anything else has no span).
  void at_key(const char* code, const std::string& key, std::string message) {
    std::string quoted = "\"" + key + "\"";
    for (size_t at = text.find(quoted); at != std::string_view::npos; at = text.find(quoted, at + 1)) {
      size_t after = text.find_first_not_of(" \t\r\n", at + quoted.size());
      if (after != std::string_view::npos && text[after] == ':')
        return report(code, uint32_t(at), uint32_t(at + quoted.size()), std::move(message));
    }
    report(code, 0, 0, std::move(message));
  }
};

void read_config(Project& p, Diagnostics& diags, SourceManager* sm) {
  fs::path cfg = fs::path(p.root) / "dx.config.json";
  std::error_code ec;
  if (!fs::exists(cfg, ec)) return;
  std::ifstream in(cfg, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  ConfigReporter r{diags, sm, 0, {}};
  if (sm) {
    r.file = sm->add("dx.config.json", ss.str());
    r.text = sm->text(r.file);
  }
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(ss.str());
  } catch (const nlohmann::json::parse_error& e) {
    // e.what() is "[json.exception.parse_error.101] parse error at line 3, column 1: syntax error while …";
    // the frame shows where, so keep the part after the position.
    std::string what = e.what();
    size_t colon = what.find(": ");
    if (colon != std::string::npos) what = what.substr(colon + 2);
    size_t at = std::min<size_t>(e.byte > 0 ? e.byte - 1 : 0, r.text.empty() ? 0 : r.text.size() - 1);  // at the end: its last byte
    r.report("DX0002", uint32_t(at), uint32_t(at + 1), "invalid JSON: " + what);
    return;
  }
  if (!j.is_object()) {
    size_t first = r.text.find_first_not_of(" \t\r\n");
    r.report("DX0002", uint32_t(first == std::string_view::npos ? 0 : first), uint32_t(r.text.size()), "must be a JSON object");
    return;
  }
  for (auto& [key, value] : j.items()) {
    if (key == "name" || key == "title" || key == "lang" || key == "root") {
      if (!value.is_string()) {
        r.at_key("DX0002", key, "\"" + key + "\" must be a string");
        continue;
      }
      std::string v = value.get<std::string>();
      if (key == "root" && (v.empty() || v.find_first_of(" \t\n\"'<>&") != std::string::npos)) {
        r.at_key("DX0002", key, "\"root\" must be an element id (no spaces, quotes or <>&)");
        continue;
      }
      (key == "name" ? p.name : key == "title" ? p.title : key == "lang" ? p.lang : p.root_id) = v;
    } else if (key == "hbtp") {
      if (!value.is_boolean()) {
        r.at_key("DX0002", key, "\"hbtp\" must be true or false");
        continue;
      }
      p.hbtp = value.get<bool>();
    } else {
      r.at_key("DX0003", key, "unknown key \"" + key + "\" (known: name, title, lang, root, hbtp)");
    }
  }
}

}  // namespace

Project discover(const std::string& dir, Diagnostics& diags, SourceManager* sm) {
  Project p;
  std::error_code ec;
  fs::path root = fs::weakly_canonical(fs::absolute(dir, ec), ec);
  p.root = root.string();
  while (p.root.size() > 1 && p.root.back() == '/') p.root.pop_back();
  if (!fs::is_directory(root, ec)) {
    diags.error_at_path("DX0001", dir, "not a directory: a dx project is a directory with pages/index.tsx");
    return p;
  }
  p.name = root.filename().string();
  read_config(p, diags, sm);
  if (p.title.empty()) p.title = p.name;

  for (const char* sub : {"pages", "components"}) {
    fs::path d = root / sub;
    if (!fs::is_directory(d, ec)) continue;
    for (auto it = fs::recursive_directory_iterator(d, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (!it->is_regular_file(ec)) continue;
      std::string ext = it->path().extension().string();
      if (ext != ".tsx" && ext != ".ts") continue;
      p.files.push_back(fs::relative(it->path(), root, ec).generic_string());
    }
  }
  std::sort(p.files.begin(), p.files.end());
  if (!fs::is_regular_file(root / "pages" / "index.tsx", ec)) {
    diags.error_at_path("DX0001", dir, "no pages/index.tsx: its default export is the page at /");
    return p;
  }
  // File routing (routes.h, schemas/dxr.md): every pages/**/*.tsx is a page or a layout; a .ts file there is a
  // module pages import, not a page.
  std::vector<std::string> page_files;
  for (const std::string& f : p.files) {
    if (f.rfind("pages/", 0) != 0) continue;
    if (f.size() > 4 && f.compare(f.size() - 4, 4, ".tsx") == 0) { page_files.push_back(f.substr(6)); continue; }
    Diagnostic& w = diags.warning("DX0004", Span{}, "not a page: pages are .tsx files (a .ts file under pages/ is only compiled when a page imports it)");
    w.has_span = false;
    w.path_only = f;
  }
  PageRoutes pr = routes_from_pages(page_files);
  for (const RouteError& e : pr.errors) {
    if (e.message.rfind("has the same URL", 0) == 0) {
      std::string url = e.message.substr(e.message.rfind(' ') + 1);
      diags.error_at_path("DX0005", "pages/" + e.file, "this page has the URL " + url + " of pages/" + e.other + " too: keep one of them");
    } else {
      diags.error_at_path("DX0006", "pages/" + e.file, "this page file " + e.message + (e.other.empty() ? "" : " (pages/" + e.other + ")"));
    }
  }
  if (!pr.errors.empty()) return p;
  for (size_t i = 0; i < pr.routes.size(); ++i) {
    const dx::schema::DxrRouteSpec& r = pr.routes[i];
    PageFile pg;
    pg.not_found = i == pr.not_found;
    pg.route = pg.not_found ? "" : dx::schema::dxr_pattern(r);
    pg.path = "pages/" + pr.files[r.page];
    for (const dx::schema::DxrSegmentSpec& seg : r.segments)
      if (seg.kind != dx::schema::kDxrStatic) pg.params.push_back(seg.text);
    for (uint32_t l : r.layouts) pg.layouts.push_back("pages/" + pr.files[l]);
    p.pages.push_back(std::move(pg));
  }
  p.routes_dxr = std::move(pr.dxr);
  return p;
}

}  // namespace dxc::discover

namespace dxc {
std::string PageFile::html_file() const {
  if (dynamic()) return "";
  if (not_found) return "404.html";
  return route == "/" ? "index.html" : route.substr(1) + "/index.html";
}
}  // namespace dxc

namespace dxc::discover {

std::string dump(const Project& p) {
  std::string s = "project " + p.name + "\n  title " + p.title + "\n  lang " + p.lang + "\n";
  for (auto& pg : p.pages) {
    s += "  page " + (pg.not_found ? std::string("404") : pg.route) + " " + pg.path;
    for (auto& l : pg.layouts) s += " layout=" + l;
    s += "\n";
  }
  for (auto& f : p.files) s += "  file " + f + "\n";
  return s;
}

}  // namespace dxc::discover
