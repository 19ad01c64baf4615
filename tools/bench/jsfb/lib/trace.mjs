// Chrome trace analysis, after the public harness (webdriver-ts/src/timeline.ts):
//  total  = from the start of the click's EventDispatch to the end of the first main-process Commit that starts
//           after the last click / FireAnimationFrame / TimerFire / Layout / FunctionCall event;
//  script = union of the JS intervals (EventDispatch, FunctionCall, TimerFire, RunMicrotasks, V8.Execute, ...)
//           on the click's thread that start inside [click, commit end] (wasm runs inside them);
//  paint  = union of the rendering intervals (style, layout, pre-paint, paint, layerize, commit) in it.
export const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'v8.execute'];

const START_FROM = new Set(['FireAnimationFrame', 'TimerFire', 'Layout', 'FunctionCall']);
const SCRIPT = new Set(['EventDispatch', 'EvaluateScript', 'v8.evaluateModule', 'FunctionCall', 'TimerFire',
  'FireIdleCallback', 'FireAnimationFrame', 'RunMicrotasks', 'V8.Execute']);
const PAINT = new Set(['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit']);

export function analyze(traceEvents) {
  const complete = traceEvents.filter((e) => e.ph === 'X' && typeof e.dur === 'number');
  const clicks = complete.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'click');
  if (clicks.length !== 1) throw new Error(`expected exactly one click EventDispatch in the trace, found ${clicks.length}`);
  const click = clicks[0];
  const clickEnd = click.ts + click.dur;
  const after = complete.filter((e) => e.pid === click.pid && e.ts > clickEnd).sort((a, b) => a.ts + a.dur - (b.ts + b.dur));
  const commits = after.filter((e) => e.name === 'Commit');
  if (commits.length === 0) throw new Error('no Commit event after the click');
  let startFrom = click;
  for (const e of after) if (START_FROM.has(e.name)) startFrom = e;
  const startEnd = startFrom.ts + startFrom.dur;
  const commit = commits.find((e) => e.ts > startEnd) ?? commits[commits.length - 1];
  const end = commit.ts + commit.dur;
  const within = complete.filter((e) => e.pid === click.pid && e.tid === click.tid && e.ts >= click.ts && e.ts <= end);
  return {
    total: (end - click.ts) / 1000,
    script: union(within.filter((e) => SCRIPT.has(e.name)), end) / 1000,
    paint: union(within.filter((e) => PAINT.has(e.name)), end) / 1000,
    commits: commits.length,
  };
}

// Total length of the union of [ts, ts + dur] intervals, clipped at `limit` (microseconds).
function union(events, limit) {
  const iv = events.map((e) => [e.ts, Math.min(e.ts + e.dur, limit)]).sort((a, b) => a[0] - b[0]);
  let sum = 0, s = -Infinity, t = -Infinity;
  for (const [a, b] of iv) {
    if (a > t) { if (t > s) sum += t - s; s = a; t = b; } else if (b > t) t = b;
  }
  if (t > s) sum += t - s;
  return sum;
}
