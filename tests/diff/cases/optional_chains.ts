import { num, str, bool } from "../prelude";

// Optional chains short-circuit as a whole: when the object of a `?.` is null or undefined, every member
// access, call and indexing after it in the chain is skipped (and their arguments are not evaluated).
interface Tag { label: string; weight?: number }
interface User { name: string; tags?: string[]; best?: Tag; score?: number; greet?: (s: string) => string; list: Tag[] }

function users(): (User | null)[] {
  return [
    { name: "ada", tags: ["x", "yy"], best: { label: "lead", weight: 2 }, score: 0, greet: (s) => "hi " + s, list: [{ label: "a" }] },
    { name: "bob", list: [] },
    null,
  ];
}
let calls = 0;
function tick(): number { calls++; return calls; }

export function members(): string {
  let out = "";
  for (const u of users()) {
    out += str(u?.name.toUpperCase() ?? "-") + num(u?.name.length ?? -1) + str(u?.best?.label.slice(1) ?? "none");
    out += str(u?.tags?.map((t) => t + "!").join(",") ?? "no tags") + num(u?.tags?.length ?? -1);
    out += str(u?.best?.label.toUpperCase().toLowerCase() ?? "~") + num(u?.best?.weight ?? -2);
  }
  return out;
}
export function calls_and_indexing(): string {
  let out = "";
  for (const u of users()) {
    out += str(u?.greet?.("you").toUpperCase() ?? "silent") + str(u?.tags?.[1] ?? "no second");
    out += str(u?.list.find((t) => t.label === "a")?.label ?? "empty") + num(u?.list.length ?? 0);
    const t = u?.tags;
    out += str(t?.[0].repeat(2) ?? "none");
  }
  return out;
}
export function skipped_arguments(): string {
  calls = 0;
  const u: User | null = null;
  const v: User | null = { name: "cy", tags: ["q"], list: [] };
  const a = u?.name.slice(tick());
  const b = v?.name.slice(tick() - 1);
  const c = u?.tags?.[tick()];
  return bool(a === undefined) + str(b ?? "?") + bool(c === undefined) + num(calls);
}
export function statements(): string {
  const seen: string[] = [];
  const us = users();
  for (const u of us) {
    u?.tags?.forEach((t) => { seen.push(t); });
    u?.list.push({ label: "new" });
  }
  return str(seen.join("|")) + num(us[0]?.list.length ?? -1) + num(us[1]?.list.length ?? -1);
}
export function parenthesized(): string {
  const u: User | null = { name: "dee", list: [] };
  const n = (u?.name)?.length;
  return num(n ?? -1) + bool(u?.score === undefined) + num(users()[0]?.score ?? 5);
}
