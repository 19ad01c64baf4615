// page_render.cpp — PageRenderer (contract in dxs/page_render.h): load routes.dxr, the shell and app.so;
// per request, look the raw path up, decode the params, render in a fresh instance, fill the shell.
#include "dxs/page_render.h"

#include <sys/mman.h>
#include <zlib.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "dx/schema/dxb.h"
#include "dx/ssr/app_module.h"
#include "dx/ssr/snapshot.h"
#include "dx/ssr/stream_render.h"
#include "dxs/http1/parser.h"
#include "dxs/http1/response.h"
#include "dxs/http1/response_stream.h"
#include "dxs/static_site.h"

namespace fs = std::filesystem;

namespace dxs {
namespace {

using Params = dx::ssr::Params;

bool read_whole(const fs::path& p, std::string* out, std::string* why) {
  std::ifstream in(p, std::ios::binary);
  if (!in) { *why = std::strerror(errno); return false; }
  out->assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (in.bad()) { *why = "read failed"; return false; }
  return true;
}

// The path of a request-target normalize_target accepted: "/a/b?q" → "/a/b", "http://h/a?q" → "/a".
std::string_view raw_path(std::string_view target) {
  target = target.substr(0, target.find('?'));
  if (!target.empty() && target[0] == '/') return target;
  size_t colon = target.find("://");
  if (colon == std::string_view::npos) return "/";
  std::string_view rest = target.substr(colon + 3);
  size_t slash = rest.find('/');
  return slash == std::string_view::npos ? std::string_view("/") : rest.substr(slash);
}

// From the request's directory back to dist's root: "../" per '/' after the first ("/x" "", "/a/b/" "../../").
std::string up_prefix(std::string_view path) {
  std::string up;
  for (size_t i = 1; i < path.size(); ++i)
    if (path[i] == '/') up += "../";
  return up;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// %XX-decodes a raw param; false on a bad escape or when the result is not UTF-8.
bool percent_decode(std::string_view raw, std::string* out) {
  out->clear();
  for (size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] != '%') { out->push_back(raw[i]); continue; }
    if (raw.size() - i < 3) return false;
    int hi = hex_value(raw[i + 1]), lo = hex_value(raw[i + 2]);
    if (hi < 0 || lo < 0) return false;
    out->push_back(char(hi * 16 + lo));
    i += 2;
  }
  return dx::schema::valid_utf8(reinterpret_cast<const uint8_t*>(out->data()), uint32_t(out->size()));
}

std::string attribute_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

// `raw` decoded as URLSearchParams decodes a query's names and values (the WHATWG URL standard's
// application/x-www-form-urlencoded parser): '+' is a space, a %XX escape a byte and any other '%' itself, and
// the bytes read as UTF-8 with each invalid sequence replaced by U+FFFD, as a TextDecoder does.
std::string form_decode(std::string_view raw) {
  std::string bytes;
  for (size_t i = 0; i < raw.size(); ++i) {
    int hi = raw[i] == '%' && i + 2 < raw.size() ? hex_value(raw[i + 1]) : -1;
    int lo = hi >= 0 ? hex_value(raw[i + 2]) : -1;
    if (lo >= 0) bytes.push_back(char(hi * 16 + lo)), i += 2;
    else bytes.push_back(raw[i] == '+' ? ' ' : raw[i]);
  }
  std::string out;
  const auto* p = reinterpret_cast<const uint8_t*>(bytes.data());
  for (size_t i = 0, n = bytes.size(); i < n;) {
    uint8_t b = p[i];
    size_t len = b < 0x80 ? 1 : b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
    size_t ok = len ? 1 : 0;  // how many bytes of the sequence are valid so far
    for (; ok < len && i + ok < n; ++ok) {  // the second byte's range depends on the first (no overlongs, surrogates)
      uint8_t lo = 0x80, hi = 0xBF, c = p[i + ok];
      if (ok == 1) lo = b == 0xE0 ? 0xA0 : b == 0xF0 ? 0x90 : 0x80, hi = b == 0xED ? 0x9F : b == 0xF4 ? 0x8F : 0xBF;
      if (c < lo || c > hi) break;
    }
    if (len && ok == len) out.append(bytes, i, len), i += len;
    else out += "\xEF\xBF\xBD", i += ok ? ok : 1;  // U+FFFD for the maximal invalid subpart
  }
  return out;
}

// The name=value pairs of `query` (application/x-www-form-urlencoded: a URL's query, a POSTed form) appended
// to `params` in order, each name after `prefix` ("?" for the query, "=" for a form).
void append_form_params(std::string_view query, const char* prefix, Params* params) {
  while (!query.empty()) {
    size_t amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (pair.empty()) continue;
    size_t eq = pair.find('=');
    params->emplace_back(prefix + form_decode(pair.substr(0, eq)),
                         eq == std::string_view::npos ? std::string() : form_decode(pair.substr(eq + 1)));
  }
}

// The query of request-target `target` appended to `params` as "?name" params, in order.
void append_query_params(std::string_view target, Params* params) {
  size_t q = target.find('?');
  if (q == std::string_view::npos) return;
  std::string_view query = target.substr(q + 1);
  append_form_params(query.substr(0, query.find('#')), "?", params);
}

// Whether a Content-Type names application/x-www-form-urlencoded (what an HTML form sends by default).
bool is_urlencoded(std::string_view type) {
  type = type.substr(0, type.find(';'));
  while (!type.empty() && (type.back() == ' ' || type.back() == '\t')) type.remove_suffix(1);
  return http1::iequals(type, "application/x-www-form-urlencoded");
}

// {"name":"value",...} in order, ready for an attribute value; of a repeated name (a form's), the first, as the
// runtime reads it.
std::string params_attribute(const Params& params) {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  for (const auto& [name, value] : params)
    if (!j.contains(name)) j[name] = value;
  return attribute_escape(j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
}

// A page's body gzip-compressed in place when the client takes gzip and it is worth it (zlib level 1: a
// page made per request is compressed once, so speed matters more than the last percent). False: as is.
bool gzip_in_place(std::string* body) {
  if (body->size() < 1024 || body->size() > UINT32_MAX) return false;
  z_stream z{};
  if (deflateInit2(&z, 1, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) return false;
  thread_local std::string out;
  out.resize(deflateBound(&z, uLong(body->size())));
  z.next_in = reinterpret_cast<Bytef*>(body->data());
  z.avail_in = uInt(body->size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = uInt(out.size());
  bool ok = deflate(&z, Z_FINISH) == Z_STREAM_END;
  out.resize(z.total_out);
  deflateEnd(&z);
  if (!ok || out.size() >= body->size()) return false;
  body->swap(out);
  return true;
}

// The head of a page (the body is final: compressed when `gzip` allows it).
void page_head(int status, std::string_view reason, bool gzip, std::string* body, std::string* head) {
  bool gzipped = gzip && gzip_in_place(body);
  head->assign("HTTP/1.1 ");
  *head += std::to_string(status);
  *head += ' ';
  *head += reason;
  *head += "\r\nServer: dx\r\nContent-Type: text/html; charset=utf-8\r\nCache-Control: no-store\r\n"
           "X-Content-Type-Options: nosniff\r\nVary: Accept-Encoding\r\n";
  if (gzipped) *head += "Content-Encoding: gzip\r\n";
  *head += "Content-Length: ";
  *head += std::to_string(body->size());
  *head += "\r\n";
}

// A file of the dist as the user named it: "dist/_server/app.so".
std::string shown_path(const std::string& dist, std::string_view name) {
  std::string s = dist;
  if (s.empty() || s.back() != '/') s += '/';
  return s + std::string(name);
}

void error_page(int status, std::string_view reason, std::string* head, std::string* body, std::string_view extra = {}) {
  http1::Prebuilt p = http1::make_error_page(status, reason, extra);
  *head = p.head;
  *body = *p.body;
}

// dlopen of a private copy: glibc hands back an already loaded library for a path it has seen, so after a
// reload the same "dist/_server/app.so" would give the old generation. A memfd has a fresh name
// (/proc/self/fd/N, unique while the fd stays open) and inode. Without /proc: the file itself.
std::shared_ptr<dx::ssr::AppLibrary> open_library(const std::string& bytes, const std::string& file,
                                                  const std::string& shown, int* fd_out, std::string* err) {
  int fd = ::memfd_create("dx-app.so", MFD_CLOEXEC);
  for (size_t done = 0; fd >= 0 && done < bytes.size();) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) { ::close(fd); fd = -1; break; }
    done += size_t(n);
  }
  std::string path = fd >= 0 ? "/proc/self/fd/" + std::to_string(fd) : file;
  if (fd >= 0 && ::access(path.c_str(), R_OK) != 0) {
    ::close(fd);
    fd = -1;
    path = file;
  }
  std::string why;
  std::shared_ptr<dx::ssr::AppLibrary> lib = dx::ssr::AppLibrary::open(path, &why);
  if (!lib) {
    if (fd >= 0) ::close(fd);
    bool named = false;  // the loader names the file it opened: name the user's instead
    for (size_t at = 0; (at = why.find(path, at)) != std::string::npos; at += shown.size(), named = true)
      why.replace(at, path.size(), shown);
    *err = named ? why : shown + ": " + why;
    return nullptr;
  }
  *fd_out = fd;
  return lib;
}

}  // namespace

PageRenderer::~PageRenderer() {
  lib_.reset();  // dlclose first: the copy's name must not be reused while it is loaded
  if (so_fd_ >= 0) ::close(so_fd_);
}

bool PageRenderer::load(const StaticSite& site, const std::string& dist, std::shared_ptr<const PageRenderer>* out,
                        std::vector<std::string>* warnings, std::string* err, uint32_t render_timeout_ms) {
  out->reset();
  const std::string* dxr = site.file_bytes("/routes.dxr");
  const std::string* not_found_html = site.file_bytes("/404.html");
  if (!dxr && !not_found_html) return true;
  std::shared_ptr<PageRenderer> r(new PageRenderer);
  r->render_timeout_ms_ = render_timeout_ms;
  if (not_found_html) {
    r->not_found_html_ = *not_found_html;
    r->has_not_found_html_ = true;
  }
  if (dxr && !r->load_routes(*dxr, site, dist, warnings, err)) return false;
  if (r->lib_ || r->client_only_ || r->has_not_found_html_) *out = std::move(r);
  return true;
}

// routes.dxr, then (when a route needs it) the shell and app.so, and the 404 page's render.
bool PageRenderer::load_routes(const std::string& dxr, const StaticSite& site, const std::string& dist,
                               std::vector<std::string>* warnings, std::string* err) {
  auto shown = [&](std::string_view name) { return shown_path(dist, name); };
  dxr_bytes_ = dxr;
  dx::schema::DxrError e;
  if (dxr_bytes_.size() > UINT32_MAX ||
      !routes_.open(reinterpret_cast<const uint8_t*>(dxr_bytes_.data()), uint32_t(dxr_bytes_.size()), &e)) {
    *err = shown("routes.dxr") + ": " + (e.what ? e.what : "larger than 4 GiB") + " at offset " + std::to_string(e.offset);
    return false;
  }
  const uint32_t routes = routes_.route_count();
  if (const std::string* dxb = site.file_bytes("/app.dxb")) {  // validated with the dist (validate_dist)
    dx::schema::DxbView view;
    dx::schema::DxbError ignored;
    if (view.open(reinterpret_cast<const uint8_t*>(dxb->data()), uint32_t(dxb->size()), &ignored) &&
        routes > view.page_count()) {
      *err = shown("routes.dxr") + ": " + std::to_string(routes) + " routes but app.dxb has " +
             std::to_string(view.page_count()) + " pages (route i is page i)";
      return false;
    }
  }
  not_found_ = routes_.not_found();
  if (not_found_ != dx::schema::kDxrNone && not_found_ >= routes) {
    *err = shown("routes.dxr") + ": not_found is route " + std::to_string(not_found_) + " of " + std::to_string(routes) +
           " at offset 40";
    return false;
  }
  per_request_.assign(routes, false);
  for (uint32_t i = 0; i < routes; ++i) {
    if (i == not_found_) continue;
    dx::schema::DxrRoute route = routes_.route(i);
    dx::schema::DxrView::Str pattern = routes_.pattern(route);
    std::string file;
    if (route.param_count == 0 && percent_decode({reinterpret_cast<const char*>(pattern.data), pattern.size}, &file))
      per_request_[i] = !site.file_bytes(file + (file == "/" ? "index.html" : "/index.html"));
    else
      per_request_[i] = true;
    dynamic_routes_ += per_request_[i];
  }
  if (!dynamic_routes_ && not_found_ == dx::schema::kDxrNone) return true;

  const std::string so_name = "_server/app.so", shell_name = "_server/shell.html";
  fs::path root(dist);
  std::error_code ec;
  bool have_so = fs::is_regular_file(root / so_name, ec), have_shell = fs::is_regular_file(root / shell_name, ec);
  if (have_shell && !have_so) {  // dxc serve, --no-ssr: the browser renders these pages from the shell
    std::string shell, why;
    if (!read_whole(root / shell_name, &shell, &why)) { *err = shown(shell_name) + ": cannot read: " + why; return false; }
    parse_shell(shell);
    client_only_ = true;
    return true;
  }
  if (!have_so || !have_shell) {
    if (dynamic_routes_)
      warnings->push_back(shown(have_so ? shell_name : so_name) + ": missing (a build with --no-ssr?): " +
                          std::to_string(dynamic_routes_) +
                          (dynamic_routes_ == 1 ? " route rendered per request answers 404"
                                                : " routes rendered per request answer 404"));
    return true;
  }
  std::string shell, so, why;
  if (!read_whole(root / shell_name, &shell, &why)) { *err = shown(shell_name) + ": cannot read: " + why; return false; }
  if (!read_whole(root / so_name, &so, &why)) { *err = shown(so_name) + ": cannot read: " + why; return false; }
  parse_shell(shell);
  lib_ = open_library(so, (root / so_name).string(), shown(so_name), &so_fd_, err);
  if (!lib_) return false;
  lib_->set_time_limit_ms(render_timeout_ms_);
  if (not_found_ != dx::schema::kDxrNone) {
    std::string threw;
    not_found_rendered_ = render(not_found_, {}, &not_found_page_, &threw);
    if (!not_found_rendered_)
      warnings->push_back(shown(so_name) + ": the 404 page (page " + std::to_string(not_found_) + ") threw: " + threw +
                          (has_not_found_html_ ? "; 404s get 404.html" : "; 404s get a plain page"));
  }
  return true;
}

// Splits the shell once at its placeholders; an unknown "{{dx:...}}" stays text.
void PageRenderer::parse_shell(std::string_view shell) {
  static constexpr std::pair<std::string_view, Slot> kTags[] = {{"{{dx:up}}", Slot::kUp},
                                                                 {"{{dx:page}}", Slot::kPage},
                                                                 {"{{dx:params}}", Slot::kParams},
                                                                 {"{{dx:body}}", Slot::kBody},
                                                                 {"{{dx:state}}", Slot::kState}};
  shell_.clear();
  Part part;
  size_t from = 0;
  for (size_t at; (at = shell.find("{{dx:", from)) != std::string_view::npos;) {
    Slot slot = Slot::kEnd;
    size_t len = 0;
    for (const auto& [tag, s] : kTags)
      if (shell.substr(at, tag.size()) == tag) slot = s, len = tag.size();
    if (slot == Slot::kEnd) {  // not ours: keep it as text
      part.text += shell.substr(from, at + 5 - from);
      from = at + 5;
      continue;
    }
    part.text += shell.substr(from, at - from);
    part.slot = slot;
    shell_.push_back(std::move(part));
    part = Part();
    from = at + len;
  }
  part.text += shell.substr(from);
  shell_.push_back(std::move(part));
}

bool PageRenderer::render(uint32_t page, const Params& params, Rendered* out, std::string* err) const {
  if (client_only_) {  // no server render: an empty mount element, no snapshot; dx.js runs dx_start(page)
    *out = Rendered();
    return true;
  }
  dx::ssr::Resumable r;
  if (!dx::ssr::render_entry_resumable(lib_, &r, err, page, &params)) return false;
  out->body = std::move(r.html);
  out->snapshot = std::move(r.snapshot);
  return true;
}

void PageRenderer::assemble(std::string_view up, uint32_t page, std::string_view params_attr, const Rendered& r,
                            std::string* out) const {
  out->clear();
  size_t size = r.body.size() + (r.snapshot.size() + 2) / 3 * 4 + 80;
  for (const Part& p : shell_) size += p.text.size() + (p.slot == Slot::kParams ? params_attr.size() : 8);
  out->reserve(size);
  fill_parts(shell_, {up, std::to_string(page), params_attr, r.body, &r.snapshot}, out);
}

void PageRenderer::fill_parts(std::span<const Part> parts, const Fill& fill, std::string* out) {
  for (const Part& p : parts) {
    *out += p.text;
    switch (p.slot) {
      case Slot::kEnd: break;
      case Slot::kUp: *out += fill.up; break;
      case Slot::kPage: *out += fill.page; break;
      case Slot::kParams: *out += fill.params_attr; break;
      case Slot::kBody: *out += fill.body; break;
      case Slot::kState:  // the snapshot's <script>, base64 written in place
        if (!fill.snapshot || fill.snapshot->empty()) break;
        *out += "<script type=\"application/dx-state\" id=\"dx-state\">";
        dx::ssr::append_base64(*out, *fill.snapshot);
        *out += "</script>\n";
        break;
    }
  }
}

// A page streamed with its <Suspense> boundaries held back (schemas/stream.md), for dx-server's test hook:
// the shell up to its state slot with the fallbacks marked, then one boundary's chunks every `hold_ms`, then
// the snapshot (the DATA chunk) and the rest of the shell. A boundary that throws ends the stream without a
// snapshot: the browser then renders the page itself. For a client that takes gzip, one gzip stream over the
// whole body, each piece flushed (Z_SYNC_FLUSH) so the browser can show it at once.
class PageRenderer::Stream final : public http1::ResponseStream {
 public:
  Stream(std::unique_ptr<dx::ssr::StreamRender> render, std::vector<Part> parts, std::string up, std::string page,
         std::string params_attr, std::string what, uint32_t hold_ms, bool gzip)
      : render_(std::move(render)), parts_(std::move(parts)), up_(std::move(up)), page_(std::move(page)),
        params_attr_(std::move(params_attr)), what_(std::move(what)), hold_ms_(hold_ms) {
    state_at_ = parts_.size();
    for (size_t i = 0; i < parts_.size() && state_at_ == parts_.size(); ++i)
      if (parts_[i].slot == Slot::kState) state_at_ = i;
    gzip_ = gzip && deflateInit2(&z_, 1, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) == Z_OK;
  }
  ~Stream() override {
    if (gzip_) deflateEnd(&z_);
  }

