import { num, str, strs } from "../prelude";

// x["name"] with a string literal is x.name: fields whose names are no identifiers, reads and writes,
// compound assignment, optional chains, and arrays' and strings' own properties and methods.
interface Row {
  "first name": string;
  "e-mail": string;
  age: number;
  tags: string[];
}

function makeRow(): Row {
  return { "first name": "Ada", "e-mail": "ada@example.com", age: 36, tags: ["math", "engines"] };
}

export function quotedFields(): string {
  const r = makeRow();
  r["age"] += 1;
  r["first name"] = r["first name"] + " L.";
  r["tags"].push("poetry");
  return str(r["first name"]) + str(r["e-mail"]) + num(r["age"]) + num(r.age) + strs(r["tags"]) + num(r["tags"]["length"]);
}

function describe(flag: boolean): string {
  const r: Row | null = flag ? makeRow() : null;
  return str(r?.["first name"] ?? "nobody") + num(r?.["tags"].length ?? -1);
}
export function maybeRow(): string {
  return describe(true) + describe(false);
}

export function stringOwn(): string {
  const s = "héllo";
  return num(s["length"]) + str(s["toUpperCase"]()) + num(s["charCodeAt"](1)) + str(["b", "a"]["join"]("+"));
}
