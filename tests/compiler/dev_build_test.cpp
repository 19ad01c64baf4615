// Dev builds (BuildOptions::dev, what `dxc serve` builds): the page also loads the live-reload client
// (_dx/dev.js, bundled with its own HBTP client) and no .gz/.br copies are written; `dxc build` has neither.
// dx.js is the one `dxc build` ships.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "project_fixture.h"

TEST_CASE("dev build: the live-reload client and no precompressed copies; a normal build has neither", "[package][dev]") {
  dxt::TempProject p(std::map<std::string, std::string>{{"pages/index.tsx", "export default function A() { return <p>hi</p>; }\n"},
                                                        {"public/style.css", "p { color: red }\n"}});
  std::filesystem::path dist = p.dir / "dist";
  for (bool dev : {false, true}) {
    INFO("dev: " << dev);
    dxc::Diagnostics d;
    REQUIRE(dxt::build_project(p.dir, d, dev));
    std::string html = dxt::read_text(dist / "index.html");
    CHECK((html.find("<script type=\"module\" src=\"_dx/dev.js\"></script>\n</head>") != std::string::npos) == dev);
    CHECK(std::filesystem::exists(dist / "_dx" / "dev.js") == dev);
    CHECK(dxt::read_text(dist / "dx.js") == dxt::read_text(dxc::find_runtime_dir(nullptr) + "/dx-spa.js"));
    CHECK((dxt::read_text(dist / "manifest.json").find("_dx/dev.js") != std::string::npos) == dev);
    CHECK(std::filesystem::exists(dist / "app.wasm.br") == !dev);
    CHECK(std::filesystem::exists(dist / "index.html.gz") == !dev);
  }
  std::string dev_js = dxt::read_text(dxc::find_runtime_dir(nullptr) + "/dev.js");
  CHECK(dev_js.find("/_dx/hbtp") != std::string::npos);  // the HBTP client's default URL: bundled in
  CHECK(dev_js.find("import ") == std::string::npos);
}

TEST_CASE("dev build: public/_dx/ is reserved for the dev client", "[package][dev]") {
  dxt::TempProject p(std::map<std::string, std::string>{{"pages/index.tsx", "export default function A() { return <p>hi</p>; }\n"},
                                                        {"public/_dx/dev.js", "mine"}});
  dxc::Diagnostics d;
  CHECK_FALSE(dxt::build_project(p.dir, d, true));
  REQUIRE(d.all().size() == 1);
  CHECK(d.all()[0].code == "DX0503");
  dxc::Diagnostics normal;
  CHECK(dxt::build_project(p.dir, normal, false));  // dxc build copies it like any public file
}
