// hbtp_js_client.mjs — runtime-wasm/js/hbtp.js (the browser HBTP client) in node against a running
// dx-server, with the npm `ws` package as its WebSocket (node 20 has no global one by default).
// Usage: node hbtp_js_client.mjs PORT. Prints one line per check, then "done"; exits 1 on the first mismatch.
import { WebSocket } from "ws";
import { connect, METHOD } from "../../runtime-wasm/js/hbtp.js";

globalThis.WebSocket = WebSocket;
const fail = (why) => { console.log(`FAIL ${why}`); process.exit(1); };
setTimeout(() => fail("timeout"), 20000).unref();
const text = (u8) => new TextDecoder().decode(u8);

const h = await connect(`ws://127.0.0.1:${process.argv[2]}/_dx/hbtp`, { timeout: 5000 });
console.log(`hello version ${h.hello.version} max ${h.hello.maxPayload}`);
if (text(await h.ping("hi")) !== "hi") fail("ping");
console.log("ping hi");
if (text(await h.call(METHOD.echo, "héllo ✓")) !== "héllo ✓") fail("echo");
console.log("echo");
const t = await h.call(METHOD.serverTime);
const ms = Number(new DataView(t.buffer, t.byteOffset).getBigUint64(0, true));
if (Math.abs(ms - Date.now()) > 5000) fail(`server_time ${ms}`);
console.log("server_time");
try {
  await h.call(1234, "x");
  fail("unknown method resolved");
} catch (e) {
  console.log(`unknown method status ${e.status}`);
}
// 300 overlapping calls and pings: each promise gets its own answer (sequence numbers).
const calls = [];
for (let i = 0; i < 300; i++) calls.push(i % 3 ? h.call(METHOD.echo, `n${i}`) : h.ping(`p${i}`));
const got = await Promise.all(calls);
got.forEach((u8, i) => { if (text(u8) !== (i % 3 ? `n${i}` : `p${i}`)) fail(`overlap ${i}`); });
console.log("300 overlapping ok");
const code = await h.close();
console.log(`close ${code}`);
try {
  await h.ping();
  fail("ping after close");
} catch {
  console.log("closed");
}
console.log("done");