  std::string_view extra_headers() const override {
    return gzip_ ? "Content-Encoding: gzip\r\nVary: Accept-Encoding\r\n" : "Vary: Accept-Encoding\r\n";
  }

  Step next(int64_t now_ms, std::string& out, int64_t* wake_ms) override {
    if (!gzip_) return produce(now_ms, out, wake_ms);
    std::string& raw = raw_;
    raw.clear();
    Step step = produce(now_ms, raw, wake_ms);
    if (step != Step::kData) return step;
    z_.next_in = reinterpret_cast<Bytef*>(raw.data());
    z_.avail_in = uInt(raw.size());
    int flush = phase_ == Phase::kDone ? Z_FINISH : Z_SYNC_FLUSH;
    do {
      size_t at = out.size();
      out.resize(at + 16384);
      z_.next_out = reinterpret_cast<Bytef*>(out.data() + at);
      z_.avail_out = 16384;
      deflate(&z_, flush);
      out.resize(out.size() - z_.avail_out);
    } while (z_.avail_out == 0);
    return Step::kData;
  }

 private:
  Step produce(int64_t now_ms, std::string& out, int64_t* wake_ms) {
    std::string err;
    switch (phase_) {
      case Phase::kShell: {
        std::string body;
        if (!render_->append_shell(body, &err)) return fail(err, out);
        fill_parts(std::span(parts_).first(state_at_), {up_, page_, params_attr_, body, nullptr}, &out);
        if (state_at_ < parts_.size()) out += parts_[state_at_].text;  // the state slot waits for the boundaries
        phase_ = Phase::kBoundaries;
        next_ms_ = now_ms + hold_ms_;
        return Step::kData;
      }
      case Phase::kBoundaries:
        while (render_->pending()) {
          if (now_ms < next_ms_) {
            *wake_ms = next_ms_;
            return Step::kWait;
          }
          if (!render_->release_next(out, &err)) return fail(err, out);
          next_ms_ = now_ms + hold_ms_;
          if (!out.empty()) return Step::kData;
        }
        {
          dx::ssr::Resumable r;
          if (!render_->finish(&r, &err)) return fail(err, out);
          end(&r.snapshot, out);
        }
        return Step::kData;
      case Phase::kDone: break;
    }
    return Step::kEnd;
  }

