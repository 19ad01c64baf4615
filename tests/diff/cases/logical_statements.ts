import { num, str } from "../prelude";

// `ok && run()` / `ok || run()` with a void right side: as statements and as an arrow's body; the left side is
// evaluated once, the right only when && sees a truthy (|| a falsy) value.
export function logicalStatements(): string {
  let log = "";
  let calls = 0;
  const note = (s: string): void => {
    log += s;
    calls++;
  };
  const left = (v: number): number => {
    log += "<" + v + ">";
    return v;
  };
  left(1) > 0 && note("a");
  left(0) > 0 && note("b");
  left(2) > 5 || note("c");
  left(9) > 5 || note("d");
  const onKey = (key: string) => key === "Enter" && note("!");
  onKey("Enter");
  onKey("x");
  const name = "";
  name || note("empty");
  name.length === 0 && note("[" + name + "]");
  return str(log) + num(calls);
}
