// Dev builds (BuildOptions::dev, what `dxc serve` builds): the page also loads the live-reload client
// (_dx/dev.js, with _dx/hbtp.js beside it) and no .gz/.br copies are written; `dxc build` has neither.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "project_fixture.h"

namespace {

std::string read_text(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

bool build_project(const std::filesystem::path& dir, bool dev, dxc::Diagnostics& d) {
  dxc::BuildOptions o;
  o.project = dir.string();
  o.runtime_dir = dxc::find_runtime_dir(nullptr);
  o.optimize = 0;
  o.dev = dev;
  dxc::SourceManager sm;
  std::ostringstream dump;
  return dxc::build(o, sm, d, dump).ok;
}

}  // namespace

TEST_CASE("dev build: the live-reload client and no precompressed copies; a normal build has neither", "[package][dev]") {
  dxt::TempProject p(std::map<std::string, std::string>{{"pages/index.tsx", "export default function A() { return <p>hi</p>; }\n"},
                                                        {"public/style.css", "p { color: red }\n"}});
  std::filesystem::path dist = p.dir / "dist";
  for (bool dev : {false, true}) {
    INFO("dev: " << dev);
    dxc::Diagnostics d;
    REQUIRE(build_project(p.dir, dev, d));
    std::string html = read_text(dist / "index.html");
    CHECK((html.find("<script type=\"module\" src=\"_dx/dev.js\"></script>\n</head>") != std::string::npos) == dev);
    CHECK(std::filesystem::exists(dist / "_dx" / "dev.js") == dev);
    CHECK(std::filesystem::exists(dist / "_dx" / "hbtp.js") == dev);
    CHECK((read_text(dist / "manifest.json").find("_dx/dev.js") != std::string::npos) == dev);
    CHECK(std::filesystem::exists(dist / "app.wasm.br") == !dev);
    CHECK(std::filesystem::exists(dist / "index.html.gz") == !dev);
  }
  std::string dev_js = read_text(dxc::find_runtime_dir(nullptr) + "/dev.js");
  CHECK(dev_js.find("import { connect, EVENT } from \"./hbtp.js\"") != std::string::npos);
}

TEST_CASE("dev build: public/_dx/ is reserved for the dev client", "[package][dev]") {
  dxt::TempProject p(std::map<std::string, std::string>{{"pages/index.tsx", "export default function A() { return <p>hi</p>; }\n"},
                                                        {"public/_dx/dev.js", "mine"}});
  dxc::Diagnostics d;
  CHECK_FALSE(build_project(p.dir, true, d));
  REQUIRE(d.all().size() == 1);
  CHECK(d.all()[0].code == "DX0503");
  dxc::Diagnostics normal;
  CHECK(build_project(p.dir, false, normal));  // dxc build copies it like any public file
}