  enum class Phase : uint8_t { kShell, kBoundaries, kDone };
  // The state slot (the snapshot, when there is one) and the rest of the shell.
  void end(const std::vector<uint8_t>* snapshot, std::string& out) {
    if (state_at_ < parts_.size()) {
      const Part slot{"", Slot::kState};
      fill_parts(std::span(&slot, 1), {up_, page_, params_attr_, "", snapshot}, &out);
      fill_parts(std::span(parts_).subspan(state_at_ + 1), {up_, page_, params_attr_, "", snapshot}, &out);
    }
    phase_ = Phase::kDone;
  }
  Step fail(const std::string& err, std::string& out) {
    std::fprintf(stderr, "dx-server: %s threw while streaming: %s\n", what_.c_str(), err.c_str());
    end(nullptr, out);
    return Step::kData;
  }

  std::unique_ptr<dx::ssr::StreamRender> render_;
  std::vector<Part> parts_;
  std::string up_, page_, params_attr_, what_;
  uint32_t hold_ms_;
  size_t state_at_;
  Phase phase_ = Phase::kShell;
  int64_t next_ms_ = 0;
  bool gzip_ = false;
  z_stream z_{};
  std::string raw_;  // a piece before compression
};

bool PageRenderer::respond(std::string_view target, bool gzip, std::string* head, std::string* body, uint32_t hold_ms,
                           std::unique_ptr<http1::ResponseStream>* stream, const FormPost* post) const {
  std::string_view path = raw_path(target);
  dx::schema::DxrMatch m;
  if ((lib_ || client_only_) && dynamic_routes_ && routes_.lookup(path.data(), uint32_t(path.size()), &m) &&
      m.route < per_request_.size() && per_request_[m.route]) {
    dx::schema::DxrRoute route = routes_.route(m.route);
    Params params(m.param_count);
    for (uint32_t k = 0; k < m.param_count; ++k) {
      dx::schema::DxrView::Str name = routes_.param_name(route, k);
      params[k].first.assign(reinterpret_cast<const char*>(name.data), name.size);
      if (!percent_decode(path.substr(m.params[k].offset, m.params[k].size), &params[k].second)) {
        error_page(400, "Bad Request", head, body);
        return true;
      }
    }
    if (post) {  // a POSTed form: only to a page that reads one, as a form sends it
      if (!(route.flags & dx::schema::kDxrRouteForm)) {
        error_page(405, "Method Not Allowed", head, body, "Allow: GET, HEAD\r\n");
        return true;
      }
      if (!is_urlencoded(post->content_type)) {
        error_page(415, "Unsupported Media Type", head, body);
        return true;
      }
      append_form_params(post->body, "=", &params);
    }
    // The route's params and a form's fields: dx.js reads the query itself.
    const std::string params_attr = params_attribute(params);
    append_query_params(target, &params);
    Rendered r;
    std::string threw;
    auto what = [&] {  // how reports name the request (made only for one)
      dx::schema::DxrView::Str pattern = routes_.pattern(route);
      return std::string(path) + " (route " + std::string(reinterpret_cast<const char*>(pattern.data), pattern.size) +
             ", page " + std::to_string(m.route) + ")";
    };
    bool ok;
    if (hold_ms && stream && lib_) {  // the test hook: hold the page's <Suspense> boundaries back and stream it
      auto sr = std::make_unique<dx::ssr::StreamRender>(lib_);
      ok = sr->start(m.route, &params, true, &threw);
      if (ok && sr->pending()) {
        *stream = std::make_unique<Stream>(std::move(sr), shell_, up_prefix(path), std::to_string(m.route), params_attr,
                                           what(), hold_ms, gzip);
        return true;
      }
      dx::ssr::Resumable whole;  // nothing held: this render is the page
      ok = ok && sr->finish(&whole, &threw);
      r.body = std::move(whole.html);
      r.snapshot = std::move(whole.snapshot);
    } else {
      ok = render(m.route, params, &r, &threw);
    }
    if (!ok) {
      std::fprintf(stderr, "dx-server: %s threw: %s\n", what().c_str(), threw.c_str());
      error_page(500, "Internal Server Error", head, body);
      return true;
    }
    assemble(up_prefix(path), m.route, params_attr, r, body);
    page_head(200, "OK", gzip, body, head);
    return true;
  }
  if (not_found_rendered_ || (client_only_ && not_found_ != dx::schema::kDxrNone)) {
    assemble(up_prefix(path), not_found_, "{}", not_found_page_, body);
  } else if (has_not_found_html_) {
    *body = not_found_html_;
  } else {
    return false;
  }
  page_head(404, "Not Found", gzip, body, head);
  return true;
}

}  // namespace dxs
