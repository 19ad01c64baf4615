import { bool, num, nums, str, strs } from "../prelude";

// JSON.parse typed by its target (`const x: T = JSON.parse(s)`, `JSON.parse(s) as T`): numbers in every JSON
// form, string escapes (surrogate pairs and lone surrogates too), whitespace, nesting, null for nullable
// targets, missing optional fields, duplicate keys (the last wins), keys the type does not declare.
export function parseNumbers(): string {
  const xs: number[] = JSON.parse("[0, -0, 1, -1.5, 1e3, 1E-7, 2.5e+2, 123456789012345680000, 0.1, 5e-324, 1.7976931348623157e308, 1e400, -1e400]");
  const one: number = JSON.parse(" 42 ");
  return nums(xs) + "|" + num(one) + "|" + num(JSON.parse("-0.0") as number) + "|" + num(JSON.parse("9007199254740993") as number);
}
export function parseStrings(): string {
  const ss: string[] = JSON.parse('["", "plain", "q \\" b \\\\ s \\/", "\\b\\f\\n\\r\\t", "\\u0041\\u00e9\\u20AC", "\\ud83d\\ude00", "\\ud83d", "é😀", "\\u0000"]');
  let out = "";
  for (const s of ss) {
    let codes = "";
    for (let i = 0; i < s.length; i++) codes += s.charCodeAt(i) + ",";
    out += str(codes) + "|";
  }
  return out + strs(ss.slice(0, 5));
}
export function parseBooleansAndNulls(): string {
  const bs = JSON.parse("[true,false, true ]") as boolean[];
  const t: boolean = JSON.parse("true");
  const maybe: (string | null)[] = JSON.parse('[null, "x", null]');
  const whole: string | null = JSON.parse("null");
  let out = bs.map((b) => bool(b)).join(",") + bool(t) + "|";
  for (const m of maybe) out += m === null ? "null," : m + ",";
  return out + (whole === null ? "null" : whole);
}
interface Todo { id: number; title: string; completed: boolean; }
interface Doc { name: string; tags: string[]; note?: string; parent: Todo | null; grid: number[][]; }
export function parseRecords(): string {
  const text = JSON.stringify([{ id: 1, title: "a \"q\"", completed: false }, { id: 2.5, title: "é😀", completed: true }]);
  const todos: Todo[] = JSON.parse(text);
  let out = "";
  for (const t of todos) out += num(t.id) + ":" + str(t.title) + ":" + bool(t.completed) + ";";
  out += JSON.stringify(todos) === text ? "round-trip|" : "differs|";
  const d = JSON.parse('{"grid":[[1,2],[],[3]],"extra":{"a":[1,{"b":null}],"c":"}"},"name":"first","tags":["x","y"],' +
    '"parent":{"completed":true,"title":"p","id":7},"name":"last"}') as Doc;
  out += d.name + "," + strs(d.tags) + "," + (d.note === undefined ? "no note" : d.note) + ",";
  out += (d.parent === null ? "no parent" : d.parent.title + d.parent.id) + "," + d.grid.map((r) => nums(r)).join("");
  const e: Doc = JSON.parse('{ "name" : "e" , "tags" : [ ] , "note" : "n" , "parent" : null , "grid" : [ ] }');
  out += "|" + e.name + e.tags.length + (e.note === undefined ? "-" : e.note) + (e.parent === null ? "null" : "set") + e.grid.length;
  const empty: Todo[] = JSON.parse("[]");
  return out + "|" + empty.length;
}
export function parseDeepUndeclared(): string {
  // A value nested 100,000 deep under a key the type does not declare is skipped without recursion.
  const n = 100000;
  const deep = '{"x":' + "[".repeat(n) + '{"a":[1,"]",{}]}' + "]".repeat(n) + ',"id":3,"title":"deep","completed":true,"y":{"z":[{}, []]}}';
  const t: Todo = JSON.parse(deep);
  return num(t.id) + t.title + bool(t.completed);
}
