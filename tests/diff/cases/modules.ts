import { num, str, bool, nums, strs } from "../prelude";

// Module-level variables: evaluated once, before the first page (imported modules first), shared by every
// function that reads or writes them.
interface Row { id: number; label: string; }

const WORDS = ["pretty", "large", "big", "small"];
const SIZES: number[] = [1, 2.5, -0, 1e21];
let counter = 0;
let nextId = 1;
const ROWS: Row[] = makeRows(3);
let last: string | null = null;
const TABLE = { name: "t", rows: [1, 2, 3] };
const TOTAL = SIZES.reduce((a, b) => a + b, 0) + WORDS.length;

function makeRows(n: number): Row[] {
  const out: Row[] = [];
  for (let i = 0; i < n; i++) out.push({ id: nextId++, label: WORDS[i % WORDS.length] + " " + nextId });
  return out;
}
function bump(by: number): number {
  counter += by;
  return counter;
}

export function constants(): string {
  return strs(WORDS) + nums(SIZES) + num(TOTAL) + str(TABLE.name) + nums(TABLE.rows);
}
export function initializedOnceInOrder(): string {
  return nums(ROWS.map((r) => r.id)) + strs(ROWS.map((r) => r.label)) + num(nextId);
}
export function mutated(): string {
  const a = bump(2);
  const b = bump(3);
  nextId = nextId * 10;
  counter++;
  return num(a) + num(b) + num(counter) + num(nextId) + nums(makeRows(2).map((r) => r.id));
}
export function nullableGlobal(): string {
  const before = last === null ? "null" : last;
  last = "set";
  last = last + "!";
  return str(before) + str(last ?? "none") + bool(last !== null);
}
export function arraysInGlobalsGrow(): string {
  WORDS.push("extra");
  TABLE.rows.push(4);
  TABLE.rows[0] = 9;
  return num(WORDS.length) + nums(TABLE.rows) + str(WORDS[WORDS.length - 1]);
}
