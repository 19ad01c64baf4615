// interop_client.mjs — a reference client no one here wrote (Node's built-in WebSocket, undici, behind
// --experimental-websocket on Node 20) talking to the echo server of ws_interop_test.cpp, which runs the
// dxs_ws codec. Usage: node --experimental-websocket interop_client.mjs PORT. Prints one line per check,
// then "done"; exits non-zero on the first mismatch.
const port = process.argv[2];
const ws = new WebSocket(`ws://127.0.0.1:${port}/_dx/hbtp`, ['chat', 'hbtp']);
ws.binaryType = 'arraybuffer';

const big = new Uint8Array(70000).map((_, i) => (i * 7) & 0xff);  // 64-bit length
const medium = 'm'.repeat(300);                                   // 16-bit length
const sent = ['héllo € 😀', big, medium, ''];
let next = 0;

function fail(why) {
  console.log(`FAIL ${why}`);
  process.exit(1);
}
const timer = setTimeout(() => fail('timeout'), 10000);

ws.onopen = () => {
  if (ws.protocol !== 'hbtp') fail(`subprotocol ${ws.protocol}`);
  console.log('open hbtp');
  ws.send(sent[0]);
};
ws.onmessage = (ev) => {
  const want = sent[next];
  if (typeof want === 'string') {
    if (ev.data !== want) fail(`text echo ${next}`);
  } else {
    const got = new Uint8Array(ev.data);
    if (got.length !== want.length || got.some((b, i) => b !== want[i])) fail(`binary echo ${next}`);
  }
  console.log(`echo ${next} ok`);
  next += 1;
  if (next < sent.length) ws.send(sent[next]);
  else ws.close(4001, 'done ✓');
};
ws.onerror = (ev) => fail(`error ${ev.message ?? ''}`);
ws.onclose = (ev) => {
  clearTimeout(timer);
  console.log(`close ${ev.code} ${ev.reason} ${ev.wasClean}`);
  console.log('done');
};
