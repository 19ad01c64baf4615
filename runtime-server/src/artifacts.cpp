// artifacts.cpp — the artifact validators (contracts in dxs/artifacts.h).
#include "dxs/artifacts.h"

#include <nlohmann/json.hpp>

#include "dx/schema/dxb.h"
#include "dx/schema/dxr.h"
#include "dxs/static_site.h"

namespace dxs {
namespace {

bool fail(ArtifactError* err, std::string what, uint64_t offset) {
  if (err) { err->what = std::move(what); err->offset = offset; }
  return false;
}

// The offset of the first byte that is not JSON whitespace (where a non-object value starts).
uint64_t first_value_offset(std::string_view s) {
  size_t i = s.find_first_not_of(" \t\r\n");
  return i == std::string_view::npos ? s.size() : i;
}

}  // namespace

bool validate_dxb(std::string_view bytes, ArtifactError* err) {
  if (bytes.size() > UINT32_MAX) return fail(err, "larger than 4 GiB", UINT32_MAX);
  dx::schema::DxbView view;
  dx::schema::DxbError e;
  if (view.open(reinterpret_cast<const uint8_t*>(bytes.data()), uint32_t(bytes.size()), &e)) return true;
  return fail(err, e.what ? e.what : "invalid", e.offset);
}

bool validate_dxr(std::string_view bytes, ArtifactError* err) {
  if (bytes.size() > UINT32_MAX) return fail(err, "larger than 4 GiB", UINT32_MAX);
  dx::schema::DxrView view;
  dx::schema::DxrError e;
  if (view.open(reinterpret_cast<const uint8_t*>(bytes.data()), uint32_t(bytes.size()), &e)) return true;
  return fail(err, e.what ? e.what : "invalid", e.offset);
}

bool validate_wasm(std::string_view bytes, ArtifactError* err) {
  static constexpr unsigned char kMagic[4] = {0x00, 0x61, 0x73, 0x6d};
  if (bytes.size() < 8) return fail(err, "file shorter than the 8-byte WebAssembly header", bytes.size() < 4 ? 0 : 4);
  for (size_t i = 0; i < 4; ++i)
    if (static_cast<unsigned char>(bytes[i]) != kMagic[i]) return fail(err, "bad magic (not a WebAssembly module)", 0);
  uint32_t version = dx::schema::load_u32(reinterpret_cast<const uint8_t*>(bytes.data()) + 4);
  if (version != 1) return fail(err, "unsupported WebAssembly version " + std::to_string(version) + " (expected 1)", 4);
  return true;
}

bool validate_manifest(std::string_view bytes, ArtifactError* err) {
  try {
    nlohmann::json j = nlohmann::json::parse(bytes.begin(), bytes.end());
    if (!j.is_object()) return fail(err, std::string("top level is a JSON ") + j.type_name() + ", not an object",
                                    first_value_offset(bytes));
    return true;
  } catch (const nlohmann::json::parse_error& e) {
    // e.byte counts from 1 and points at the byte that made the text invalid.
    std::string what = e.what();
    // nlohmann's message: "[json.exception.parse_error.101] parse error at line 1, column 2: <detail>".
    size_t column = what.find("column ");
    size_t colon = column == std::string::npos ? std::string::npos : what.find(": ", column);
    return fail(err, "invalid JSON: " + (colon == std::string::npos ? what : what.substr(colon + 2)),
                e.byte > 0 ? e.byte - 1 : 0);
  }
}

bool validate_dist(const StaticSite& site, const std::string& dist, std::string* err) {
  auto shown = [&](std::string_view name) {
    std::string s = dist;
    if (s.empty() || s.back() != '/') s += '/';
    return s + std::string(name);
  };
  if (!site.find("/index.html")) {
    *err = shown("index.html") + ": missing (a dist directory must have an index.html)";
    return false;
  }
  struct Check {
    const char* name;
    bool (*validate)(std::string_view, ArtifactError*);
  };
  static constexpr Check kChecks[] = {
      {"app.dxb", validate_dxb}, {"app.wasm", validate_wasm}, {"manifest.json", validate_manifest},
      {"routes.dxr", validate_dxr}};
  for (const Check& c : kChecks) {
    const std::string* bytes = site.file_bytes(std::string("/") + c.name);
    if (!bytes) continue;
    ArtifactError e;
    if (!c.validate(*bytes, &e)) {
      *err = shown(c.name) + ": " + e.what + " at offset " + std::to_string(e.offset);
      return false;
    }
  }
  return true;
}

}  // namespace dxs
