#include "discover/discover.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace fs = std::filesystem;

namespace dxc::discover {

static void read_config(Project& p, Diagnostics& diags) {
  fs::path cfg = fs::path(p.root) / "dx.config.json";
  std::error_code ec;
  if (!fs::exists(cfg, ec)) return;
  std::ifstream in(cfg, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(ss.str());
  } catch (const nlohmann::json::parse_error& e) {
    diags.error_at_path("DX0002", "dx.config.json", std::string("invalid JSON: ") + e.what());
    return;
  }
  if (!j.is_object()) {
    diags.error_at_path("DX0002", "dx.config.json", "must be a JSON object");
    return;
  }
  for (auto& [key, value] : j.items()) {
    if (key == "name" || key == "title" || key == "lang" || key == "root") {
      if (!value.is_string()) {
        diags.error_at_path("DX0002", "dx.config.json", "\"" + key + "\" must be a string");
        continue;
      }
      std::string v = value.get<std::string>();
      if (key == "root" && (v.empty() || v.find_first_of(" \t\n\"'<>&") != std::string::npos)) {
        diags.error_at_path("DX0002", "dx.config.json", "\"root\" must be an element id (no spaces, quotes or <>&)");
        continue;
      }
      (key == "name" ? p.name : key == "title" ? p.title : key == "lang" ? p.lang : p.root_id) = v;
    } else {
      diags.error_at_path("DX0003", "dx.config.json", "unknown key \"" + key + "\" (known: name, title, lang, root)");
    }
  }
}

Project discover(const std::string& dir, Diagnostics& diags) {
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
  read_config(p, diags);
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
  p.pages.push_back({"/", "pages/index.tsx"});
  for (const std::string& f : p.files)
    if (f.rfind("pages/", 0) == 0 && f != "pages/index.tsx" && f.size() > 4 && f.substr(f.size() - 4) == ".tsx") {
      Diagnostic& w = diags.warning("DX0004", Span{}, "only pages/index.tsx is built in this version; other pages need file routing");
      w.has_span = false;
      w.path_only = f;
    }
  return p;
}

std::string dump(const Project& p) {
  std::string s = "project " + p.name + "\n  title " + p.title + "\n  lang " + p.lang + "\n";
  for (auto& pg : p.pages) s += "  page " + pg.route + " " + pg.path + "\n";
  for (auto& f : p.files) s += "  file " + f + "\n";
  return s;
}

}  // namespace dxc::discover
