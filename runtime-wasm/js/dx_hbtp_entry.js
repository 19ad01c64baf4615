// dx_hbtp_entry.js — the entry point of the dx.js variants with the HBTP client in them (dx-hbtp.js and
// dx-spa-hbtp.js, bundled by esbuild: runtime-wasm/CMakeLists.txt). dxc ships one of them as dist/dx.js
// for an app whose dx.config.json says "hbtp": true; every other app gets dx.js without it, so pages that
// never talk HBTP do not download it. (dxc serve's live-reload client, dev.js, bundles its own copy.)
//
// The page's own scripts reach it as window.__dx.hbtp (the client API is hbtp.js's):
//   const h = await __dx.hbtp.connect();                       // ws(s)://<this host>/_dx/hbtp
//   const bytes = await h.call(__dx.hbtp.METHOD.echo, "hi");   // a Uint8Array
import "./dx.js";
import { connect, OP, EVENT, FLAG, METHOD } from "./hbtp.js";

window.__dx.hbtp = { connect, OP, EVENT, FLAG, METHOD };
