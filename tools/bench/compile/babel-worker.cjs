// One node process: compile every .tsx file under <dir> with babel-preset-solid + @babel/preset-typescript
// (Solid's real compiler). Prints JSON: files, ms (transform loop only), loadMs (require of babel+presets).
const t0 = performance.now();
const fs = require("node:fs");
const path = require("node:path");
const babel = require("@babel/core");
const solid = require("babel-preset-solid");
const ts = require("@babel/preset-typescript");
const loadMs = performance.now() - t0;
const dir = process.argv[2];
const files = [];
for (const sub of ["components", "pages"])
  for (const f of fs.readdirSync(path.join(dir, sub)).sort()) if (f.endsWith(".tsx")) files.push(path.join(dir, sub, f));
const t1 = performance.now();
let bytes = 0;
for (const f of files) {
  const src = fs.readFileSync(f, "utf8");
  const out = babel.transformSync(src, {
    filename: f,
    babelrc: false,
    configFile: false,
    presets: [[solid, { generate: "dom" }], [ts, { isTSX: true, allExtensions: true }]],
  });
  bytes += out.code.length;
}
const ms = performance.now() - t1;
console.log(JSON.stringify({ tool: "babel", files: files.length, ms, loadMs, outBytes: bytes }));
