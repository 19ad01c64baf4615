#include "package/package.h"

#include <brotli/encode.h>
#include <openssl/evp.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace fs = std::filesystem;

namespace dxc::package {

namespace {

std::string html_escape(const std::string& s) {
  std::string o;
  for (char c : s) {
    if (c == '&') o += "&amp;";
    else if (c == '<') o += "&lt;";
    else if (c == '>') o += "&gt;";
    else if (c == '"') o += "&quot;";
    else o += c;
  }
  return o;
}

std::vector<uint8_t> gzip(const std::vector<uint8_t>& in) {
  z_stream z{};
  deflateInit2(&z, 9, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY);
  std::vector<uint8_t> out(deflateBound(&z, in.size()) + 32);
  z.next_in = const_cast<Bytef*>(in.data());
  z.avail_in = uInt(in.size());
  z.next_out = out.data();
  z.avail_out = uInt(out.size());
  deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

std::vector<uint8_t> brotli(const std::vector<uint8_t>& in) {
  size_t n = BrotliEncoderMaxCompressedSize(in.size());
  std::vector<uint8_t> out(n ? n : 64);
  size_t size = out.size();
  if (!BrotliEncoderCompress(BROTLI_MAX_QUALITY, BROTLI_DEFAULT_WINDOW, BROTLI_MODE_GENERIC, in.size(), in.data(), &size, out.data()))
    return {};
  out.resize(size);
  return out;
}

std::string sha256(const std::vector<uint8_t>& in) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(in.data(), in.size(), md, &len, EVP_sha256(), nullptr);
  static const char* hex = "0123456789abcdef";
  std::string s;
  for (unsigned i = 0; i < len; ++i) { s += hex[md[i] >> 4]; s += hex[md[i] & 15]; }
  return s;
}

bool write_file(const fs::path& p, const std::vector<uint8_t>& bytes) {
  std::ofstream out(p, std::ios::binary);
  out.write(reinterpret_cast<const char*>(bytes.data()), std::streamsize(bytes.size()));
  return bool(out);
}

std::vector<uint8_t> read_bytes(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::vector<uint8_t>(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

bool compressible(const std::string& name) {
  for (const char* ext : {".html", ".js", ".css", ".wasm", ".dxb", ".json", ".svg", ".txt"})
    if (name.size() >= std::strlen(ext) && name.compare(name.size() - std::strlen(ext), std::strlen(ext), ext) == 0) return true;
  return false;
}

// The tags dxc adds to the page's <head>: stylesheets from public/, the wasm preload and dx.js (told the
// mount element's id when it is not the default), and in dev builds the live-reload client.
std::string head_tags(const Project& proj, const std::vector<std::string>& styles, bool dev, const std::string& icon = "") {
  std::string h;
  for (auto& s : styles) h += "<link rel=\"stylesheet\" href=\"" + html_escape(s) + "\">\n";
  h += icon + "<link rel=\"preload\" href=\"app.wasm\" as=\"fetch\" type=\"application/wasm\" crossorigin>\n<script src=\"dx.js\"";
  if (proj.root_id != "dx-root") h += " data-root=\"" + html_escape(proj.root_id) + "\"";
  h += " defer></script>\n";
  return dev ? h + "<script type=\"module\" src=\"_dx/dev.js\"></script>\n" : h;
}

std::string lower_ascii(std::string s) {
  for (char& c : s) c = char(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return s;
}

// index.html: the project's own `index.html` (a shell, as in Vite) with dxc's tags inserted before </head>,
// or a generated page. The shell must have a </head> and the mount element (id = config "root").
bool page_shell(const Project& proj, const std::vector<std::string>& styles, bool dev, std::string& html, Diagnostics& diags) {
  std::error_code ec;
  fs::path shell = fs::path(proj.root) / "index.html";
  if (fs::is_regular_file(shell, ec)) {
    std::vector<uint8_t> b = read_bytes(shell);
    html.assign(b.begin(), b.end());
    std::string low = lower_ascii(html);
    size_t head_end = low.find("</head>");
    if (head_end == std::string::npos) {
      diags.error_at_path("DX0504", "index.html", "the page shell has no </head>: dxc inserts its <script> there");
      return false;
    }
    const std::string& id = proj.root_id;
    if (html.find("id=\"" + id + "\"") == std::string::npos && html.find("id='" + id + "'") == std::string::npos) {
      diags.error_at_path("DX0505", "index.html", "the page shell has no element with id=\"" + id +
                                                       "\" for the app to render into (set \"root\" in dx.config.json to use another id)");
      return false;
    }
    html.insert(head_end, head_tags(proj, styles, dev));
    return true;
  }
  html = "<!doctype html>\n<html lang=\"" + html_escape(proj.lang) + "\">\n<head>\n<meta charset=\"utf-8\">\n" +
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" + html_escape(proj.title) + "</title>\n";
  bool has_icon = fs::is_regular_file(fs::path(proj.root) / "public" / "favicon.ico", ec);  // else no request for /favicon.ico
  std::string icon = std::string("<link rel=\"icon\" href=\"") + (has_icon ? "favicon.ico" : "data:,") + "\">\n";
  html += head_tags(proj, styles, dev, icon) + "</head>\n<body>\n<div id=\"" + html_escape(proj.root_id) + "\"></div>\n</body>\n</html>\n";
  return true;
}

}  // namespace

bool package(const Project& proj, const EmitResult& r, const std::string& runtime_dir, const std::string& out_dir,
             std::vector<FileReport>& report, Diagnostics& diags, bool dev) {
  std::error_code ec;
  fs::path out = fs::absolute(out_dir, ec);
  fs::path tmp = out.string() + ".tmp-" + std::to_string(getpid());
  fs::remove_all(tmp, ec);
  if (!fs::create_directories(tmp, ec)) {
    diags.error_at_path("DX0501", tmp.string(), "cannot create the output directory: " + ec.message());
    return false;
  }
  std::vector<std::pair<std::string, std::vector<uint8_t>>> files;
  files.push_back({"app.dxb", r.dxb});
  files.push_back({"app.wasm", r.wasm});
  // dx.js, and in dev builds the live-reload client as _dx/dev.js + _dx/hbtp.js, from the runtime directory.
  std::vector<std::string> runtime_files = {"dx.js"};
  if (dev) runtime_files.insert(runtime_files.end(), {"dev.js", "hbtp.js"});
  for (const std::string& js : runtime_files) {
    files.push_back({js == "dx.js" ? js : "_dx/" + js, read_bytes(fs::path(runtime_dir) / js)});
    if (files.back().second.empty()) {
      diags.error_at_path("DX0502", (fs::path(runtime_dir) / js).string(),
                          "cannot read " + js + " (is the dx build complete? set DX_RUNTIME_DIR)");
      fs::remove_all(tmp, ec);
      return false;
    }
  }
  std::vector<std::string> styles;
  fs::path pub = fs::path(proj.root) / "public";
  if (fs::is_directory(pub, ec)) {
    for (auto it = fs::recursive_directory_iterator(pub, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (!it->is_regular_file(ec)) continue;
      std::string rel = fs::relative(it->path(), pub, ec).generic_string();
      if (rel == "index.html" || rel == "dx.js" || rel.rfind("app.", 0) == 0 || rel == "manifest.json" ||
          (dev && rel.rfind("_dx/", 0) == 0)) {
        diags.error_at_path("DX0503", "public/" + rel, "this name is reserved for a file dxc writes");
        continue;
      }
      files.push_back({rel, read_bytes(it->path())});
      if (rel.find('/') == std::string::npos && rel.size() > 4 && rel.substr(rel.size() - 4) == ".css") styles.push_back(rel);
    }
    std::sort(styles.begin(), styles.end());
  }
  if (diags.has_errors()) {  // nothing half-written may replace a good dist/
    fs::remove_all(tmp, ec);
    return false;
  }
  std::string html;
  if (!page_shell(proj, styles, dev, html, diags)) {
    fs::remove_all(tmp, ec);
    return false;
  }
  files.push_back({"index.html", std::vector<uint8_t>(html.begin(), html.end())});

  nlohmann::json manifest;
  manifest["name"] = proj.name;
  manifest["title"] = proj.title;
  manifest["dx"] = DX_VERSION;
  manifest["entry"] = "index.html";
  manifest["routes"] = nlohmann::json::array({{{"route", "/"}, {"page", proj.pages.empty() ? "" : proj.pages[0].path}}});
  nlohmann::json jfiles = nlohmann::json::object();
  for (auto& [name, bytes] : files) {
    fs::path dest = tmp / name;
    fs::create_directories(dest.parent_path(), ec);
    if (!write_file(dest, bytes)) {
      diags.error_at_path("DX0501", dest.string(), "cannot write");
      fs::remove_all(tmp, ec);
      return false;
    }
    FileReport rep{name, bytes.size(), 0, 0};
    nlohmann::json jf{{"bytes", bytes.size()}, {"sha256", sha256(bytes)}};
    if (!dev && compressible(name) && bytes.size() > 0) {
      std::vector<uint8_t> gz = gzip(bytes), br = brotli(bytes);
      write_file(tmp / (name + ".gz"), gz);
      write_file(tmp / (name + ".br"), br);
      rep.gzip = gz.size();
      rep.brotli = br.size();
      jf["gzip"] = gz.size();
      jf["br"] = br.size();
    }
    jfiles[name] = jf;
    report.push_back(rep);
  }
  manifest["files"] = jfiles;
  std::string mj = manifest.dump(2) + "\n";
  write_file(tmp / "manifest.json", std::vector<uint8_t>(mj.begin(), mj.end()));
  // Swap in the new dist/ (the old one, if any, is removed only once the new one is complete).
  fs::path old = out.string() + ".old-" + std::to_string(getpid());
  bool had = fs::exists(out, ec);
  if (had) fs::rename(out, old, ec);
  if (ec) {
    diags.error_at_path("DX0501", out.string(), "cannot replace the output directory: " + ec.message());
    fs::remove_all(tmp, ec);
    return false;
  }
  fs::rename(tmp, out, ec);
  if (ec) {
    diags.error_at_path("DX0501", out.string(), "cannot move the new output into place: " + ec.message());
    if (had) fs::rename(old, out, ec);
    return false;
  }
  if (had) fs::remove_all(old, ec);
  return true;
}

std::string size_report(const std::vector<FileReport>& report) {
  std::ostringstream s;
  char line[160];
  snprintf(line, sizeof line, "  %-24s %10s %10s %10s\n", "file", "bytes", "gzip", "brotli");
  s << line;
  size_t tb = 0, tg = 0, tr = 0;
  for (auto& f : report) {
    snprintf(line, sizeof line, "  %-24s %10zu %10s %10s\n", f.name.c_str(), f.bytes, f.gzip ? std::to_string(f.gzip).c_str() : "-",
             f.brotli ? std::to_string(f.brotli).c_str() : "-");
    s << line;
    tb += f.bytes;
    tg += f.gzip ? f.gzip : f.bytes;
    tr += f.brotli ? f.brotli : f.bytes;
  }
  snprintf(line, sizeof line, "  %-24s %10zu %10zu %10zu\n", "total", tb, tg, tr);
  s << line;
  return s.str();
}

}  // namespace dxc::package
