import { num, str } from "../prelude";

// reduce and reduceRight without an initial value (the first element is, and an empty array throws V8's
// TypeError), reduce<R> with the accumulator's type given, and dictionary keys that may be undefined (JS's
// ToPropertyKey: d[s[0]] of an empty s is d["undefined"]).
interface User {
  name: string;
  age: number;
}

export function noInitial(): string {
  const users: User[] = [{ name: "ann", age: 31 }, { name: "bob", age: 45 }, { name: "cy", age: 45 }];
  const oldest = users.reduce((m, u) => (u.age > m.age ? u : m));
  const youngestRight = users.reduceRight((m, u) => (u.age <= m.age ? u : m));
  const sum = [1.5, -0, 2].reduce((a, b) => a + b);
  const one = [7].reduce((a, b) => a * b);
  const cat = ["a", "b", "c"].reduceRight((a, b) => a + b);
  let seen = "";
  const idx = [10, 20, 30].reduce((a, b, i) => { seen += i; return a + b * i; });
  let msg = "none";
  try {
    const empty: number[] = [];
    empty.reduce((a, b) => a + b);
  } catch (e) {
    msg = e.name + ": " + e.message;
  }
  return str(oldest.name) + str(youngestRight.name) + num(sum) + num(one) + str(cat) + num(idx) + str(seen) + str(msg);
}

export function givenAccumulator(): string {
  const users: User[] = [{ name: "ann", age: 31 }, { name: "al", age: 5 }, { name: "bob", age: 45 }, { name: "", age: 1 }];
  const grouped = users.reduce<Record<string, User[]>>((acc, u) => {
    (acc[u.name[0]] ??= []).push(u);
    return acc;
  }, {});
  const counts = users.reduce<number[]>((acc, u) => [...acc, u.age], []);
  const keys = Object.keys(grouped).join("|");
  const sizes = Object.values(grouped).map((g) => g.length).join();
  return str(keys) + str(sizes) + str(counts.join()) + str(grouped["undefined"]?.[0]?.name ?? "-");
}

export function maybeKeys(): string {
  const d: Record<string, number> = {};
  const words = ["x", "", "yz", ""];
  for (const w of words) d[w[0]] = (d[w[0]] ?? 0) + 1;
  const n: number | null = null;
  d[n] = 5;
  const m: number | undefined = 2.5;
  d[m] = 6;
  return str(Object.entries(d).map(([k, v]) => k + "=" + v).join(",")) + num(d["null"] ?? -1) + num(d[undefined] ?? -1);
}
