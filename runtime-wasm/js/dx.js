// dx.js — the page side of dx. Loads app.wasm (next to this script), applies the op buffers it returns
// to the DOM in one loop per batch, and forwards delegated events to it. No framework logic lives here:
// the op format is schemas/ops.md (the numbers below mirror schemas/include/dx/schema/ops.h).
(() => {
  "use strict";
  const script = document.currentScript;
  const src = (script && script.src) || location.href;
  const url = new URL("app.wasm", src);
  const stats = { dispatches: 0, ops: 0, batches: 0, navigations: 0 };
  const dec = new TextDecoder("utf-8", { ignoreBOM: true }); // keep a leading U+FEFF in the first string
  const enc = new TextEncoder();
  // Events that do not bubble: delegated in the capture phase; 2 = only their target may handle them.
  const NO_BUBBLE = { focus: 1, blur: 1, mouseenter: 2, mouseleave: 2, load: 2, error: 2, scroll: 2 };
  // Per page (reset by a client navigation, which starts a fresh instance): the node table, the templates,
  // the MOUNT targets (<Portal>), the window listeners' nodes. The document and window listeners themselves
  // are one per event type for the whole session: they find the handler on the node (`__dx`) and call the
  // current instance, so a page's listeners leave with its nodes.
  let nodes = [null]; // node id → DOM node; 0 is null, 1 the mount element
  let templates = []; // template id → [DocumentFragment, paths]
  let mounts = [];
  let timers = new Map(); // timer id → the browser's timer (TIMER)
  const listening = {};
  const win = {}; // window event type → the nodes whose instances listen (LISTEN flag 16)
  let focus = null;
  let ex, mem, buf, u32, u8, root;
  const num64 = new Float64Array(1), num32 = new Uint32Array(num64.buffer); // TEXT_NUM's double (little-endian, as wasm)

  function views() {
    if (mem.buffer !== buf) {
      buf = mem.buffer;
      u32 = new Uint32Array(buf);
      u8 = new Uint8Array(buf);
    }
  }

  // A node path from the dxb ("f" firstChild, "n" nextSibling, a count repeats the step: "ffn12"), parsed
  // once per template into steps: 0 = firstChild, k > 0 = k × nextSibling.
  function steps(path) {
    const out = [];
    for (let i = 0; i < path.length;) {
      const f = path.charCodeAt(i++) === 102;
      let k = 0;
      while (i < path.length && path.charCodeAt(i) < 58) k = k * 10 + path.charCodeAt(i++) - 48;
      if (f) for (let j = Math.max(k, 1); j > 0; j--) out.push(0); else out.push(Math.max(k, 1));
    }
    return out;
  }
  // A template's paths as [steps, shared]: `shared` steps are a prefix of the previous path's, so a clone
  // continues from the node the previous walk passed there instead of starting again at the root.
  function plan(paths) {
    return paths.map((p, i) => {
      const q = i ? paths[i - 1] : [];
      let n = 0;
      while (n < p.length && n < q.length && p[n] === q[n]) n++;
      return [p, n];
    });
  }
  function walk(node, at, p, from) { // at[k]: the node after k steps of the previous path
    const steps = p[0];
    if (from) node = at[from];
    for (let i = from; i < steps.length; i++) {
      const k = steps[i];
      if (k === 0) node = node.firstChild; else for (let j = 0; j < k; j++) node = node.nextSibling;
      at[i + 1] = node;
    }
    return node;
  }

  // Batch header: op_words, ops, string_count, string_bytes, string_bytes_len, string_lengths (0 = cut at NUL).
  function apply(batch) {
    views();
    const h = batch >>> 2, count = u32[h + 2], at = u32[h + 3], lens = u32[h + 5] >>> 2;
    const text = count ? dec.decode(u8.subarray(at, at + u32[h + 4])) : "";
    let s = [];
    if (!lens) s = text.split("\0");
    else for (let i = 0, q = 0, len; i < count; i++, q += len + 1) s.push(text.slice(q, q + (len = u32[lens + i])));
    let p = u32[h + 1] >>> 2, n;
    const end = p + u32[h];
    stats.batches++;
    while (p < end) {
      stats.ops++;
      switch (u32[p]) {
        case 1: { // TEMPLATE id html paths
          const t = document.createElement("template");
          t.innerHTML = s[u32[p + 2]];
          templates[u32[p + 1]] = [t.content, plan(s[u32[p + 3]].split(" ").map(steps))];
          p += 4;
          break;
        }
        case 2: { // CLONE template count ids…
          const t = templates[u32[p + 1]], c = u32[p + 2], f = t[0].cloneNode(true), at = [f];
          for (let i = 0; i < c; i++) nodes[u32[p + 3 + i]] = walk(f, at, t[1][i], t[1][i][1]);
          p += 3 + c;
          break;
        }
        case 3: case 21: { // TEXT, TEXT_NUM (a double's two words: printed here, as String does); a comment
          // here is a resumed page's empty text node (see resume): it becomes text now
          const t = u32[p] === 3 ? s[u32[p + 2]] : (num32[0] = u32[p + 2], num32[1] = u32[p + 3], String(num64[0]));
          if ((n = nodes[u32[p + 1]]).nodeType === 8) n.replaceWith(nodes[u32[p + 1]] = document.createTextNode(t));
          else n.nodeValue = t;
          p += u32[p] === 3 ? 3 : 4;
          break;
        }
        case 4: nodes[u32[p + 1]].setAttribute(s[u32[p + 2]], s[u32[p + 3]]); p += 4; break; // ATTR
        case 5: nodes[u32[p + 1]].removeAttribute(s[u32[p + 2]]); p += 3; break; // REMOVE_ATTR
        case 6: nodes[u32[p + 1]][s[u32[p + 2]]] = s[u32[p + 3]]; p += 4; break; // PROP
        case 7: nodes[u32[p + 1]][s[u32[p + 2]]] = u32[p + 3] !== 0; p += 4; break; // PROP_BOOL
        case 8: nodes[u32[p + 1]].className = s[u32[p + 2]]; p += 3; break; // CLASS
        case 9: nodes[u32[p + 1]].classList.toggle(s[u32[p + 2]], u32[p + 3] !== 0); p += 4; break; // CLASS_TOGGLE
        case 10: // INSERT parent node before: before's parent may still be a template fragment
          if ((n = nodes[u32[p + 3]])) n.parentNode.insertBefore(nodes[u32[p + 2]], n);
          else nodes[u32[p + 1]].appendChild(nodes[u32[p + 2]]);
          p += 4;
          break;
        case 11: nodes[u32[p + 1]].remove(); p += 2; break; // REMOVE
        case 12: nodes[u32[p + 1]].textContent = ""; p += 2; break; // CLEAR
        case 13: nodes[u32[p + 1]] = null; p += 2; break; // FREE (the node is out of the document: no event reaches its __dx)
        case 14: { // LISTEN node event handler flags (16: a window event, for node's instance while node is in the document)
          const type = s[u32[p + 2]];
          n = nodes[u32[p + 1]];
          (n.__dx || (n.__dx = {}))[type] = [u32[p + 1], u32[p + 3], u32[p + 4]];
          if (u32[p + 4] & 16) (win[type] || listenWindow(type)).add(n);
          else if (!listening[type]) listen(type);
          p += 5;
          break;
        }
        case 15: console.error(s[u32[p + 1]]); p += 2; break; // ERROR
        case 16: console[["log", "warn", "error"][u32[p + 1]]](s[u32[p + 2]]); p += 3; break; // CONSOLE level text
        case 17: mounts.push(nodes[u32[p + 1]] = (n = s[u32[p + 2]]) ? document.getElementById(n) : document.body); p += 3; break; // MOUNT node id
        case 18: focus = nodes[u32[p + 1]]; p += 2; break; // FOCUS node (after the batch, once node is in the document)
        case 19: timer(u32[p + 1], u32[p + 2], u32[p + 3]); p += 4; break; // TIMER id delay repeat
        case 20: clearTimeout(timers.get(n = u32[p + 1])), timers.delete(n); p += 2; break; // TIMER_CLEAR id
        default: throw new Error(`dx: bad op ${u32[p]} at word ${p}`);
      }
    }
    if (focus) focus.focus(), focus = null;
  }

  // setTimeout / setInterval of app code (TIMER): when it fires, dx_timer_fire(id) runs its closure in a batch.
  // (clearTimeout clears either kind: they share one id space.)
  function timer(id, delay, repeat) {
    const i = ex, run = () => {
      if (i !== ex) return; // a timer of a page that was navigated away from
      if (!repeat) timers.delete(id);
      stats.dispatches++;
      apply(call(() => ex.dx_timer_fire(id)));
    };
    timers.set(id, repeat ? setInterval(run, delay) : setTimeout(run, delay));
  }

  // On the document, not the mount element, so events inside a <Portal> (MOUNT) reach their handlers too.
  function listen(type) {
    const mode = NO_BUBBLE[type];
    listening[type] = 1;
    document.addEventListener(type, (e) => {
      for (let n = e.target; n; n = n === root ? null : n.parentNode) {
        const d = n.__dx && n.__dx[type];
        if (d) return fire(e, n, d);
        if (mode === 2) return;
      }
    }, !!mode);
  }

  // window.addEventListener in a component (LISTEN flag 16): the event goes to each listening instance whose
  // node is still in the document; a node that left it is forgotten.
  function listenWindow(type) {
    const w = (win[type] = new Set());
    addEventListener(type, (e) => w.forEach((m) => m.isConnected ? fire(e, m, m.__dx[type]) : w.delete(m)));
    return w;
  }

  // d = [node id, handler id, flags]; flags: 1 value, 2 key, 4 checked, 8 preventDefault (dxb HANDLERS).
  function fire(e, node, d) {
    const flags = d[2];
    if (flags & 8) e.preventDefault();
    const v = flags & 1 ? String(node.value ?? "") : "", k = flags & 2 ? String(e.key ?? "") : "";
    let vl = 0, kl = 0;
    if (v || k) {
      const cap = 3 * (v.length + k.length), at = ex.dx_input(cap);
      views();
      vl = enc.encodeInto(v, u8.subarray(at, at + cap)).written;
      kl = enc.encodeInto(k, u8.subarray(at + vl, at + cap)).written;
    }
    stats.dispatches++;
    try {
      apply(call(() => ex.dx_dispatch(d[1], d[0], vl, kl, flags & 4 && node.checked ? 1 : 0)));
    } catch (err) {
      console.error(`dx: handler ${d[1]} (event ${e.type}) failed:`, err);
    }
  }

  // Calls into app.wasm. After a trap (an app `throw`), handler 0xFFFFFFFF (it runs nothing) returns a batch
  // that reports the error first, then renders the writes made before it (runtime-wasm/ABI.md).
  function call(f) {
    try {
      return f();
    } catch (err) {
      if (!(err instanceof WebAssembly.RuntimeError || err instanceof WebAssembly.Exception)) throw err; // a trap, an uncaught throw
      return ex.dx_dispatch(-1, 0, 0, 0, 0);
    }
  }

  // What app.wasm may import (runtime-wasm/ABI.md): Math.random's seed, the clocks, localStorage, location.hash.
  // localStorage: UTF-8 at (address, length); ls_get holds the value's bytes until ls_take copies them in.
  let held;
  const str = (p, n) => (views(), dec.decode(u8.subarray(p, p + n)));
  // Math.sin, Math.pow (`**`), …: the app imports them by name (dx.sin, dx.pow) and gets the page's own, found
  // through the prototype: V8's results exactly.
  const imports = { dx: Object.assign(Object.create(Math), { seed: () => Math.random() * 2 ** 53, now: Date.now, perf_now: () => performance.now(),
    ls_get: (k, n) => (held = localStorage.getItem(str(k, n))) === null ? -1 : (held = enc.encode(held)).length,
    ls_take: (p) => (views(), u8.set(held, p)),
    ls_set: (k, n, v, m) => localStorage.setItem(str(k, n), str(v, m)),
    ls_remove: (k, n) => localStorage.removeItem(str(k, n)),
    hash: () => (held = enc.encode(location.hash)).length,
    locale_compare: (a, n, b, m) => str(a, n).localeCompare(str(b, m)) }) };

  async function instantiate() {
    try {
      return await WebAssembly.instantiateStreaming(fetch(url), imports);
    } catch (_) { // wrong MIME type or no streaming support: compile from bytes
      const res = await fetch(url);
      if (!res.ok) throw new Error(`dx: ${url} answered ${res.status}`);
      return await WebAssembly.instantiate(await res.arrayBuffer(), imports);
    }
  }

  const rootId = (script && script.dataset.root) || "dx-root";
  let module, imported; // the compiled app.wasm (every page's instance is made from it), its import names

  // Starts `instance` on the page whose markup the mount element holds: `s` is that page's dx.js <script>
  // (data-page, data-params), `state` its snapshot element. A first load and a client navigation both come here.
  function start(instance, s, state) {
    ex = instance.exports;
    mem = ex.memory;
    root = nodes[1] = document.getElementById(rootId);
    if (!root) throw new Error(`dx: no element with id ${rootId}`);
    if (ex.__wasm_call_ctors) ex.__wasm_call_ctors();
    // Resume the server's render, unless the first render reads what the server could not see: stored
    // data, or a URL fragment (the page is then rendered here, over the server's markup).
    if (state && !imported.includes("ls_get") && !(location.hash && imported.includes("hash"))) return resume(state.textContent);
    params(s && s.dataset.params);
    const batch = call(() => ex.dx_start((s && +s.dataset.page) || 0)); // the page's ENTRY index
    root.textContent = "";
    apply(batch);
  }

  // A page's route params (data-params: a JSON object of strings), then the URL's query parameters (named "?"
  // and theirs, for useSearchParams) go to dx_params before dx_start, in the dx_input buffer: for each, the
  // name then the value, each as a u32 LE UTF-8 length and the bytes (ABI.md).
  function params(json) {
    const query = typeof DX_NAV === "undefined" || DX_NAV ? [...new URLSearchParams(location.search)] : []; // (the one-page copy's page reads none)
    const all = [...Object.entries(json ? JSON.parse(json) : {}), ...query.map(([k, v]) => ["?" + k, v])];
    if (!all.length || !ex.dx_params) return;
    const b = []; // (u8.set keeps the low 8 bits of each length byte)
    for (let x of all.flat()) b.push((x = enc.encode(x)).length, x.length >> 8, x.length >> 16, x.length >> 24, ...x);
    const at = ex.dx_input(b.length);
    views();
    u8.set(b, at);
    ex.dx_params(b.length);
  }

  // A streamed page (schemas/stream.md): after the markup, each <Suspense> boundary the server held back comes
  // as <template data-dx-s=ID> (its content) then <script type=application/dx-activate data-dx-s=ID>; its
  // fallback sits between <!--dx-s:ID--> and <!--/dx-s:ID-->, and activation puts the content there, as the
  // chunks arrive (dx.js is loaded async on such pages). The snapshot comes last: the page resumes after.
  const activate = (typeof DX_NAV === "undefined" || DX_NAV) && ((d) => {
    for (const a of d.querySelectorAll("script[type='application/dx-activate']")) {
      const k = a.dataset.dxS, t = d.querySelector(`template[data-dx-s="${k}"]`), r = d.createRange();
      const w = d.createTreeWalker(d.getElementById(rootId) || d.body, NodeFilter.SHOW_COMMENT);
      let s, n;
      while ((n = w.nextNode()) && n.data !== "/dx-s:" + k) if (n.data === "dx-s:" + k) s = n;
      if (s && n && t) r.setStartBefore(s), r.setEndAfter(n), r.deleteContents(), r.insertNode(t.content);
      t?.remove(), a.remove();
    }
  });
  const dom = document.readyState === "loading"
    ? new Promise((r) => document.addEventListener("DOMContentLoaded", r, { once: true })) : null;
  // While the document loads, the chunks arrive as children of <body>: only those are watched (a document-wide
  // observer would slow the parsing of every big page); an ACTIVATE mark triggers a pass.
  if (activate && dom) {
    const o = new MutationObserver((rs) => {
      for (const r of rs) for (const n of r.addedNodes) n === document.body ? o.observe(n, { childList: true }) : n.type === "application/dx-activate" && activate(document);
      if (document.readyState !== "loading") o.disconnect();
    });
    o.observe(document.body || document.documentElement, { childList: true });
  }
  const ready = Promise.all([instantiate(), dom]).then(([r]) => {
    module = r.module;
    imported = WebAssembly.Module.imports(module).map((i) => i.name);
    activate && activate(document);
    start(r.instance, script, document.getElementById("dx-state"));
    if (nav && history.scrollRestoration === "manual") nav.restore(history.state); // a reload of an entry dx scrolls
  });

  // A server-rendered page (schemas/snapshot.md): the server's linear memory is copied in, node ids are
  // matched to the parsed HTML in document order (reads only), listeners are re-attached; nothing is
  // rendered again. An empty text node has no HTML form: it arrives as an empty comment, which stands in
  // for it (it adds no text either) until a TEXT op gives it a value.
  function resume(b64) {
    const b = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)), d = new DataView(b.buffer);
    let q = 4;
    const v = () => { // a varint
      let x = 0, m = 1, c;
      do x += ((c = b[q++]) & 127) * m, m *= 128; while (c > 127);
      return x;
    };
    // A word stream into o[0, n): each word is predicted from o itself (0, the word a stride back, or the
    // line through the two strides back), then corrected: a residual, a run of exact predictions, raw words.
    const words = (o) => {
      const k = b[q] >> 6, s = b[q++] & 63, p = (i) => !k || i < s ? 0 : k < 2 || i < 2 * s ? o[i - s] : 2 * o[i - s] - o[i - 2 * s];
      for (let i = 0, t, c; i < o.length;) {
        t = v(), c = t % 4, t = (t - c) / 4;
        if (!c) o[i] = p(i) + (t % 2 ? -(t + 1) / 2 : t / 2), i++; // stored modulo 2^32
        else for (t++; t--; i++) o[i] = c < 2 ? p(i) : d.getUint32((q += 4) - 4, true);
      }
      return o;
    };
    const grow = v() - mem.buffer.byteLength / 65536;
    if (grow > 0) mem.grow(grow);
    views();
    for (let n = v(), at = 0, len; n--; at += 4 * len) at += 4 * v(), len = v(), words(new Uint32Array(mem.buffer, at, len));
    const w = document.createTreeWalker(root), ids = words(new Uint32Array(v())), types = [];
    for (const id of ids) {
      const t = w.nextNode(); // bit 31: an empty text node's stand-in comment
      if (id & 0x7fffffff) nodes[id & 0x7fffffff] = t;
    }
    for (let n = v(), len; n--;) len = v(), types.push(dec.decode(b.subarray(q, q += len)));
    const l = words(new Uint32Array(4 * v()));
    for (let i = 0, id, type; i < l.length; i += 4) {
      id = l[i], type = types[l[i + 3]];
      (nodes[id].__dx || (nodes[id].__dx = {}))[type] = [id, l[i + 1], l[i + 2]];
      if (!listening[type]) listen(type);
    }
    apply(ex.dx_templates());
  }
  // Client navigation, left out of the build's single-page copy of this file (runtime-wasm/CMakeLists.txt
  // defines DX_NAV false there; dxc ships that copy for an app with one page and no params, where every link
  // the app has leads out of it and the browser's own handling is what this code would end with).
  const nav = (typeof DX_NAV === "undefined" || DX_NAV) && (() => {
    // Client navigation. A click on a link into the app (a URL under dx.js's folder, same window, no modifier)
    // fetches the page as a plain GET; when the answer is a page of this app (it loads the same dx.js URL and
    // has the mount element), its markup replaces the mount element's and a fresh instance of the compiled
    // module resumes or starts it as a full load of that URL would. Anything else (a network error, a status
    // other than 2xx, another document) is a full load. Scroll positions live in history.state ({dx: [x, y]}).
    // A POSTed form (`body`, its fields) is sent the same way; what is not a page of this app then replaces the
    // document as the browser would show it, and without an answer the browser posts the form itself.
    const base = new URL(".", src).href;
    const bare = (u) => u.split("#")[0];
    const restore = (st) => st && st.dx && (scrollTo(...st.dx), 1); // truthy when it scrolled (newer scrollTo returns a promise)
    const save = () => history.replaceState({ ...history.state, dx: [scrollX, scrollY] }, "");
    const cache = new Map(); // URL → [promise of [final URL, HTML] or 0, time]: a prefetch, used once, for 30 s
    let shown = bare(location.href); // the URL of the page in the document
    let seq = 0, hover, saving;
    const load = (u, body) => fetch(u, { method: body ? "POST" : "GET", body, headers: { Accept: "text/html" } }) // credentials: same-origin, fetch's default
      .then((r) => (r.ok || body) && /html/.test(r.headers.get("content-type")) && r.text().then((t) => [r.url, t])).catch(() => 0);
    const fresh = (c) => c && Date.now() - c[1] < 3e4 && c[0];
    function prefetch(u) {
      if (fresh(cache.get(u))) return;
      cache.delete(u);
      cache.set(u, [load(u), Date.now()]);
      if (cache.size > 16) cache.delete(cache.keys().next().value);
    }

    async function go(u, push, pos, body, form) {
      const n = ++seq, c = !body && fresh(cache.get(u));
      let got;
      clearTimeout(hover);
      cache.delete(u);
      try {
        await ready;
        got = await (c || load(u, body));
        if (n !== seq) return; // a later navigation took over
        const at = got && got[0], d = got && new DOMParser().parseFromString(got[1], "text/html");
        const s = d && [...d.scripts].find((x) => new URL(x.getAttribute("src") || "", at).href === src);
        const mount = s && d.getElementById(rootId); // the same dx.js: a page of this app
        if (!mount || s.dataset.build !== script.dataset.build) throw 0; // (of another build: a full load)
        const hash = u.slice(bare(u).length); // the response's URL (after redirects) has no fragment
        if (push) clearTimeout(saving), history.scrollRestoration = "manual", save(), history.pushState(null, "", at + hash);
        push = 0; // from here on, a failure replaces the entry
        shown = bare(location.href);
        document.title = d.title;
        for (const l of d.querySelectorAll("link[rel~=stylesheet]")) { // one the document lacks: added
          l.href = new URL(l.getAttribute("href"), at).href;
          if (![...document.querySelectorAll("link[rel~=stylesheet]")].some((m) => m.href === l.href)) document.head.append(l);
        }
        // The old page: its <Portal> content leaves, its tables are emptied (its nodes' __dx leave with them).
        nodes.forEach((m, i) => i > 1 && m && mounts.includes(m.parentNode) && !mounts.includes(m) && m.remove());
        nodes = [null], templates = [], mounts = [], focus = null;
        timers.forEach((t) => clearTimeout(t)), timers = new Map(); // (clearTimeout clears intervals too)
        for (const t in win) win[t].clear();
        document.getElementById("dx-state")?.remove();
        activate(d);
        root.replaceChildren(...mount.childNodes);
        const inst = await WebAssembly.instantiate(module, imports);
        if (n !== seq) return;
        start(inst, s, d.getElementById("dx-state"));
        stats.navigations++;
        const h = hash && document.getElementById(decodeURIComponent(hash.slice(1)));
        if (!restore(pos)) h ? h.scrollIntoView() : scrollTo(0, 0);
      } catch (_) {
        if (!body) location[push ? "assign" : "replace"](u);
        else if (n !== seq) return; // a later navigation took over
        else if (!got) HTMLFormElement.prototype.submit.call(form);
        else history.pushState(null, "", got[0]), document.open(), document.write(got[1]), document.close();
      }
    }

    // The URL dx navigates to for an event on a link, or nothing when the browser should handle it.
    function link(e) {
      const a = e.target.closest?.("a[href]:not([download],[rel~=external],[target]:not([target=_self]))");
      const u = a && a.href + ""; // an SVG <a> has no string href: left to the browser
      if (u && u.startsWith(base) && !(bare(u) === shown && u.includes("#"))) return u; // not a fragment of the page shown
    }
    addEventListener("click", (e) => { // on window: after the app's handlers, which may preventDefault
      const u = !e.defaultPrevented && !e.button && !(e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) && link(e);
      if (u) e.preventDefault(), go(u, u !== location.href);
    });
    // A GET form into the app (its action, or its submitter's formaction, under dx.js's folder; same window) is a
    // navigation to that URL with the fields as its query, as the browser would make it; a POST form there (url-
    // encoded, the default) one that sends the fields as its body, to a page that reads them (useFormData). Other
    // forms are left to the browser. After the app's own submit handlers, which may preventDefault.
    addEventListener("submit", (e) => {
      const f = e.target, s = e.submitter, attr = (n) => (s && s.getAttribute("form" + n)) || f.getAttribute(n);
      const post = (attr("method") || "").toLowerCase() === "post";
      if (e.defaultPrevented || !(f instanceof HTMLFormElement) || !post && (attr("method") || "get").toLowerCase() !== "get" ||
          post && !/^(application\/x-www-form-urlencoded)?$/i.test(attr("enctype") || "") || (attr("target") || "_self") !== "_self") return;
      const u = new URL(attr("action") || "", document.baseURI); // (no action: the document's URL)
      if (!u.href.startsWith(base)) return;
      const fields = new URLSearchParams(new FormData(f, s));
      u.hash = "";
      if (!post) u.search = fields + "";
      e.preventDefault();
      post ? go(u.href, 1, 0, fields, f) : go(u.href, u.href !== location.href);
    });
    const soon = (e) => { // hover or focus: prefetch (not the page shown: the pointer often rests on its own link)
      clearTimeout(hover);
      const u = link(e);
      if (u && bare(u) !== shown) hover = setTimeout(prefetch, 50, u);
    };
    addEventListener("mouseover", soon);
    addEventListener("focusin", soon);
    addEventListener("popstate", (e) => {
      clearTimeout(saving); // a position not saved yet would go to the new entry
      if (bare(location.href) !== shown) go(location.href, 0, e.state);
      else restore(e.state); // another fragment of the page shown
    });
    addEventListener("scroll", () => (clearTimeout(saving), saving = setTimeout(save, 100)));
    return { restore, go };
  })();

  ready.catch((err) => console.error("dx: start failed:", err));
  window.__dx = { ready, stats, navigate: (u) => nav ? nav.go(new URL(u, location.href).href, 1) : location.assign(u) };
})();
