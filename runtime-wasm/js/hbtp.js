// hbtp.js — HBTP over WebSocket for the browser (spec: schemas/hbtp.md). Pages get it inside dx.js, as
// window.__dx.hbtp, when the app's dx.config.json says "hbtp": true (dx_hbtp_entry.js; every other app's
// dx.js leaves it out, since most never talk HBTP); dev.js, node and bundlers import this module.
//
//   import { connect, METHOD } from "./hbtp.js";   // or: const { connect, METHOD } = window.__dx.hbtp;
//   const h = await connect();                 // ws(s)://<this host>/_dx/hbtp; resolves after the Hellos
//   await h.ping(bytes)                        // → the Pong's payload (Uint8Array)
//   await h.call(METHOD.echo, "hi")            // → the result (Uint8Array); rejects with err.status ≠ 0
//   await h.close()                            // Close 0; resolves with the close code once the socket closed
// Arguments are a Uint8Array, an ArrayBuffer, a string (sent as UTF-8) or nothing. Every request has its
// own sequence number and promise, so calls may overlap; each rejects after `timeout` ms, and all pending
// ones reject when the connection closes. Options: { timeout, maxPayload, WebSocket, onEvent, onClose }
// (WebSocket for environments without a global one, e.g. node with the `ws` package; onEvent(kind, text)
// for each ServerEvent the server pushes, onClose(code) once the socket closed). No reconnect.
// Numbers mirror schemas/include/dx/schema/hbtp.h by hand.
export const OP = { Hello: 0x01, Ping: 0x02, Pong: 0x03, Close: 0x04, Error: 0x05, RpcCall: 0x30, RpcResponse: 0x31, ServerEvent: 0x41 };
export const EVENT = { reload: 1, buildFailed: 2 };  // ServerEvent kinds (dx-server --dev)
export const FLAG = { EXPECTS_RESPONSE: 0x04, FINAL: 0x08 };
export const METHOD = { echo: 0, serverTime: 1, stats: 2 };  // dx-server's built-in RPC methods
const HEADER = 8;

function bytesOf(x) {
  if (x === undefined || x === null) return new Uint8Array(0);
  if (typeof x === "string") return new TextEncoder().encode(x);
  if (x instanceof ArrayBuffer) return new Uint8Array(x);
  return new Uint8Array(x.buffer, x.byteOffset, x.byteLength);
}

function frame(op, flags, seq, payload) {
  const out = new Uint8Array(HEADER + payload.length);
  const dv = new DataView(out.buffer);
  dv.setUint8(0, op);
  dv.setUint8(1, flags);
  dv.setUint16(2, seq, true);
  dv.setUint32(4, payload.length, true);
  out.set(payload, HEADER);
  return out;
}

function defaultUrl() {
  const loc = globalThis.location;
  return `${loc.protocol === "https:" ? "wss:" : "ws:"}//${loc.host}/_dx/hbtp`;
}

export function connect(url = defaultUrl(), { timeout = 10000, maxPayload = 1 << 20, WebSocket = globalThis.WebSocket, onEvent, onClose } = {}) {
  const ws = new WebSocket(url, ["hbtp"]);
  ws.binaryType = "arraybuffer";
  const pending = new Map(); // `${opcode}:${sequence}` → { resolve, reject, timer }
  let seq = 0;
  let lastError = "";
  let closed = false;
  let onClosed;
  const whenClosed = new Promise((r) => (onClosed = r));

  function request(op, flags, payload, answer) {
    if (closed) return Promise.reject(new Error("hbtp: connection closed"));
    seq = (seq % 0xffff) + 1; // 1..65535: sequence 0 is the server's own frames
    const key = `${answer}:${seq}`;
    const p = new Promise((resolve, reject) => {
      const timer = setTimeout(() => pending.delete(key) && reject(new Error("hbtp: timeout")), timeout);
      pending.set(key, { resolve, reject, timer });
    });
    ws.send(frame(op, flags, seq, payload));
    return p;
  }

  function settle(key, ok, value) {
    const w = pending.get(key);
    if (!w) return;
    pending.delete(key);
    clearTimeout(w.timer);
    ok ? w.resolve(value) : w.reject(value);
  }

  function shutdown(why) {
    if (closed) return;
    closed = true;
    for (const key of [...pending.keys()]) settle(key, false, new Error(`hbtp: ${why}`));
  }

  const api = {
    hello: null, // the server's Hello: { version, minCompatible, maxPayload, features }
    ping: (payload) => request(OP.Ping, FLAG.FINAL, bytesOf(payload), OP.Pong),
    call: (method, args) => {
      const a = bytesOf(args);
      const p = new Uint8Array(4 + a.length);
      new DataView(p.buffer).setUint32(0, method, true);
      p.set(a, 4);
      return request(OP.RpcCall, FLAG.FINAL | FLAG.EXPECTS_RESPONSE, p, OP.RpcResponse);
    },
    close: () => {
      if (!closed && ws.readyState === 1) ws.send(frame(OP.Close, FLAG.FINAL, 0, new Uint8Array(2)));
      ws.close(1000);
      shutdown("closed");
      return whenClosed;
    },
  };

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { reject(new Error("hbtp: no Hello")); ws.close(); }, timeout);
    ws.onopen = () => {
      const hello = new Uint8Array(12);
      const dv = new DataView(hello.buffer);
      dv.setUint16(0, 1, true); // version
      dv.setUint16(2, 1, true); // min_compatible
      dv.setUint32(4, maxPayload, true);
      ws.send(frame(OP.Hello, FLAG.FINAL, 0, hello));
    };
    ws.onmessage = (ev) => {
      const buf = new Uint8Array(ev.data);
      const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
      for (let at = 0; at + HEADER <= buf.length;) {
        const op = dv.getUint8(at), seq = dv.getUint16(at + 2, true), len = dv.getUint32(at + 4, true);
        const body = buf.subarray(at + HEADER, at + HEADER + len);
        const bv = new DataView(body.buffer, body.byteOffset, body.byteLength);
        at += HEADER + len;
        if (op === OP.Hello && !api.hello && len >= 12) {
          api.hello = { version: bv.getUint16(0, true), minCompatible: bv.getUint16(2, true),
                        maxPayload: bv.getUint32(4, true), features: bv.getUint32(8, true) };
          clearTimeout(timer);
          resolve(api);
        } else if (op === OP.Pong) {
          settle(`${OP.Pong}:${seq}`, true, body.slice());
        } else if (op === OP.RpcResponse && len >= 4) {
          const status = bv.getUint32(0, true);
          if (status === 0) settle(`${op}:${seq}`, true, body.slice(4));
          else settle(`${op}:${seq}`, false, Object.assign(new Error(`hbtp: RPC status ${status}`), { status }));
        } else if (op === OP.ServerEvent && len >= 4 && onEvent) {
          onEvent(bv.getUint32(0, true), new TextDecoder().decode(body.subarray(4)));
        } else if ((op === OP.Error || op === OP.Close) && len >= 2) {
          lastError = `${op === OP.Error ? "error" : "close"} ${bv.getUint16(0, true)} ${new TextDecoder().decode(body.subarray(2))}`;
        }
      }
    };
    ws.onclose = (ev) => {
      clearTimeout(timer);
      shutdown(lastError || `websocket closed ${ev.code}`);
      onClosed(ev.code);
      if (onClose) onClose(ev.code);
      reject(new Error(`hbtp: closed before the Hello (${lastError || ev.code})`));
    };
    ws.onerror = () => {}; // onclose follows and says why
  });
}
