import { num, str, bool } from "../prelude";

// null and undefined for reference types: literals, narrowing, ??, ?., optional fields, equality, String().
interface Boss {
  name: string;
  nick?: string;
}
interface Person {
  name: string;
  nick?: string;
  boss?: Boss;
}

function describe(p: Person | null): string {
  if (p === null) return "nobody";
  const nick = p.nick ?? "no nick";
  return p.name + " (" + nick + ")" + (p.boss ? " reports to " + p.boss.name : "");
}
function firstLong(xs: string[], min: number): string | undefined {
  for (const x of xs) if (x.length >= min) return x;
  return undefined;
}
export function literals(): string {
  const a: string | null = null;
  const b: string | undefined = undefined;
  return str("" + a + b) + str(`${a}|${b}`) + bool(a === null) + bool(b === undefined) + bool(a == b) +
    bool(null == undefined) + bool(null === undefined);
}
export function narrowing(): string {
  const boss: Boss = { name: "Ada" };
  const p: Person = { name: "Bob", nick: "B", boss: boss };
  return str(describe(null)) + str(describe({ name: boss.name })) + str(describe(p)) + str(describe({ name: "Cy", boss: { name: p.name } }));
}
export function chains(): string {
  const p: Person | null = { name: "Dee", boss: { name: "Eve", nick: "E" } };
  const q: Person | undefined = undefined;
  return str(p?.boss?.nick ?? "-") + str(q?.name ?? "none") + str(p?.nick ?? "no") + bool(q?.boss === undefined);
}
export function guards(): string {
  let out = "";
  for (const min of [1, 3, 10]) {
    const hit = firstLong(["a", "abc", "abcdef"], min);
    if (!hit) { out += "none;"; continue; }
    out += hit.toUpperCase() + ";";
  }
  const maybe = firstLong([], 1);
  return str(out) + bool(maybe === undefined) + str(maybe ?? "fallback") + bool(!maybe) + bool(!!firstLong(["x"], 0));
}
export function equality(): string {
  const s1: string | null = "x" + "y";
  const s2: string | null = "xy";
  const n: string | null = null;
  return bool(s1 === s2) + bool(s1 === n) + bool(n === null) + bool(s1 !== null) + bool(n != undefined) + num((s1 ?? "").length);
}
