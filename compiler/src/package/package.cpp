#include "package/package.h"

#include <brotli/encode.h>
#include <openssl/evp.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <system_error>
#include <thread>

#include "common/files.h"
#include "common/parallel.h"
#include "dx/ssr/snapshot.h"

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

std::vector<uint8_t> brotli(const std::vector<uint8_t>& in, int quality) {
  size_t n = BrotliEncoderMaxCompressedSize(in.size());
  std::vector<uint8_t> out(n ? n : 64);
  size_t size = out.size();
  if (!BrotliEncoderCompress(quality, BROTLI_DEFAULT_WINDOW, BROTLI_MODE_GENERIC, in.size(), in.data(), &size, out.data()))
    return {};
  out.resize(size);
  return out;
}

// The .gz and .br copies of `inputs` (null: not compressed), computed on every core, longest job first: brotli
// at its highest quality (11) costs ~1.2 s per MB on one core here, by far the slowest step of a build after the
// optimizer, so only inputs up to `best_quality_limit` get it (package.h). Quality 9 runs too and the smaller .br
// is kept: quality 11 usually wins, but not always (on a 474 KB app.dxb quality 9 made 34.7 KB and quality 11
// 41.3 KB), and quality 9 costs ~3 % of quality 11.
struct Compressed {
  std::vector<uint8_t> gz, br;
};
std::vector<Compressed> compress_all(const std::vector<const std::vector<uint8_t>*>& inputs, size_t best_quality_limit) {
  struct Job {
    size_t file;
    int kind;  // 0 gzip, else the brotli quality
    double cost;
  };
  std::vector<Job> jobs;
  for (size_t i = 0; i < inputs.size(); ++i) {
    if (!inputs[i]) continue;
    double n = double(inputs[i]->size());
    if (inputs[i]->size() <= best_quality_limit) jobs.push_back({i, BROTLI_MAX_QUALITY, 50 * n});
    jobs.push_back({i, 0, 3 * n});
    jobs.push_back({i, 9, 2 * n});
  }
  std::sort(jobs.begin(), jobs.end(), [](const Job& a, const Job& b) { return a.cost > b.cost; });
  std::vector<Compressed> out(inputs.size());
  std::vector<std::vector<uint8_t>> q9(inputs.size());
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t j; (j = next.fetch_add(1)) < jobs.size();) {
      const Job& job = jobs[j];
      const std::vector<uint8_t>& in = *inputs[job.file];
      if (job.kind == 0) out[job.file].gz = gzip(in);
      else if (job.kind == 9) q9[job.file] = brotli(in, 9);
      else out[job.file].br = brotli(in, job.kind);
    }
  };
  on_every_core(jobs.size(), work);
  for (size_t i = 0; i < inputs.size(); ++i)
    if (!q9[i].empty() && (out[i].br.empty() || q9[i].size() < out[i].br.size())) out[i].br = std::move(q9[i]);
  return out;
}

// The background compression precompress() started: the bytes, and their copies once `worker` is joined.
struct Precompressed {
  std::vector<std::vector<uint8_t>> inputs;
  std::vector<Compressed> out;
  std::thread worker;
  ~Precompressed() {
    if (worker.joinable()) worker.join();
  }
};
std::unique_ptr<Precompressed> g_pre;

