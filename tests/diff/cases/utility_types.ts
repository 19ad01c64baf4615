import { num, str } from "../prelude";

// Type-level forms that name record types: A & B, Pick, Omit, Partial, Required, Readonly, typeof a module
// constant, readonly T[]. Each is an ordinary record type (its own layout); values built and read as any.
interface User {
  id: number;
  name: string;
  email: string;
  admin: boolean;
  note?: string;
}
type Base = { id: number };
type Named = Base & { name: string };
type Preview = Pick<User, "id" | "name">;
type NoEmail = Omit<User, "email" | "note">;
type Draft = Partial<Preview>;
type Full = Required<Pick<User, "name" | "note">>;
const DEFAULTS = { size: 3, color: "red" };
type Opts = typeof DEFAULTS;

function preview(u: User): Preview {
  return { id: u.id, name: u.name };
}

export function utilityTypes(): string {
  const u: User = { id: 1, name: "ann", email: "a@x", admin: false };
  const n: Named = { id: 2, name: "bo" };
  const ne: NoEmail = { id: 3, name: "cy", admin: true };
  const d: Draft = { name: "x" };
  const full: Full = { name: "f", note: "n" };
  const o: Opts = { ...DEFAULTS, size: 4 };
  const frozen: Readonly<Opts> = o;
  const ro: readonly string[] = ["a", "b"];
  return str(preview(u).name) + num(n.id) + str(ne.admin ? "A" : "-") + str(d.name ?? "?") + num(d.id ?? -1) +
    str(full.note) + num(o.size) + str(o.color) + num(frozen.size) + str(ro.join("")) + str(JSON.stringify(preview(u)));
}
