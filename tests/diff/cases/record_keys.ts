import { num, str, strs } from "../prelude";

// Record<K, V> for K a union of string literals (or an alias of one): a record with a field per key, read by a
// key of that type, spread, stringified in literal order.
type Filter = "all" | "active" | "done";
type Size = "s" | "m" | "l";

const LABELS: Record<Filter, string> = { all: "All", active: "Active", done: "Done" };
const WIDTH: Record<Size | "xl", number> = { s: 1, m: 2.5, l: -0, xl: NaN };

function label(f: Filter): string {
  return LABELS[f];
}

export function readsByKey(): string {
  const order: Filter[] = ["done", "all", "active"];
  const sizes: Size[] = ["l", "s", "m"];
  return strs(order.map(label)) + str(order.map((f) => LABELS[f].toLowerCase()).join("/")) +
    str(sizes.map((s) => String(WIDTH[s])).join(",")) + num(WIDTH["xl"]) + num(WIDTH.m);
}

export function countsPerKey(): string {
  const counts: Record<Filter, number> = { all: 0, active: 0, done: 0 };
  const next: Record<Filter, number> = { ...counts, done: counts.done + 3 };
  const keys: Filter[] = ["all", "active", "done"];
  let total = 0;
  for (const k of keys) total += next[k];
  return num(total) + str(JSON.stringify(next)) + str(JSON.stringify(LABELS));
}

function labelOf(labels: Record<Filter, string> | null, f: Filter): string {
  return labels?.[f] ?? "none";
}
export function optionalRecordKey(): string {
  return str(labelOf(LABELS, "done")) + str(labelOf(null, "all")) + num(labelOf(LABELS, "active").length);
}
