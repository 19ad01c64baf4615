// One node process: esbuild transform-only (loader tsx, no bundling) of every .tsx file under <dir>.
// Prints JSON: files, ms (transform loop only), loadMs (require + first call, which starts esbuild's service).
const t0 = performance.now();
const fs = require("node:fs");
const path = require("node:path");
const esbuild = require("esbuild");
esbuild.transformSync("let a = 1", { loader: "tsx" }); // starts the esbuild child process
const loadMs = performance.now() - t0;
const dir = process.argv[2];
const files = [];
for (const sub of ["components", "pages"])
  for (const f of fs.readdirSync(path.join(dir, sub)).sort()) if (f.endsWith(".tsx")) files.push(path.join(dir, sub, f));
const t1 = performance.now();
let bytes = 0;
for (const f of files) {
  const src = fs.readFileSync(f, "utf8");
  const out = esbuild.transformSync(src, { loader: "tsx", sourcefile: f, format: "esm", target: "es2022" });
  bytes += out.code.length;
}
const ms = performance.now() - t1;
console.log(JSON.stringify({ tool: "esbuild", files: files.length, ms, loadMs, outBytes: bytes }));
