import { num, str, bool } from "../prelude";

// Recursive records: an interface whose field holds its own type (through an array or a nullable field),
// a type alias of an object type doing the same, recursion over them, and loops narrowed by their condition.
interface Tree {
  name: string;
  kids: Tree[];
}
type Cell = { value: number; next: Cell | null };
interface Comment {
  text: string;
  parent?: Comment;
  replies: Comment[];
}

function leaf(name: string): Tree {
  return { name: name, kids: [] };
}
function size(t: Tree): number {
  let n = 1;
  for (const k of t.kids) n += size(k);
  return n;
}
function depth(t: Tree): number {
  let d = 0;
  for (const k of t.kids) d = Math.max(d, depth(k));
  return d + 1;
}
function names(t: Tree, indent: string): string {
  let out = indent + t.name + ";";
  for (const k of t.kids) out += names(k, indent + "-");
  return out;
}
function list(n: number): Cell | null {
  let head: Cell | null = null;
  for (let i = n; i > 0; i--) head = { value: i * 1.5, next: head };
  return head;
}
function total(c: Cell | null): number {
  let s = 0;
  for (let at = c; at !== null; at = at.next) s += at.value;
  return s;
}
function length(c: Cell | null): number {
  let n = 0;
  let at = c;
  while (at !== null) {
    n++;
    at = at.next;
  }
  return n;
}
function reverse(c: Cell | null): Cell | null {
  let prev: Cell | null = null;
  let at = c;
  while (at) {
    const next: Cell | null = at.next;
    prev = { value: at.value, next: prev };
    at = next;
  }
  return prev;
}
function path(c: Comment): string {
  let out = c.text;
  let at = c.parent;
  while (at !== undefined) {
    out = at.text + " > " + out;
    at = at.parent;
  }
  return out;
}

export function trees(): string {
  const t: Tree = { name: "root", kids: [leaf("a"), { name: "b", kids: [leaf("b1"), { name: "b2", kids: [leaf("b21")] }] }, leaf("c")] };
  const copy: Tree = { ...t, kids: [...t.kids, leaf("d")] };
  copy.kids[0].name = "A";
  return num(size(t)) + num(depth(t)) + str(names(t, "")) + num(size(copy)) + str(t.kids[0].name) + num(size(leaf("x"))) +
    bool(t.kids[1].kids[1].kids[0].kids.length === 0);
}
export function cells(): string {
  const l = list(5);
  const r = reverse(l);
  return num(total(l)) + num(length(l)) + num(total(null)) + num(length(null)) + num(r !== null ? r.value : -1) +
    num(total(reverse(reverse(l)))) + bool(list(0) === null);
}
export function comments(): string {
  const root: Comment = { text: "root", replies: [] };
  const a: Comment = { text: "a", parent: root, replies: [] };
  root.replies.push(a);
  const b: Comment = { text: "b", parent: a, replies: [] };
  a.replies.push(b);
  return str(path(b)) + str(path(root)) + num(root.replies[0].replies.length) + str(root.replies[0].replies[0].text);
}
