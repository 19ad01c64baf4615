// try / catch / finally as wasm exceptions (emit/codegen_stmt.cpp), run natively by the server's form of the
// app (wasm2c --enable-exceptions, runtime-wasm/native/dx_wasm_rt.c): the prerendered page shows what the
// catches computed; thousands of throws unwinding twenty calls each leave the call depth as it was; an
// uncaught throw in such an app still fails the build with the app's report. An app without try has no
// exception in its wasm (no tag section), so it needs nothing the engine might lack.
#include <catch2/catch.hpp>

#include "project_fixture.h"

namespace fs = std::filesystem;

namespace {

const char* kPage = R"(import { createSignal } from "dx";
interface Point { x: number }
function deep(n: number): number {
  if (n === 0) throw new Error("bottom");
  return deep(n - 1) + 1;
}
function unwind(times: number): number {
  let caught = 0;
  for (let i = 0; i < times; i++) {
    try {
      deep(20);
    } catch (e) {
      caught++;
    }
  }
  return caught;
}
function parse(s: string): string {
  try {
    const p: Point = JSON.parse(s);
    return "x=" + p.x;
  } catch (e) {
    return e.name;
  } finally {
    log.push(s);
  }
}
const log: string[] = [];
export default function Page() {
  const [n] = createSignal(3000);
  return <p>{unwind(n())} {parse("{\"x\": 2}")} {parse("{\"x\": }")} {parse("[1]")} {log.join("|")}</p>;
}
)";

// The ids of the sections of a wasm module, in order.
std::vector<int> section_ids(const std::string& wasm) {
  std::vector<int> ids;
  size_t at = 8;
  while (at < wasm.size()) {
    int id = (unsigned char)wasm[at++];
    uint64_t size = 0;
    for (int shift = 0; at < wasm.size(); shift += 7) {
      unsigned char b = (unsigned char)wasm[at++];
      size |= uint64_t(b & 0x7F) << shift;
      if (!(b & 0x80)) break;
    }
    ids.push_back(id);
    at += size;
  }
  return ids;
}

}  // namespace

TEST_CASE("try/catch/finally run natively while prerendering, as in the browser", "[ssr][native][exceptions]") {
  dxt::BuiltProject b(dxt::Files{{"pages/index.tsx", kPage}});
  INFO(b.rendered);
  REQUIRE(b.ok);
  std::string html = dxt::read_text(b.dist() / "index.html");
  CHECK(html.find("<p>3000 x=2 SyntaxError TypeError {\"x\": 2}|{\"x\": }|[1]</p>") != std::string::npos);
  std::vector<int> ids = section_ids(dxt::read_text(b.dist() / "app.wasm"));
  CHECK(std::find(ids.begin(), ids.end(), 13) != ids.end());  // the tag section: dx_exc
}

TEST_CASE("an uncaught throw in an app with try/catch fails the build with the app's report (DX0411)", "[ssr][native][exceptions]") {
  dxt::BuiltProject b(dxt::Files{{"pages/index.tsx", R"(
function risky(n: number): number {
  try {
    if (n > 5) throw new Error("caught: " + n);
  } catch (e) {
    return -1;
  }
  if (n > 2) throw new Error("too many: " + n);
  return n;
}
export default function A() {
  return <p>{risky(7)} {risky(3)}</p>;
}
)"}});
  INFO(b.rendered);
  CHECK_FALSE(b.ok);
  CHECK(b.rendered.find("DX0411") != std::string::npos);
  CHECK(b.rendered.find("Error: too many: 3") != std::string::npos);
  CHECK(b.rendered.find("caught: 7") == std::string::npos);
  CHECK(b.rendered.find("pages/index.tsx:8:") != std::string::npos);
}

TEST_CASE("an app without try has no exception handling in its wasm", "[exceptions]") {
  dxt::BuiltProject b(dxt::Files{{"pages/index.tsx", R"(
function check(n: number): number {
  if (n > 2) throw new Error("too many");
  return n;
}
export default function A() { return <p>{check(1)}</p>; }
)"}}, false);
  REQUIRE(b.ok);
  std::vector<int> ids = section_ids(dxt::read_text(b.dist() / "app.wasm"));
  CHECK(std::find(ids.begin(), ids.end(), 13) == ids.end());
  CHECK(std::find(ids.begin(), ids.end(), 10) != ids.end());  // (a code section was read)
}
