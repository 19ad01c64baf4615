import { num, str, strs } from "../prelude";

// interface B extends A (and several bases, generic ones, and a redeclared property of the same type):
// records with the bases' fields, spread, JSON.stringify in literal order.
interface Named {
  id: number;
  name: string;
}
interface Dated {
  at: number;
  id: number;
}
interface Post extends Named, Dated {
  title: string;
  name: string;
  tags?: string[];
}
interface Box<T> {
  value: T;
}
interface Labeled extends Box<string> {
  label: string;
}

function describe(n: Named): string {
  return n.id + ":" + n.name;
}

export function extendsFields(): string {
  const p: Post = { id: 7, name: "ada", at: 1815, title: "Notes" };
  const q: Post = { ...p, title: "More", tags: ["a", "b"] };
  return str(p.title) + num(p.at) + str(describe({ id: p.id, name: p.name })) + strs(q.tags ?? []) +
    str(JSON.stringify({ id: p.id, name: p.name, at: p.at, title: p.title })) + num(p.tags?.length ?? -1) + str(q.title);
}

export function genericBase(): string {
  const l: Labeled = { value: "v", label: "L" };
  const ls: Labeled[] = [l, { value: "w", label: "M" }];
  return str(ls.map((x) => x.label + x.value).join("|")) + str(JSON.stringify(ls));
}
