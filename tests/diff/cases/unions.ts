import { num, str, strs, nums, bool, maybeNum } from "../prelude";

// Discriminated unions of records: object literals build the variant their tag names, a field every variant
// has is read on the union, `===`/`!==` on the tag and `switch` over it narrow to the variants.
interface Circle {
  kind: "circle";
  r: number;
}
interface Square {
  kind: "square";
  side: number;
  label: string;
}
type Shape = Circle | Square | { kind: "dot"; label: string };

function area(s: Shape): number {
  switch (s.kind) {
    case "circle":
      return Math.PI * s.r * s.r;
    case "square":
      return s.side * s.side;
    default:
      return 0;
  }
}

function describe(s: Shape): string {
  if (s.kind === "circle") return "circle r=" + s.r;
  if (s.kind !== "square") return "dot " + s.label;
  return "square " + s.side + " " + s.label;
}

type Action = { type: "add"; text: string } | { type: "remove"; index: number } | { type: "clear" };

function reduce(items: string[], a: Action): string[] {
  switch (a.type) {
    case "add":
      return [...items, a.text];
    case "remove":
      return items.filter((_, i) => i !== a.index);
    case "clear":
      return [];
  }
  return items;
}

export function shapes(): string {
  const all: Shape[] = [{ kind: "circle", r: 1 }, { kind: "square", side: 2, label: "sq" }, { kind: "dot", label: "here" }];
  let out = "";
  for (const s of all) out += s.kind + ":" + num(area(s)) + ":" + describe(s) + ";";
  const kinds = all.map((s) => s.kind).join(",");
  return out + " " + kinds;
}

export function actions(): string {
  let items: string[] = [];
  const script: Action[] = [{ type: "add", text: "a" }, { type: "add", text: "b" }, { type: "add", text: "c" }, { type: "remove", index: 1 }];
  for (const a of script) items = reduce(items, a);
  const before = strs(items);
  items = reduce(items, { type: "clear" });
  return before + " " + items.length;
}

type Result = { status: "ok"; value: number } | { status: "error"; message: string };

function parse(s: string): Result {
  const n = Number(s);
  return Number.isNaN(n) ? { status: "error", message: "not a number: " + s } : { status: "ok", value: n };
}

export function results(): string {
  let out = "";
  for (const s of ["1", "x", "2.5"]) {
    const r = parse(s);
    switch (r.status) {
      case "ok":
        out += "ok " + r.value + ";";
        break;
      case "error":
        out += r.message + ";";
        break;
    }
    const isOk = r.status === "ok";
    out += bool(isOk) + ",";
  }
  const maybe: Result | null = Math.random() > 2 ? parse("3") : null;
  return out + " " + (maybe === null ? "none" : maybe.status);
}

export function fallthrough(): string {
  const all: Shape[] = [{ kind: "circle", r: 2 }, { kind: "dot", label: "d" }, { kind: "square", side: 3, label: "s" }];
  let out = "";
  for (const s of all) {
    switch (s.kind) {
      case "dot":
      case "square":
        out += "labelled " + s.label + ";";
        break;
      case "circle":
        out += "round " + s.r + ";";
    }
  }
  return out;
}

// A value of a variant's own type (its tag field a string literal) goes where the union is expected.
function circle(r: number): Circle {
  return { kind: "circle", r };
}
function bigger(c: Circle): Circle {
  return { ...c, r: c.r * 2 };
}

export function variantsAsUnion(): string {
  const shapes: Shape[] = [];
  shapes.push(circle(1));
  const sq: Square = { kind: "square", side: 3, label: "q" };
  shapes.push(sq);
  shapes.push(bigger(circle(2)));
  let total = 0;
  for (const s of shapes) total += area(s);
  const first: Shape = shapes[0];
  const back = first.kind === "circle" ? bigger(first).r : -1;
  return num(Math.round(total)) + " " + shapes.map(describe).join("|") + " " + back;
}
