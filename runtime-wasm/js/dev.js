// dev.js — the live-reload client `dxc serve` adds to the page (dev builds only, never `dxc build`), as
// dist/_dx/dev.js, bundled with the HBTP client (./hbtp.js) so that it depends on nothing dx.js does: a page
// whose app fails to start still reloads when a fix is saved. It opens HBTP over WebSocket at /_dx/hbtp and
// acts on the
// ServerEvents dx-server --dev pushes (schemas/hbtp.md "Server events"): "reload" reloads the page; "build
// failed" shows the diagnostics in an overlay (a fixed full-screen element, the text in a <pre> set with
// textContent, so nothing in it is interpreted as HTML). The next successful build's reload clears it.
// A lost connection is retried every second; a Ping every 20 s keeps the session under the idle timeout.
// window.__dxDev.connected says whether the session is open (the end-to-end test waits for it).
import { connect, EVENT } from "./hbtp.js";

const state = (window.__dxDev = { connected: false });

function showError(text) {
  let box = document.getElementById("dx-dev-overlay");
  if (!box) {
    box = document.createElement("div");
    box.id = "dx-dev-overlay";
    box.setAttribute("role", "alert");
    box.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;padding:24px;margin:0;" +
      "background:rgba(24,24,27,.96);color:#fca5a5;font:14px/1.5 ui-monospace,Menlo,Consolas,monospace";
    const title = document.createElement("div");
    title.textContent = "Build failed — the server keeps the last good build; save a fix and the page reloads.";
    title.style.cssText = "color:#fff;font-weight:bold;margin-bottom:12px";
    const pre = document.createElement("pre");
    pre.style.cssText = "margin:0;white-space:pre-wrap;color:#e4e4e7;font:inherit";
    box.append(title, pre);
    document.body.append(box);
  }
  box.lastChild.textContent = text;
}

function start() {
  let pinger;
  connect(undefined, {
    onEvent(kind, text) {
      if (kind === EVENT.reload) location.reload();
      else if (kind === EVENT.buildFailed) showError(text);
    },
    onClose() {
      state.connected = false;
      clearInterval(pinger);
      setTimeout(start, 1000);
    },
  }).then((h) => {
    state.connected = true;
    pinger = setInterval(() => h.ping().catch(() => {}), 20000);
  }, () => {}); // onClose retries
}

start();