// compress_all, taking the copies of inputs precompress() already has.
std::vector<Compressed> compress_with_precompressed(std::vector<const std::vector<uint8_t>*> inputs, size_t best_quality_limit) {
  std::unique_ptr<Precompressed> pre = std::move(g_pre);
  if (pre && pre->worker.joinable()) pre->worker.join();
  std::vector<std::pair<size_t, size_t>> taken;  // (input, precompressed)
  for (size_t i = 0; pre && i < inputs.size(); ++i)
    for (size_t j = 0; inputs[i] && j < pre->inputs.size(); ++j)
      if (*inputs[i] == pre->inputs[j] && !pre->out[j].gz.empty()) {
        taken.push_back({i, j});
        inputs[i] = nullptr;
        break;
      }
  std::vector<Compressed> out = compress_all(inputs, best_quality_limit);
  for (auto [i, j] : taken) out[i] = std::move(pre->out[j]);
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

bool compressible(const std::string& name) {
  for (const char* ext : {".html", ".js", ".css", ".wasm", ".dxb", ".json", ".svg", ".txt"})
    if (name.size() >= std::strlen(ext) && name.compare(name.size() - std::strlen(ext), std::strlen(ext), ext) == 0) return true;
  return false;
}

// The tags dxc adds to the page's <head>: stylesheets from public/, the wasm preload and dx.js (told the
// mount element's id when it is not the default), and in dev builds the live-reload client.
// `up` leads from the page's folder back to dist/ ("" for /, "../" for /about, which is about/index.html);
// `page_attrs` are more attributes of dx.js's <script>: the page's dxb ENTRY index (data-page) when not 0.
std::string head_tags(const Project& proj, const std::vector<std::string>& styles, bool dev, const std::string& icon,
                      const std::string& up, const std::string& page_attrs) {
  std::string h;
  for (auto& s : styles) h += "<link rel=\"stylesheet\" href=\"" + up + html_escape(s) + "\">\n";
  h += icon + "<link rel=\"preload\" href=\"" + up + "app.wasm\" as=\"fetch\" type=\"application/wasm\" crossorigin>\n<script src=\"" + up + "dx.js\"";
  if (proj.root_id != "dx-root") h += " data-root=\"" + html_escape(proj.root_id) + "\"";
  h += page_attrs + " defer></script>\n";
  return dev ? h + "<script type=\"module\" src=\"" + up + "_dx/dev.js\"></script>\n" : h;
}

std::string lower_ascii(std::string s) {
  for (char& c : s) c = char(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return s;
}

// The prerendered entry page goes right after the mount element's start tag (page_shell checked it exists;
// whatever the shell had inside it follows, and dx.js replaces both when it starts).
void insert_into_mount(const Project& proj, std::string& html, const std::string& inner) {
  for (const std::string& attr : {"id=\"" + proj.root_id + "\"", "id='" + proj.root_id + "'"}) {
    size_t at = html.find(attr);
    if (at == std::string::npos) continue;
    size_t gt = html.find('>', at + attr.size());
    if (gt != std::string::npos) html.insert(gt + 1, inner);
    return;
  }
}

// The resumption snapshot, base64 in an inert <script> that dx.js reads (schemas/snapshot.md), at the end of
// the body so the content comes first.
void insert_state(std::string& html, const std::vector<uint8_t>& snapshot) {
  std::string tag = "<script type=\"application/dx-state\" id=\"dx-state\">" + dx::ssr::base64(snapshot) + "</script>\n";
  size_t body_end = lower_ascii(html).rfind("</body>");
  html.insert(body_end == std::string::npos ? html.size() : body_end, tag);
}

// index.html: the project's own `index.html` (a shell, as in Vite) with dxc's tags inserted before </head>,
// or a generated page. The shell must have a </head> and the mount element (id = config "root").
bool page_shell(const Project& proj, const std::vector<std::string>& styles, bool dev, std::string& html, Diagnostics& diags,
                const std::string& up = "", const std::string& page_attrs = "") {
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
    html.insert(head_end, head_tags(proj, styles, dev, "", up, page_attrs));
    return true;
  }
  html = "<!doctype html>\n<html lang=\"" + html_escape(proj.lang) + "\">\n<head>\n<meta charset=\"utf-8\">\n" +
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" + html_escape(proj.title) + "</title>\n";
  bool has_icon = fs::is_regular_file(fs::path(proj.root) / "public" / "favicon.ico", ec);  // else no request for /favicon.ico
  std::string icon = std::string("<link rel=\"icon\" href=\"") + (has_icon ? up + "favicon.ico" : "data:,") + "\">\n";
  html += head_tags(proj, styles, dev, icon, up, page_attrs) + "</head>\n<body>\n<div id=\"" + html_escape(proj.root_id) + "\"></div>\n</body>\n</html>\n";
  return true;
}

}  // namespace

