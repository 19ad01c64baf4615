// tools/bench/ssr: builds the node sides into <outDir> — solid.jsx through babel-preset-solid (generate "ssr",
// hydratable or not) and react.jsx, each bundled by esbuild for node with the production builds of its
// framework — and returns their module paths.
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export const here = path.dirname(new URL(import.meta.url).pathname);
export const root = path.resolve(here, '../../..');
const require = createRequire(path.join(root, 'package.json'));

async function bundle(code, sourcefile, outFile, extra = {}) {
  const esbuild = require('esbuild');
  await esbuild.build({
    stdin: { contents: code, resolveDir: here, sourcefile, loader: 'jsx' },
    bundle: true, format: 'esm', platform: 'node', target: 'node20', outfile: outFile,
    conditions: ['node'], define: { 'process.env.NODE_ENV': '"production"' }, logLevel: 'silent', ...extra,
  });
  return outFile;
}

export async function buildSolid(outDir, hydratable) {
  const babel = require('@babel/core');
  const file = path.join(here, 'solid.jsx');
  const { code } = babel.transformSync(readFileSync(file, 'utf8'), {
    filename: file, babelrc: false, configFile: false,
    presets: [[require.resolve('babel-preset-solid'), { generate: 'ssr', hydratable }]],
  });
  mkdirSync(outDir, { recursive: true });
  return bundle(code, 'solid.jsx', path.join(outDir, hydratable ? 'solid-hydratable.mjs' : 'solid.mjs'));
}

export async function buildReact(outDir) {
  mkdirSync(outDir, { recursive: true });
  const file = path.join(here, 'react.jsx');
  // react-dom/server (CommonJS) requires node built-ins: the ESM bundle gets a require of its own.
  const banner = { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" };
  return bundle(readFileSync(file, 'utf8'), 'react.jsx', path.join(outDir, 'react.mjs'), { jsx: 'automatic', banner });
}

// Every side's HTML reduced to what a reader sees: comments (dx's separators, React's `<!-- -->`, Solid's
// markers) and Solid's data-hk hydration keys left out.
export function canonical(html) {
  return html.replace(/<!--.*?-->/g, '').replace(/ data-hk="[^"]*"/g, '');
}
