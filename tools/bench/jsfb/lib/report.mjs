// Medians, ratios to vanilla, the weighted geometric mean, and the printed table.
export const median = (xs) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b), m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

// results: { [app]: { ops: { [opId]: [{ total, script, paint }] }, load: [{ fcp, bytes, memory }] } }
export function summarize(apps, ops, results) {
  const summary = { ops: [], geomean: {}, load: {} };
  for (const op of ops) {
    const row = { id: op.id, label: op.label, throttle: op.throttle, weight: op.weight, apps: {} };
    for (const app of apps) {
      const runs = results[app]?.ops[op.id] ?? [];
      row.apps[app] = { n: runs.length, total: median(runs.map((r) => r.total)), script: median(runs.map((r) => r.script)), paint: median(runs.map((r) => r.paint)) };
    }
    const base = row.apps.vanillajs;
    for (const app of apps) {
      row.apps[app].ratio = base ? row.apps[app].total / base.total : NaN;
      row.apps[app].scriptRatio = base ? row.apps[app].script / base.script : NaN;
    }
    summary.ops.push(row);
  }
  for (const app of apps) {
    summary.geomean[app] = { total: geomean(summary.ops, app, 'ratio'), script: geomean(summary.ops, app, 'scriptRatio') };
    const load = results[app]?.load ?? [];
    summary.load[app] = load.length ? {
      fcp: median(load.map((l) => l.fcp)), bytes: load[load.length - 1].bytes, files: load[load.length - 1].files,
      memory: { jsHeap: median(load.map((l) => l.memory.jsHeap)), wasm: median(load.map((l) => l.memory.wasm)), total: median(load.map((l) => l.memory.total)) },
    } : null;
  }
  return summary;
}

// As the public results page: exp(Σ wᵢ·ln rᵢ / Σ wᵢ) over the operations that have a ratio.
function geomean(rows, app, key) {
  let num = 0, den = 0;
  for (const r of rows) { const x = r.apps[app][key]; if (Number.isFinite(x) && x > 0) { num += r.weight * Math.log(x); den += r.weight; } }
  return den ? Math.exp(num / den) : NaN;
}

const f1 = (x) => (Number.isFinite(x) ? x.toFixed(1) : '—');
const f2 = (x) => (Number.isFinite(x) ? x.toFixed(2) : '—');
const kb = (x) => (Number.isFinite(x) ? (x / 1024).toFixed(1) : '—');
const mb = (x) => (Number.isFinite(x) ? (x / 1048576).toFixed(2) : '—');

export function formatTable(apps, summary) {
  const others = apps.filter((a) => a !== 'vanillajs');
  const head = ['operation', ...apps.map((a) => `${a} ms`), ...others.map((a) => `${a}/van`), ...apps.map((a) => `script ${a}`), ...others.map((a) => `s.${a}/van`)];
  const lines = [head];
  for (const r of summary.ops) {
    lines.push([`${r.id.slice(0, 2)} ${r.label}${r.throttle > 1 ? ` (×${r.throttle})` : ''}`,
      ...apps.map((a) => f1(r.apps[a].total)), ...others.map((a) => f2(r.apps[a].ratio)),
      ...apps.map((a) => f1(r.apps[a].script)), ...others.map((a) => f2(r.apps[a].scriptRatio))]);
  }
  lines.push(['weighted geometric mean', ...apps.map(() => ''), ...others.map((a) => f2(summary.geomean[a].total)),
    ...apps.map(() => ''), ...others.map((a) => f2(summary.geomean[a].script))]);
  const widths = head.map((_, i) => Math.max(...lines.map((l) => String(l[i]).length)));
  const fmt = (l) => l.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  const out = [fmt(head), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.slice(1).map(fmt)];

  const loadRows = [['', ...apps],
    ['first contentful paint, ms', ...apps.map((a) => f1(summary.load[a]?.fcp))],
    ['transferred (brotli) app, KB', ...apps.map((a) => kb(summary.load[a]?.bytes.app))],
    ['  on the wire incl. headers, KB', ...apps.map((a) => kb(summary.load[a]?.bytes.appWire))],
    ['  with /css/currentStyle.css, KB', ...apps.map((a) => kb(summary.load[a]?.bytes.total))],
    ['memory after 10k + clear, MB', ...apps.map((a) => mb(summary.load[a]?.memory.total))],
    ['  JS heap used, MB', ...apps.map((a) => mb(summary.load[a]?.memory.jsHeap))],
    ['  wasm memory, MB', ...apps.map((a) => mb(summary.load[a]?.memory.wasm))]];
  const lw = loadRows[0].map((_, i) => Math.max(...loadRows.map((l) => String(l[i]).length), 8));
  out.push('', ...loadRows.map((l) => l.map((c, i) => (i === 0 ? String(c).padEnd(lw[i]) : String(c).padStart(lw[i]))).join('  ')));
  return out.join('\n');
}
