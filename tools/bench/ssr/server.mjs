// tools/bench/ssr/server.mjs — Solid's server rendering behind node's http server, for run.sh's HTTP run:
// every GET of / or /t/:id renders the table (the hydratable build of solid.jsx) into a whole page, as a
// Solid SSR app serves it (hydration script in <head>). Prints "listening on PORT" once ready.
//   node server.mjs --bundle DIR/solid-hydratable.mjs [--port N]
import http from 'node:http';

const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : def;
};
const { render, headScript } = await import(opt('--bundle', ''));
const head = headScript();

const server = http.createServer((req, res) => {
  if (req.method !== 'GET' || !(req.url === '/' || /^\/t\/[^/]+$/.test(req.url))) {
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
    return;
  }
  const body = '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>solid ssr bench</title>' + head +
    '</head><body><div id="main">' + render() + '</div></body></html>';
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(body) });
  res.end(body);
});
server.keepAliveTimeout = 60000;
server.listen(Number(opt('--port', '0')), '127.0.0.1', () => console.log(`listening on ${server.address().port}`));
