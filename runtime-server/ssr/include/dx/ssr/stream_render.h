// dx/ssr/stream_render.h — a page rendered for streaming (schemas/stream.md): <Suspense> boundaries held
// back, the document's markup first with their fallbacks marked, then each boundary's content as a TEMPLATE
// and an ACTIVATE chunk, then the snapshot (DATA) of the final state, which is the state a render without
// holding would have had: dx.js resumes the page from it once the stream ends.
//
// Until loaders exist nothing makes a boundary wait by itself: dx-server holds boundaries only for its test
// hook, and releases them in creation order, oldest first (a boundary inside a released one is held in turn).
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "dx/ssr/app_module.h"

namespace dx::ssr {

class StreamRender {
 public:
  explicit StreamRender(std::shared_ptr<AppLibrary> lib);

  // dx_start of page `page` with boundaries held (`hold`), or as a plain render. False with `err` on a trap.
  bool start(uint32_t page, const Params* params, bool hold, std::string* err);
  // A boundary is still held back.
  bool pending() const { return !held_.empty(); }
  // The mount element's children with every held boundary marked (call once, right after start).
  bool append_shell(std::string& out, std::string* err) const;
  // Shows the oldest held boundary and appends its chunks. False with `err` on a trap (the stream should end
  // without a snapshot: the browser then renders the page itself).
  bool release_next(std::string& out, std::string* err);
  // Stops holding; the whole page as a plain render gives it (html: the mount element's children; snapshot).
  bool finish(Resumable* out, std::string* err);

 private:
  bool read_table(std::string* err);
  std::shared_ptr<AppLibrary> lib_;
  AppInstance inst_;
  HtmlDoc doc_;
  std::vector<HtmlDoc::Boundary> held_;      // creation order
  std::vector<HtmlDoc::Boundary> released_;  // the last read of the table: boundaries shown since
};

// The chunks of one boundary (schemas/stream.md), `content` its nodes' HTML.
void append_boundary_chunks(std::string& out, uint32_t id, std::string_view content);

}  // namespace dx::ssr
