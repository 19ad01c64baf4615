// File routing: page files under pages/ → route patterns → routes.dxr (schemas/dxr.md).
//
//   index.tsx → /          about.tsx → /about        blog/index.tsx → /blog
//   users/[id].tsx → /users/:id                      docs/[...rest].tsx → /docs/*rest (one or more segments)
//   404.tsx (top level only) → the not-found page    _layout.tsx → wraps every page of its folder and below
//
// Each route lists its layouts outermost first (the 404 page gets the top-level layout). Errors, each
// naming the file(s): two files with one URL (`a.tsx` and `a/index.tsx`, `a/[x].tsx` and `a/[y].tsx`, two
// catch-alls in a folder), one param position with two names (`[id].tsx` beside `[uid]/edit.tsx`), a
// catch-all that is a folder, an optional catch-all `[[...x]]` (not supported yet), a name that is not an
// identifier, a repeated param name, other `_`-prefixed names (reserved), a file that is not `.tsx`.
// Static segments are stored percent-encoded as a browser sends them (`café.tsx` → `/caf%C3%A9`).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "dx/schema/dxr_build.h"

namespace dxc::discover {

struct RouteError {
  std::string file, other;  // `other` is empty when one file is at fault
  std::string message;
};

struct PageRoutes {
  std::vector<std::string> files;                  // id → file (relative to pages/, sorted): pages and layouts
  std::vector<dx::schema::DxrRouteSpec> routes;    // one per page; `page` and `layouts` are file ids
  uint32_t not_found = dx::schema::kDxrNone;       // index into routes of 404.tsx
  std::vector<RouteError> errors;                  // every problem found; dxr is empty when any
  std::vector<uint8_t> dxr;                        // the routes.dxr file
};

// Paths relative to pages/, '/'-separated: "index.tsx", "users/[id].tsx", "blog/_layout.tsx".
PageRoutes routes_from_pages(std::vector<std::string> files);

}  // namespace dxc::discover
