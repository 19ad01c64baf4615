// A static server like the public harness's: 127.0.0.1, a random port, /css/currentStyle.css at the root and
// each app under /frameworks/keyed/<name>/. Brotli when the client accepts it: a precompressed `.br` beside
// the file if there is one (dxc writes them), else node's zlib at quality 11 (cached per file).
import { readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.wasm': 'application/wasm', '.svg': 'image/svg+xml',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.wasm', '.svg', '.dxb', '.txt']);

// mounts: { "/css/": dir, "/frameworks/keyed/vanillajs/": dir, ... } (each key ends with "/").
export function startServer(mounts) {
  const cache = new Map(); // file -> { mtimeMs, br }
  let requests = 0;
  const server = http.createServer((req, res) => {
    requests++;
    const url = new URL(req.url, 'http://127.0.0.1');
    let pathname;
    try { pathname = decodeURIComponent(url.pathname); } catch { res.writeHead(400).end(); return; }
    const prefix = Object.keys(mounts).find((p) => pathname.startsWith(p) || pathname === p.slice(0, -1));
    if (!prefix) { res.writeHead(404).end(); return; }
    if (pathname === prefix.slice(0, -1)) { res.writeHead(301, { Location: prefix }).end(); return; }
    const base = mounts[prefix];
    let file = path.join(base, pathname.slice(prefix.length));
    if (file !== base && !file.startsWith(base + path.sep)) { res.writeHead(400).end(); return; }
    let st;
    try { st = statSync(file); if (st.isDirectory()) { file = path.join(file, 'index.html'); st = statSync(file); } }
    catch { res.writeHead(404).end(); return; }
    const ext = path.extname(file);
    const headers = {
      'Content-Type': TYPES[ext] ?? 'application/octet-stream', 'Cache-Control': 'no-store', Vary: 'Accept-Encoding',
      // Cross-origin isolation, as the public harness serves it (lets performance.measureUserAgentSpecificMemory run).
      'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp',
    };
    let body;
    if (/\bbr\b/.test(req.headers['accept-encoding'] ?? '')) body = brotli(file, st, ext, cache);
    if (body) headers['Content-Encoding'] = 'br';
    else body = readFileSync(file);
    headers['Content-Length'] = body.length;
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  server.keepAliveTimeout = 2000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve({
      origin: `http://127.0.0.1:${server.address().port}`,
      requests: () => requests,
      stop: () => new Promise((done) => { server.closeAllConnections?.(); server.close(() => done()); }),
    }));
  });
}

function brotli(file, st, ext, cache) {
  try { const pre = statSync(file + '.br'); if (pre.mtimeMs >= st.mtimeMs) return readFileSync(file + '.br'); } catch { /* none */ }
  if (!COMPRESSIBLE.has(ext)) return undefined;
  const hit = cache.get(file);
  if (hit && hit.mtimeMs === st.mtimeMs) return hit.br;
  const br = zlib.brotliCompressSync(readFileSync(file), {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: st.size },
  });
  cache.set(file, { mtimeMs: st.mtimeMs, br });
  return br;
}
