// num_oracle.js — the reference for dx_num_to_str: String(x) as node (V8) prints it.
// Usage: node num_oracle.js IN OUT. IN holds one double per line as 16 hex digits (its IEEE-754 bits);
// OUT receives String(x) for each, one per line. Used by tests/runtime/test_num_to_str.cpp.
"use strict";
const fs = require("fs");
const [input, output] = process.argv.slice(2);
const view = new DataView(new ArrayBuffer(8));
const lines = fs.readFileSync(input, "utf8").split("\n").filter((l) => l.length);
const out = lines.map((hex) => {
  view.setBigUint64(0, BigInt("0x" + hex));
  return String(view.getFloat64(0));
});
fs.writeFileSync(output, out.join("\n") + "\n");