bool package(const Project& proj, const EmitResult& r, const std::string& runtime_dir, const std::string& out_dir,
             std::vector<FileReport>& report, Diagnostics& diags, bool dev, const native::ServerModule* server,
             size_t best_quality_limit) {
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
  // The build's id on every page's dx.js <script> (data-build): the module and templates a page's snapshot
  // and node ids belong to. dx.js navigates on the client only to a page of the build it runs (a deploy since
  // the first load makes the next navigation a full load).
  std::vector<uint8_t> both(r.wasm);
  both.insert(both.end(), r.dxb.begin(), r.dxb.end());
  const std::string build_attr = " data-build=\"" + sha256(both).substr(0, 16) + "\"";
  // dx.js, and in dev builds the live-reload client as _dx/dev.js, from the runtime directory. An app with one
  // page and no params gets dx-spa.js as its dx.js: the same file without client navigation
  // (runtime-wasm/CMakeLists.txt), which such an app never uses. Apps whose config asks for it ("hbtp": true)
  // get the variant with the HBTP client, window.__dx.hbtp (dev.js has its own copy).
  bool one_page = proj.pages.size() == 1 && !proj.pages[0].dynamic();
  std::string dx_js = std::string(one_page ? "dx-spa" : "dx") + (proj.hbtp ? "-hbtp" : "") + ".js";
  std::vector<std::string> runtime_files = {dx_js};
  if (dev) runtime_files.push_back("dev.js");
  for (const std::string& js : runtime_files) {
    files.push_back({js == runtime_files[0] ? "dx.js" : "_dx/" + js, read_bytes(fs::path(runtime_dir) / js)});
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
      bool page_html = false;  // a page's HTML file: about/index.html for /about
      for (const PageFile& pg : proj.pages) page_html |= rel == pg.html_file();
      if (rel == "index.html" || page_html || rel == "routes.dxr" || rel == "dx.js" || rel.rfind("app.", 0) == 0 || rel == "manifest.json" || rel.rfind("_server/", 0) == 0 ||
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
  // One HTML file per page without params: / is index.html, /about is about/index.html (dx-server and static
  // hosts serve /about/ from it, and answer /about with a redirect there), the 404 page is 404.html.
  bool dynamic = false;
  for (size_t i = 0; i < proj.pages.size(); i++) {
    const PageFile& pg = proj.pages[i];
    dynamic |= pg.dynamic();
    if (pg.dynamic()) continue;
    std::string file = pg.html_file(), up;
    for (char c : file)
      if (c == '/') up += "../";
    std::string html;
    if (!page_shell(proj, styles, dev, html, diags, up, (i ? " data-page=\"" + std::to_string(i) + "\"" : "") + build_attr)) {
      fs::remove_all(tmp, ec);
      return false;
    }
    if (server && i < server->pages.size()) {
      insert_into_mount(proj, html, server->pages[i].html);
      if (!server->pages[i].snapshot.empty()) insert_state(html, server->pages[i].snapshot);  // none: the client renders
    }
    files.push_back({file, std::vector<uint8_t>(html.begin(), html.end())});
  }
  // Pages with params: dx-server renders them per request into _server/shell.html, the same page document with
  // placeholders (runtime-server/README-server.md): {{dx:up}} the relative way back to dist/, {{dx:page}} the
  // ENTRY index, {{dx:params}} the params as attribute-escaped JSON, {{dx:body}} the rendered page, {{dx:state}}
  // the snapshot's <script>. dx.js loads `async` there (with `defer` beside it, `async` wins): a page dx-server
  // streams (schemas/stream.md) is shown boundary by boundary as its chunks arrive, which needs dx.js running
  // before the document ends; it still waits for the whole document before it resumes.
  if (dynamic) {
    std::string html;
    if (!page_shell(proj, styles, dev, html, diags, "{{dx:up}}", " data-page=\"{{dx:page}}\" data-params=\"{{dx:params}}\"" + build_attr + " async")) {
      fs::remove_all(tmp, ec);
      return false;
    }
    insert_into_mount(proj, html, "{{dx:body}}");
    size_t body_end = lower_ascii(html).rfind("</body>");
    html.insert(body_end == std::string::npos ? html.size() : body_end, "{{dx:state}}");
    files.push_back({"_server/shell.html", std::vector<uint8_t>(html.begin(), html.end())});
  }
  files.push_back({"routes.dxr", proj.routes_dxr});
  if (server) files.push_back({"_server/app.so", server->so});

  nlohmann::json manifest;
  manifest["name"] = proj.name;
  manifest["title"] = proj.title;
  manifest["dx"] = DX_VERSION;
  manifest["entry"] = "index.html";
  manifest["routes"] = nlohmann::json::array();
  for (const PageFile& pg : proj.pages) {
    nlohmann::json jr{{"route", pg.not_found ? nlohmann::json() : nlohmann::json(pg.route)}, {"page", pg.path},
                      {"html", pg.html_file().empty() ? nlohmann::json() : nlohmann::json(pg.html_file())}, {"params", pg.params}};
    if (pg.not_found) jr["not_found"] = true;
    if (!pg.layouts.empty()) jr["layouts"] = pg.layouts;
    manifest["routes"].push_back(std::move(jr));
  }
  nlohmann::json jfiles = nlohmann::json::object();
  std::vector<const std::vector<uint8_t>*> to_compress;
  for (auto& [name, bytes] : files)  // _server/ is never served
    to_compress.push_back(!dev && compressible(name) && !bytes.empty() && name.rfind("_server/", 0) != 0 ? &bytes : nullptr);
  std::vector<Compressed> compressed = compress_with_precompressed(to_compress, best_quality_limit);
  for (size_t i = 0; i < files.size(); ++i) {
    const auto& [name, bytes] = files[i];
    fs::path dest = tmp / name;
    fs::create_directories(dest.parent_path(), ec);
    if (!write_bytes(dest, bytes)) {
      diags.error_at_path("DX0501", dest.string(), "cannot write");
      fs::remove_all(tmp, ec);
      return false;
    }
    FileReport rep{name, bytes.size(), 0, 0};
    nlohmann::json jf{{"bytes", bytes.size()}, {"sha256", sha256(bytes)}};
    if (to_compress[i]) {
      const Compressed& c = compressed[i];
      write_bytes(tmp / (name + ".gz"), c.gz);
      write_bytes(tmp / (name + ".br"), c.br);
      rep.gzip = c.gz.size();
      rep.brotli = c.br.size();
      jf["gzip"] = c.gz.size();
      jf["br"] = c.br.size();
    }
    jfiles[name] = jf;
    report.push_back(rep);
  }
  manifest["files"] = jfiles;
  std::string mj = manifest.dump(2) + "\n";
  write_bytes(tmp / "manifest.json", std::vector<uint8_t>(mj.begin(), mj.end()));
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

void precompress(const EmitResult& r, size_t best_quality_limit) {
  g_pre.reset();  // (joins a previous one)
  auto pre = std::make_unique<Precompressed>();
  pre->inputs = {r.wasm, r.dxb};
  Precompressed* p = pre.get();
  try {
    p->worker = std::thread([p, best_quality_limit] { p->out = compress_all({&p->inputs[0], &p->inputs[1]}, best_quality_limit); });
  } catch (const std::system_error&) {
    return;  // no thread: package() compresses them as usual
  }
  g_pre = std::move(pre);
}

}  // namespace dxc::package
