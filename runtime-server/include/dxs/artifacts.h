// dxs/artifacts.h — never trust a file: the checks dx-server runs on dist/ before it listens.
//
// Each validator takes the file's bytes and, on failure, returns false with what is wrong and the byte
// offset where it was found:
//   validate_dxb       app.dxb with dx::schema::DxbView::open (the same reader dxc inspect and the wasm
//                      runtime use; spec: schemas/dxb.md)
//   validate_wasm      app.wasm: the "\0asm" magic and binary version 1
//   validate_manifest  manifest.json: well-formed JSON whose top level is an object
//   validate_dxr       routes.dxr with dx::schema::DxrView::open (spec: schemas/dxr.md)
// validate_dist checks a loaded StaticSite: index.html must exist; app.dxb, app.wasm, manifest.json and
// routes.dxr are validated when present. Its message names the file as the user wrote it:
//   "dist/app.dxb: file_size does not match the file's length (truncated?) at offset 16".
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace dxs {

class StaticSite;

struct ArtifactError {
  std::string what;
  uint64_t offset = 0;
};

bool validate_dxb(std::string_view bytes, ArtifactError* err);
bool validate_wasm(std::string_view bytes, ArtifactError* err);
bool validate_manifest(std::string_view bytes, ArtifactError* err);
bool validate_dxr(std::string_view bytes, ArtifactError* err);

bool validate_dist(const StaticSite& site, const std::string& dist, std::string* err);

}  // namespace dxs
