// The three apps: where each one's files are, building the Solid bundle and (when asked) the dx sample.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, copyFileSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export const here = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
export const root = path.resolve(here, '../../..');
const require = createRequire(path.join(root, 'package.json'));

// Solid: babel-preset-solid (generate: "dom") on src/main.jsx, then one minified esbuild bundle (browser
// conditions, production build of solid-js) into <buildDir>/solid/.
export async function buildSolid(buildDir) {
  const babel = require('@babel/core');
  const esbuild = require('esbuild');
  const src = path.join(here, 'frameworks/solid');
  const out = path.join(buildDir, 'solid');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const file = path.join(src, 'src/main.jsx');
  const { code } = babel.transformSync(readFileSync(file, 'utf8'), {
    filename: file, babelrc: false, configFile: false,
    presets: [[require.resolve('babel-preset-solid'), { generate: 'dom' }]],
  });
  const result = await esbuild.build({
    stdin: { contents: code, resolveDir: root, sourcefile: 'main.js', loader: 'js' },
    bundle: true, minify: true, format: 'iife', platform: 'browser', target: 'es2020', write: false,
    define: { 'process.env.NODE_ENV': '"production"' }, logLevel: 'silent',
  });
  writeFileSync(path.join(out, 'main.js'), result.outputFiles[0].contents);
  copyFileSync(path.join(src, 'index.html'), path.join(out, 'index.html'));
  return out;
}

// The dx app's dist/: --dx-dist DIR if given; else, when $DXC is set and the project (samples/jsfb, or
// --dx-project DIR) exists, build it with `$DXC build <project> -o <buildDir>/dx-dist`; else <project>/dist if
// it is there. Returns { dir } or { missing: "why" }.
export function locateDx({ dxDist, dxProject, buildDir, dxc = process.env.DXC }) {
  if (dxDist) {
    const dir = path.resolve(dxDist);
    return existsSync(path.join(dir, 'index.html')) ? { dir } : { missing: `--dx-dist ${dir} has no index.html` };
  }
  const sample = dxProject ? path.resolve(dxProject) : path.join(root, 'samples/jsfb');
  const name = path.relative(root, sample) || sample;
  if (!existsSync(path.join(sample, 'pages'))) return { missing: `${name} does not exist (yet)` };
  if (dxc) {
    const out = path.join(buildDir, 'dx-dist');
    const r = spawnSync(dxc, ['build', sample, '-o', out, '--quiet'], { encoding: 'utf8', timeout: 120000 });
    if (r.status !== 0) {
      const why = (r.error ? String(r.error) : `${r.stdout}${r.stderr}`).trim().split('\n').slice(0, 12).join('\n');
      return { missing: `\`${dxc} build ${name}\` failed (exit ${r.status}):\n${why}` };
    }
    return { dir: out };
  }
  const dist = path.join(sample, 'dist');
  if (existsSync(path.join(dist, 'index.html'))) return { dir: dist };
  return { missing: `${name}/dist is missing (build it with \`build/dev/compiler/dxc build ${name}\`, or set DXC)` };
}

export const vanillaDir = path.join(here, 'frameworks/vanillajs');
export const cssDir = path.join(here, 'css');
